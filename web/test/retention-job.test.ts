/**
 * The retention job against real stores: the embedded default (web SQLite + the realtime tier on
 * its SQLite store) and production's (PostgreSQL + the realtime tier on Redis). A real realtime
 * server holds real sessions with a student and an answer each; the job deletes through its HTTP
 * API as the system. Every store is then read directly (the SQLite files, every Redis key and
 * value, the web tables), not through an API: what is past retention is nowhere, the rest is all
 * there. Two replicas running at once delete and count each session once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type DeckInput } from '@classpulse/realtime/protocol';
import {
  createRealtimeServer,
  realtimeConfig,
  silentLogger,
  type RealtimeConfig,
  type RealtimeServer,
} from '@classpulse/realtime/server';
import { startRtdbServer, type RtdbServer } from '@classpulse/realtime/testing';
import { createTokenService, type TokenService } from '@classpulse/realtime/tokens';
import { recordAccess } from '../src/server/data/access-audit-repository.ts';
import { openDatabase, type DatabaseTarget } from '../src/server/data/connect.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import { setRetentionPolicy } from '../src/server/data/retention-repository.ts';
import { insertSession } from '../src/server/data/session-repository.ts';
import type { WebTables } from '../src/server/data/tables.ts';
import { runRetentionPass } from '../src/server/retention-job.ts';
import {
  retentionRealtimeOverHttp,
  type RetentionRealtime,
} from '../src/server/retention-realtime.ts';
import { startRetentionJob } from '../src/server/retention-scheduler.ts';
import { createWebMetrics, type WebMetrics } from '../src/server/web-metrics.ts';
import { startPostgres, type TestPostgres } from './support/postgres.ts';
import { startRedis, type TestRedis } from './support/redis.ts';

const DAY = 86_400_000;
const SECRET = 'retention-job-test-secret-'.padEnd(48, 'x');
const RETENTION_DAYS = 30;
/**
 * The job runs "100 days from now": the realtime tier's sessions, started now on its real clock,
 * have been idle long past the 30-day policy by then; the web rows' times are set around it.
 */
const JOB_NOW = Date.now() + 100 * DAY;
const jobNow = () => JOB_NOW;

const DECK: DeckInput = {
  title: 'Capitals',
  slides: [
    {
      id: 'q1',
      title: 'Capital',
      question: {
        kind: 'multiple-choice',
        prompt: 'Capital of France?',
        options: [
          { id: 'a', label: 'Paris' },
          { id: 'b', label: 'Lyon' },
        ],
      },
    },
  ],
};

interface Backend {
  name: string;
  start(folder: string): Promise<{
    db: DatabaseTarget;
    redisUrl?: string;
    firebase?: RealtimeConfig['firebase'];
  }>;
  /** Every place the realtime store mentions `needle` (table rows, Redis keys and values). */
  realtimeMentions(needle: string): Promise<string[]>;
  stop(): Promise<void>;
}

function sqliteMentions(path: string, needle: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    return tables.flatMap(({ name }) =>
      db
        .prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`)
        .all()
        .filter((row) => rowText(row).includes(needle))
        .map(() => name),
    );
  } finally {
    db.close();
  }
}

const rowText = (row: Record<string, unknown>) =>
  Object.values(row)
    .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
    .join('\u0000');

async function redisMentions(url: string, needle: string): Promise<string[]> {
  const redis = new Redis(url);
  try {
    const found: string[] = [];
    for (const key of await redis.keys('*')) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? [await redis.getBuffer(key).then((b) => b?.toString('latin1') ?? '')]
          : type === 'set'
            ? await redis.smembers(key)
            : type === 'zset'
              ? await redis.zrange(key, 0, -1)
              : type === 'hash'
                ? Object.entries(await redis.hgetall(key)).flat()
                : type === 'list'
                  ? await redis.lrange(key, 0, -1)
                  : type === 'stream'
                    ? JSON.stringify(await redis.xrange(key, '-', '+'))
                    : [`(${type})`];
      if (key.includes(needle) || [value].flat().some((v) => v.includes(needle))) found.push(key);
    }
    return found;
  } finally {
    redis.disconnect();
  }
}

let postgres: TestPostgres | undefined;
let redis: TestRedis | undefined;
let rtdb: RtdbServer | undefined;
let realtimeSqlitePath = '';

/** The top-level paths of the Realtime Database tree whose data mentions `needle`. */
async function firebaseMentions(needle: string): Promise<string[]> {
  const tree = ((await rtdb!.server.getValue()) ?? {}) as Record<string, unknown>;
  const found: string[] = [];
  const walk = (path: string, value: unknown) => {
    if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) {
        if (key.includes(needle)) found.push(`${path}/${key}`);
        else walk(`${path}/${key}`, child);
      }
    else if (String(value).includes(needle)) found.push(path);
  };
  walk('', tree);
  return found;
}

const BACKENDS: Backend[] = [
  {
    name: 'SQLite web database + realtime SQLite store (embedded default)',
    start: async (folder) => {
      realtimeSqlitePath = join(folder, 'realtime.sqlite');
      return { db: { dialect: 'sqlite', path: join(folder, 'web.sqlite') } };
    },
    realtimeMentions: async (needle) => sqliteMentions(realtimeSqlitePath, needle),
    stop: async () => {},
  },
  {
    name: 'PostgreSQL + realtime Redis store (Kubernetes)',
    start: async (folder) => {
      realtimeSqlitePath = join(folder, 'unused.sqlite');
      postgres = await startPostgres();
      redis = await startRedis();
      return {
        db: { dialect: 'postgres', url: await postgres.createDatabase('retention'), poolMax: 4 },
        redisUrl: redis.url,
      };
    },
    realtimeMentions: (needle) => redisMentions(redis!.url, needle),
    stop: async () => {
      await redis?.stop();
      postgres?.stop();
    },
  },
  {
    name: 'SQLite web database + realtime Firebase store (the Realtime Database protocol peer)',
    start: async (folder) => {
      realtimeSqlitePath = join(folder, 'unused.sqlite');
      rtdb = await startRtdbServer();
      return {
        db: { dialect: 'sqlite', path: join(folder, 'web.sqlite') },
        firebase: {
          databaseUrl: rtdb.databaseUrl,
          projectId: 'classpulse-test',
          serviceAccount: null,
          databaseEmulatorHost: rtdb.host,
          authEmulatorHost: undefined,
        },
      };
    },
    realtimeMentions: firebaseMentions,
    stop: async () => {
      await rtdb?.stop();
    },
  },
];

/** One class on the realtime tier: a session, a student who joined and answered. */
interface Class {
  sessionId: string;
  ownerId: string;
  student: string;
}

async function startClass(
  realtime: RealtimeServer,
  tokens: TokenService,
  ownerId: string,
  student: string | null,
  end: boolean,
): Promise<Class> {
  const created = await fetch(`${realtime.url}/v1/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await tokens.signTeacherAccount(ownerId)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ deck: DECK }),
  });
  assert.equal(created.status, 201);
  const { sessionId, joinCode } = (await created.json()) as { sessionId: string; joinCode: string };
  if (student) {
    const socket = io(realtime.url, {
      auth: { v: PROTOCOL_VERSION, join: { code: joinCode, name: student } },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('session:welcome', () => resolve());
        socket.once('connect_error', reject);
      });
      const ack = (await socket.emitWithAck('student:submit', {
        sessionId,
        slideId: 'q1',
        answerId: `answer-${sessionId}`,
        answer: { kind: 'multiple-choice', optionIds: ['a'] },
      })) as { ok: boolean };
      assert.equal(ack.ok, true, 'the answer is stored');
    } finally {
      socket.disconnect();
    }
  }
  if (end) {
    const ended = await fetch(`${realtime.url}/v1/sessions/${sessionId}/commands`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokens.signTeacher(sessionId, ownerId)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ type: 'endSession' }),
    });
    assert.equal(ended.status, 200, await ended.text());
  }
  return { sessionId, ownerId, student: student ?? '' };
}

/** The web tier's rows of a class: its library row as a teacher started it, times as given. */
async function libraryRow(
  db: Kysely<WebTables>,
  c: Class,
  times: { createdAt: number; endedAt?: number; keepUntil?: number },
): Promise<void> {
  await insertSession(
    db,
    c.ownerId,
    {
      id: c.sessionId,
      deckId: null,
      title: DECK.title,
      joinCode: 'ABCDEF',
      teacherToken: 'stored-token',
      createdAt: times.createdAt,
    },
    'socket',
  );
  await db
    .updateTable('sessions')
    .set({ ended_at: times.endedAt ?? null, keep_until: times.keepUntil ?? null })
    .where('id', '=', c.sessionId)
    .execute();
  if (c.student)
    await db
      .insertInto('session_students')
      .values({
        session_id: c.sessionId,
        email: `${c.sessionId}@students.example`,
        student_id: `s-${c.sessionId}`,
        name: c.student,
        created_at: times.createdAt,
      })
      .execute();
  await db
    .insertInto('session_co_teachers')
    .values({
      session_id: c.sessionId,
      account_id: 'co-teacher',
      added_by: c.ownerId,
      created_at: times.createdAt,
    })
    .execute();
}

/** Every web table row that mentions `needle`, as `table`. */
async function webMentions(db: Kysely<WebTables>, needle: string): Promise<string[]> {
  const tables = ['sessions', 'session_students', 'session_co_teachers', 'access_audit'] as const;
  const found: string[] = [];
  for (const table of tables) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Array<
      Record<string, unknown>
    >;
    for (const row of rows) if (rowText(row).includes(needle)) found.push(table);
  }
  return found;
}

const deletedCount = async (metrics: WebMetrics, kind: string) =>
  (await metrics.retentionDeleted.get()).values.find((v) => v.labels.kind === kind)?.value ?? 0;

for (const backend of BACKENDS) {
  describe(`the retention job on ${backend.name}`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'classpulse-retention-'));
    let db: Kysely<WebTables>;
    let target: DatabaseTarget;
    let realtime: RealtimeServer;
    let tokens: TokenService;
    let viaHttp: RetentionRealtime;

    before(async () => {
      const started = await backend.start(folder);
      target = started.db;
      db = openDatabase(target);
      await migrateToLatest(db);
      await setRetentionPolicy(db, { retentionDays: RETENTION_DAYS, maxKeepDays: 365 }, 'admin', 0);
      realtime = await createRealtimeServer(
        realtimeConfig({
          port: 0,
          host: '127.0.0.1',
          tokenSecret: SECRET,
          dataDir: folder,
          sqlitePath: realtimeSqlitePath,
          logLevel: 'silent',
          ...(started.redisUrl ? { redisUrl: started.redisUrl } : {}),
          ...(started.firebase ? { firebase: started.firebase } : {}),
        }),
        { logger: silentLogger() },
      );
      tokens = createTokenService({
        secret: SECRET,
        teacherTtlSeconds: 60,
        studentTtlSeconds: 3600,
      });
      viaHttp = retentionRealtimeOverHttp(realtime.url, tokens);
    });

    after(async () => {
      await realtime?.close();
      await db?.destroy();
      await backend.stop();
      rmSync(folder, { recursive: true, force: true });
    });

    // The tests run in order on one database, each pass later than the one before (the lease
    // remembers the last success).
    it('asks the realtime tier about sessions it never saw end: in use or ended lately, they stay', async () => {
      // The job runs 20 days from now under the 30-day policy: the realtime tier's sessions,
      // active now, are within retention though their library rows started 40 days before.
      const soon = Date.now() + 20 * DAY;
      const started = soon - 40 * DAY;
      const inUse = await startClass(realtime, tokens, 'teacher-c', 'Fay Active', false);
      await libraryRow(db, inUse, { createdAt: started });
      const endedLately = await startClass(realtime, tokens, 'teacher-c', 'Gil Ended', true);
      await libraryRow(db, endedLately, { createdAt: started });

      const result = await runRetentionPass({
        db,
        realtime: viaHttp,
        holder: 'replica-asking',
        now: () => soon,
        leaseMs: 60_000,
        minGapMs: 0,
      });
      assert.equal(result.ran, true);
      assert.equal(result.failures, 0);
      for (const c of [inUse, endedLately]) {
        assert.ok((await backend.realtimeMentions(c.student)).length > 0, c.student);
        assert.deepEqual(await webMentions(db, c.student), ['session_students'], c.student);
      }
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'ended_at', 'deletion_claimed_by'])
        .where('id', 'in', [inUse.sessionId, endedLately.sessionId])
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      // The end the realtime tier reported is recorded (the retention clock starts there);
      // a session still live has none, so it is asked again on the next pass.
      assert.equal(byId.get(inUse.sessionId)?.ended_at, null);
      const ended = byId.get(endedLately.sessionId)?.ended_at ?? 0;
      assert.ok(ended > soon - 21 * DAY && ended <= Date.now(), 'its real end');
      assert.ok([...byId.values()].every((r) => r.deletion_claimed_by === null));

      // Both go once they have been idle past retention.
      const later = await runRetentionPass({
        db,
        realtime: viaHttp,
        holder: 'replica-later',
        now: () => Date.now() + 31 * DAY,
        leaseMs: 60_000,
        minGapMs: 0,
      });
      assert.equal(later.sessions, 2);
      for (const c of [inUse, endedLately]) {
        assert.deepEqual(await backend.realtimeMentions(c.student), [], c.student);
        assert.deepEqual(await webMentions(db, c.sessionId), [], c.sessionId);
      }
    });

    it('runs a pass after its start delay, reports it, and stops cleanly', async () => {
      const metrics = createWebMetrics();
      let reported: (value: unknown) => void = () => {};
      const passed = new Promise((resolve) => (reported = resolve));
      const job = startRetentionJob({
        db,
        realtime: viaHttp,
        metrics,
        intervalMs: DAY,
        startDelayMs: 0,
        now: () => Date.now() + 40 * DAY,
        onPass: reported,
      });
      const outcome = (await passed) as { result?: { ran: boolean }; error?: unknown };
      assert.equal(outcome.error, undefined);
      assert.equal(outcome.result?.ran, true);
      await job.stop();
      await job.stop();
      const runs = (await metrics.retentionRuns.get()).values;
      assert.deepEqual(
        runs.map((v) => `${v.labels.outcome}=${v.value}`),
        ['success=1'],
      );
    });

    it('deletes sessions past retention from every store, keeps newer and kept ones, trims the audit', async () => {
      const old = JOB_NOW - 40 * DAY;
      const recent = JOB_NOW - 5 * DAY;
      // Past retention: its end was recorded 40 days before the job runs.
      const endedOld = await startClass(realtime, tokens, 'teacher-a', 'Ada Past', true);
      await libraryRow(db, endedOld, { createdAt: old, endedAt: old });
      // Past retention: never ended (the teacher closed the tab); idle since it started.
      const idle = await startClass(realtime, tokens, 'teacher-a', 'Ben Idle', false);
      await libraryRow(db, idle, { createdAt: old });
      // Past retention: ended on the realtime tier, but no report ever told the web tier.
      const endedUnseen = await startClass(realtime, tokens, 'teacher-b', 'Cy Unseen', true);
      await libraryRow(db, endedUnseen, { createdAt: old });
      // Within retention: ended 5 days before the job.
      const newer = await startClass(realtime, tokens, 'teacher-a', 'Dee Recent', true);
      await libraryRow(db, newer, { createdAt: recent, endedAt: recent });
      // Past retention, but its teacher keeps it 10 more days.
      const kept = await startClass(realtime, tokens, 'teacher-b', 'Eve Kept', true);
      await libraryRow(db, kept, { createdAt: old, endedAt: old, keepUntil: JOB_NOW + 10 * DAY });
      // A library row whose live session is already gone from the realtime tier.
      const orphan: Class = { sessionId: 'gone-from-realtime', ownerId: 'teacher-a', student: '' };
      await libraryRow(db, orphan, { createdAt: old, endedAt: old });

      const past = [endedOld, idle, endedUnseen, orphan];
      const stay = [newer, kept];
      for (const c of [...past, ...stay].filter((c) => c.student)) {
        assert.ok((await backend.realtimeMentions(c.sessionId)).length > 0, 'stored live');
        assert.ok((await backend.realtimeMentions(c.student)).length > 0, 'student stored');
      }

      await recordAccess(db, {
        id: 'audit-old',
        at: JOB_NOW - 31 * DAY,
        accountId: 'teacher-a',
        action: 'report.view',
        sessionId: newer.sessionId,
        detail: null,
      });
      await recordAccess(db, {
        id: 'audit-new',
        at: JOB_NOW - 29 * DAY,
        accountId: 'teacher-a',
        action: 'report.csv',
        sessionId: newer.sessionId,
        detail: null,
      });

      const metrics = createWebMetrics();
      const job = startRetentionJob({
        db,
        realtime: viaHttp,
        metrics,
        intervalMs: DAY,
        startDelayMs: DAY,
        now: jobNow,
      });
      const result = await job.runOnce();
      await job.stop();

      assert.deepEqual(result, { ran: true, sessions: 4, auditEntries: 1, failures: 0 });
      assert.equal(await deletedCount(metrics, 'session'), 4);
      assert.equal(await deletedCount(metrics, 'audit_entry'), 1);
      assert.equal((await metrics.retentionLastSuccess.get()).values[0]?.value, JOB_NOW / 1000);

      for (const c of past) {
        assert.deepEqual(await backend.realtimeMentions(c.sessionId), [], `${c.sessionId} live`);
        assert.deepEqual(await webMentions(db, c.sessionId), [], `${c.sessionId} in web`);
        if (c.student) {
          assert.deepEqual(await backend.realtimeMentions(c.student), [], c.student);
          assert.deepEqual(await webMentions(db, c.student), [], c.student);
        }
      }
      for (const c of stay) {
        assert.ok((await backend.realtimeMentions(c.sessionId)).length > 0, `${c.student} live`);
        assert.ok((await backend.realtimeMentions(c.student)).length > 0, c.student);
        assert.deepEqual(
          (await webMentions(db, c.student)).sort(),
          ['session_students'],
          `${c.student} in web`,
        );
        const row = await db
          .selectFrom('sessions')
          .select(['id', 'deletion_claimed_by'])
          .where('id', '=', c.sessionId)
          .executeTakeFirstOrThrow();
        assert.equal(row.deletion_claimed_by, null);
      }
      const audit = await db.selectFrom('access_audit').select('id').execute();
      assert.deepEqual(
        audit.map((a) => a.id),
        ['audit-new'],
      );

      // The next pass within the day is another replica's skip; after it, nothing is left to do.
      const again = await runRetentionPass({
        db,
        realtime: viaHttp,
        holder: 'another-replica',
        now: jobNow,
        leaseMs: 60_000,
        minGapMs: DAY / 2,
      });
      assert.equal(again.ran, false);
      const tomorrow = await runRetentionPass({
        db,
        realtime: viaHttp,
        holder: 'another-replica',
        now: () => JOB_NOW + DAY,
        leaseMs: 60_000,
        minGapMs: DAY / 2,
      });
      assert.deepEqual(tomorrow, { ran: true, sessions: 0, auditEntries: 0, failures: 0 });
    });

    it('two replicas at once delete and count each session once and lose nothing else', async () => {
      const old = JOB_NOW - 60 * DAY;
      const recent = JOB_NOW - 1 * DAY;
      const pastClasses: Class[] = [];
      const stayClasses: Class[] = [];
      for (let i = 0; i < 12; i++) {
        const c = await startClass(realtime, tokens, `teacher-${i % 3}`, null, i % 2 === 0);
        await libraryRow(db, c, { createdAt: old - i, endedAt: i % 2 === 0 ? old : undefined });
        pastClasses.push(c);
      }
      for (let i = 0; i < 4; i++) {
        const c = await startClass(realtime, tokens, `teacher-${i % 3}`, null, true);
        await libraryRow(db, c, { createdAt: recent, endedAt: recent });
        stayClasses.push(c);
      }

      // Each replica its own connection (pool) to the one database, as two pods have.
      const replicas = [openDatabase(target), openDatabase(target)];
      try {
        const metrics = replicas.map(() => createWebMetrics());
        // First as deployed: the lease lets one replica run the day's pass, the other skips.
        const leased = await Promise.all(
          replicas.map((replica, i) =>
            startRetentionJob({
              db: replica,
              realtime: viaHttp,
              metrics: metrics[i]!,
              intervalMs: DAY,
              startDelayMs: DAY,
              now: () => JOB_NOW + 2 * DAY,
            }).runOnce(),
          ),
        );
        assert.deepEqual(leased.map((r) => r.ran).sort(), [false, true]);
        const runs = await Promise.all(metrics.map((m) => m.retentionRuns.get()));
        assert.deepEqual(
          runs.flatMap((r) => r.values.map((v) => `${v.labels.outcome}=${v.value}`)).sort(),
          ['skipped=1', 'success=1'],
        );
        const afterLease = leased.reduce((sum, r) => sum + r.sessions, 0);
        assert.equal(afterLease, 12);

        // Then the case the claims are for: a stalled replica's lease taken over while it still
        // runs, so two passes overlap (lease of 0 ms), over sessions past retention again.
        const more: Class[] = [];
        for (let i = 0; i < 12; i++) {
          const c = await startClass(realtime, tokens, `teacher-${i % 3}`, null, i % 2 === 0);
          await libraryRow(db, c, { createdAt: old - i, endedAt: old });
          more.push(c);
        }
        const overlapping = await Promise.all(
          replicas.map((replica, i) =>
            runRetentionPass({
              db: replica,
              realtime: viaHttp,
              holder: `replica-${i}`,
              now: () => JOB_NOW + 3 * DAY,
              leaseMs: 0,
              claimTtlMs: DAY,
              minGapMs: 0,
              batchSize: 3,
              onDeleted: (kind, count) => metrics[i]!.retentionDeleted.inc({ kind }, count),
            }),
          ),
        );
        assert.deepEqual(
          overlapping.map((r) => r.ran),
          [true, true],
        );
        assert.equal(overlapping[0]!.sessions + overlapping[1]!.sessions, 12);
        assert.equal(overlapping[0]!.failures + overlapping[1]!.failures, 0);
        const counted =
          (await deletedCount(metrics[0]!, 'session')) +
          (await deletedCount(metrics[1]!, 'session'));
        assert.equal(counted, 24, 'the metric adds up to exactly the sessions past retention');

        for (const c of [...pastClasses, ...more]) {
          assert.deepEqual(await backend.realtimeMentions(c.sessionId), [], c.sessionId);
          assert.deepEqual(await webMentions(db, c.sessionId), [], c.sessionId);
        }
        for (const c of stayClasses) {
          assert.ok((await backend.realtimeMentions(c.sessionId)).length > 0, c.sessionId);
          assert.deepEqual((await webMentions(db, c.sessionId)).sort(), [
            'session_co_teachers',
            'sessions',
          ]);
        }
      } finally {
        await Promise.all(replicas.map((r) => r.destroy()));
      }
    });
  });
}
