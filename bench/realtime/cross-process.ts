/**
 * Cross-process overhead: the realtime tier in cluster mode on one redis-server, measured twice in
 * the same run with the same load —
 *   - one process: students and the teacher on the same process (the baseline);
 *   - two processes: students on A, the teacher on B, and B owns the session, so every answer is
 *     forwarded A → B over Redis and acknowledged back, the path a multi-pod deployment takes.
 * The difference is what crossing processes costs; the ratio of the two is what to read.
 */
import type { ELDHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startRedisServer } from '../../realtime/test/support/redis-server.ts';
import { closeAll, connectTeacher, joinStudents } from './load-generator.ts';
import { burst, phase, sustained, type PhaseResult } from './scenario.ts';
import { startServerProcess, type ServerHandle } from './server-handle.ts';
import { createBenchSession } from './sessions.ts';

export interface CrossProcessLoad {
  students: number;
  burstWindowMs: number;
  sustainedRate: number;
  sustainedSeconds: number;
}

export interface CrossProcessResult {
  load: CrossProcessLoad;
  oneProcess: { burst: PhaseResult; sustained: PhaseResult };
  twoProcesses: { burst: PhaseResult; sustained: PhaseResult };
}

export async function runCrossProcess(
  load: CrossProcessLoad,
  generatorLag: ELDHistogram,
): Promise<CrossProcessResult> {
  const redis = await startRedisServer();
  const env = { BENCH_REDIS_URL: redis.url };
  try {
    const oneProcess = await measure(
      [await startServerProcess('cluster', env)],
      load,
      generatorLag,
    );
    const twoProcesses = await measure(
      await Promise.all([startServerProcess('cluster', env), startServerProcess('cluster', env)]),
      load,
      generatorLag,
    );
    return { load, oneProcess, twoProcesses };
  } finally {
    await redis.stop();
  }
}

/** Students on the first server; the session and its teacher on the last one. */
async function measure(
  servers: ServerHandle[],
  load: CrossProcessLoad,
  generatorLag: ELDHistogram,
): Promise<{ burst: PhaseResult; sustained: PhaseResult }> {
  const studentsOn = servers[0]!;
  const owner = servers.at(-1)!;
  try {
    const session = await createBenchSession(owner);
    const teacher = await connectTeacher(owner, session.teacherToken);
    const students = await joinStudents(studentsOn, session, load.students, 'Student');
    await sleep(1_000); // joins settle
    const tag = `x${servers.length}${Date.now().toString(36)}`;
    try {
      return {
        burst: await phase(owner, session, teacher, generatorLag, () =>
          burst(students, load.burstWindowMs, tag),
        ),
        sustained: await phase(owner, session, teacher, generatorLag, () =>
          sustained(students, load.sustainedRate, load.sustainedSeconds, tag),
        ),
      };
    } finally {
      closeAll([teacher, ...students]);
    }
  } finally {
    for (const server of servers) await server.stop();
  }
}
