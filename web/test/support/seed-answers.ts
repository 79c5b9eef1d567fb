import type { Answer, DeckInput, Slide } from '@classpulse/realtime/protocol';
import { apply, type Envelope } from '@classpulse/realtime/engine';
import { createSqliteStore } from '@classpulse/realtime/server';
import { join } from 'node:path';

/** A deck of `slides` multiple-choice questions (the shape the report benches and tests seed). */
export function manyQuestionsDeck(title: string, slides: number): DeckInput {
  return {
    title,
    slides: Array.from({ length: slides }, (_, i) => ({
      id: `q${i + 1}`,
      title: `Question ${i + 1}`,
      question: {
        kind: 'multiple-choice' as const,
        prompt: `Question ${i + 1}?`,
        options: [
          { id: 'a', label: 'Alpha' },
          { id: 'b', label: 'Bravo' },
          { id: 'c', label: 'Charlie' },
          { id: 'd', label: 'Delta' },
        ],
      },
    })),
  };
}

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Esi', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Alvarez', 'Nguyen', 'Kowalski'];

/** The name of seeded student number `i` (varied, so sorting by name does real work). */
export function seededName(i: number): string {
  return `${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 3) % LAST.length]} ${i + 1}`;
}

export interface SeedOptions {
  /** The embedded stack's data folder; the stack must be stopped (the seeder writes its store). */
  dataDir: string;
  sessionId: string;
  students: number;
  /** Answers per student per question slide: the first, then changed answers. */
  answersPerSlide: number;
  /**
   * Student `i`'s answer in `round` on a question slide, or null for none; default: one of the
   * options a..d of the multiple-choice slides (manyQuestionsDeck).
   */
  answerFor?: (i: number, round: number, slide: Slide) => Answer | null;
}

const OPTIONS_4 = ['a', 'b', 'c', 'd'];

function multipleChoiceAnswer(i: number, round: number): Answer {
  return { kind: 'multiple-choice', optionIds: [OPTIONS_4[(i + round) % 4]!] };
}

export interface Seeded {
  /** Acknowledged answers (with an ack health record each). */
  answers: number;
  studentIds: string[];
}

/**
 * Fills a session the web app created (its deck of question slides) with students and answers,
 * through the real engine and the real SQLite store, as the realtime tier would have written them:
 * every join and answer an appended command, every answer an acknowledgement health record with
 * delivery facts, every student a connection that opened (and for some, dropped). Orders of
 * magnitude faster than sockets, so a 1,000,000-answer session takes seconds to a minute.
 */
export async function seedAnswers(options: SeedOptions): Promise<Seeded> {
  const store = createSqliteStore({
    path: join(options.dataDir, 'realtime.sqlite'),
    synchronous: 'normal',
    snapshotEvery: 200,
  });
  // The store's writer thread does not hold the process open; the seeder must, while it writes.
  const keepAlive = setInterval(() => undefined, 1_000);
  try {
    let state = await store.load(options.sessionId);
    if (!state) throw new Error(`no session ${options.sessionId} to seed`);
    const { sessionId } = options;
    const teacher = { role: 'teacher', teacherId: state.teacherId } as const;
    let now = Date.now();
    let pending: Array<Promise<void>> = [];
    const run = async (envelope: Envelope): Promise<void> => {
      const applied = apply(state!, envelope, now++);
      if (!applied.ok)
        throw new Error(`seeding ${envelope.command.type}: ${applied.code} ${applied.message}`);
      state = applied.state;
      if (applied.events.length === 0) return;
      pending.push(store.append(sessionId, applied.events, state));
      // The store groups appends into batches; a bounded window keeps memory flat.
      if (pending.length >= 5_000) {
        await Promise.all(pending);
        pending = [];
      }
    };

    await run({ actor: teacher, command: { type: 'setClassSize', classSize: options.students } });
    const studentIds = Array.from({ length: options.students }, (_, i) => `seed-student-${i}`);
    for (const [i, studentId] of studentIds.entries()) {
      await run({
        actor: { role: 'student', studentId },
        command: { type: 'join', name: seededName(i) },
      });
      store.recordHealth?.(sessionId, [
        {
          k: 'open',
          at: now,
          studentId,
          connection: `seed-socket-${i}`,
          transport: 'websocket',
          process: 'seed',
        },
      ]);
      if (i % 10 === 0)
        store.recordHealth?.(sessionId, [
          {
            k: 'close',
            at: now,
            studentId,
            connection: `seed-socket-${i}`,
            reason: 'transport close',
          },
          {
            k: 'open',
            at: now,
            studentId,
            connection: `seed-socket-${i}-again`,
            transport: 'websocket',
            process: 'seed',
          },
        ]);
    }

    const answerFor = options.answerFor ?? multipleChoiceAnswer;
    let answers = 0;
    for (const [slideIndex, slide] of state.deck.slides.entries()) {
      if (!slide.question) continue;
      await run({ actor: teacher, command: { type: 'goToSlide', slideIndex } });
      for (let round = 0; round < options.answersPerSlide; round++) {
        for (const [i, studentId] of studentIds.entries()) {
          const answer = answerFor(i, round, slide);
          if (!answer) continue;
          const answerId = `seed-${i}-${slideIndex}-${round}`;
          const receivedAt = now;
          await run({
            actor: { role: 'student', studentId },
            command: {
              type: 'submitAnswer',
              slideId: slide.id,
              answerId,
              answer,
              clientCreatedAt: receivedAt - 20,
            },
          });
          store.recordHealth?.(sessionId, [
            {
              k: 'ack',
              at: receivedAt + 2,
              receivedAt,
              studentId,
              slideId: slide.id,
              answerId,
              transport: 'websocket',
              duplicate: false,
              queuedMs: (i * 13 + round * 7) % 400,
              offline: i % 50 === 0 && round === 0,
              attempt: 1,
            },
          ]);
          answers++;
        }
      }
    }
    await Promise.all(pending);
    return { answers, studentIds };
  } finally {
    await store.close();
    clearInterval(keepAlive);
  }
}
