import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manyQuestionsDeck, seedAnswers } from './seed-answers.ts';
import { signInCookie } from './sign-in.ts';
import { OWNER, startStack, type Stack } from './stack.ts';
import { startSessionOf } from './start-session.ts';

/** A seeded session: its id, and what the seeder put in it. */
export interface SeededSession {
  sessionId: string;
  students: number;
  answers: number;
}

export interface SessionPlan {
  title: string;
  slides: number;
  students: number;
  answersPerSlide: number;
}

const MARKER = 'bench-seeded.json';

/**
 * The embedded stack with the planned sessions seeded (web/test/support/seed-answers.ts): made
 * through the web API, filled through the engine and the SQLite store while the stack is down.
 * With `cacheDir`, a folder seeded by an earlier run for the same plans is copied instead of
 * seeding again (a million answers take minutes to seed on this machine), and a fresh seed is
 * kept there for the next run.
 */
export async function seededStack<K extends string>(
  plans: Record<K, SessionPlan>,
  cacheDir: string | undefined,
): Promise<{ stack: Stack; sessions: Record<K, SeededSession>; seededSeconds: number | null }> {
  const planJson = JSON.stringify(plans);
  const cached =
    cacheDir && existsSync(join(cacheDir, MARKER))
      ? (JSON.parse(readFileSync(join(cacheDir, MARKER), 'utf8')) as {
          plans: string;
          sessions: Record<K, SeededSession>;
        })
      : null;
  if (cached && cached.plans === planJson) {
    const stack = await startStack(
      {},
      { seed: (dataDir) => cpSync(cacheDir!, dataDir, { recursive: true }) },
    );
    return { stack, sessions: cached.sessions, seededSeconds: null };
  }

  const stack = await startStack();
  const cookie = await signInCookie(stack.webUrl, stack.owner ?? OWNER);
  const started = {} as Record<K, string>;
  for (const [key, plan] of Object.entries(plans) as Array<[K, SessionPlan]>)
    started[key] = (
      await startSessionOf(stack.webUrl, cookie, manyQuestionsDeck(plan.title, plan.slides))
    ).sessionId;
  await stack.kill();
  const seeding = performance.now();
  const sessions = {} as Record<K, SeededSession>;
  for (const [key, plan] of Object.entries(plans) as Array<[K, SessionPlan]>) {
    const seeded = await seedAnswers({
      dataDir: stack.dataDir,
      sessionId: started[key],
      students: plan.students,
      answersPerSlide: plan.answersPerSlide,
    });
    sessions[key] = { sessionId: started[key], students: plan.students, answers: seeded.answers };
  }
  const seededSeconds = (performance.now() - seeding) / 1000;
  if (cacheDir) {
    cpSync(stack.dataDir, cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, MARKER), JSON.stringify({ plans: planJson, sessions }));
  }
  await stack.restart();
  return { stack, sessions, seededSeconds };
}
