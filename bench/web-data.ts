/**
 * npm run bench:web-data — the web tier's data at district scale. Through the production web
 * server (web/src/production/main.ts), one signed-in teacher's deck library (GET /api/decks) and
 * a deck save (PUT /api/decks/:id), timed one after another: with BENCH_TEACHERS teachers ×
 * BENCH_DECKS_PER_TEACHER decks in the database (default 10,000 × 50 = 500,000 decks), printed
 * beside the same requests on a database that holds only that teacher's decks; on SQLite (the
 * embedded default) and on PostgreSQL (Debian's, started here, fsync off like the tests').
 * What is compared is the ratio full / empty: how much the other 499,950 decks cost a teacher.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../web/src/embedded/build-if-stale.ts';
import { hashPassword } from '../web/src/server/accounts/passwords.ts';
import { setPasswordHash } from '../web/src/server/data/account-repository.ts';
import { openDatabase, type DatabaseTarget } from '../web/src/server/data/connect.ts';
import { migrateToLatest } from '../web/src/server/data/migrate.ts';
import { startPostgres } from '../web/test/support/postgres.ts';
import { startWebServerProcess } from '../web/test/support/web-server-process.ts';
import { percentiles, timeRequests } from './web-data/latency.ts';
import { benchDeck, seedTeachers } from './web-data/seed.ts';

const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const TEACHERS = numberFromEnv('BENCH_TEACHERS', 10_000);
const DECKS = numberFromEnv('BENCH_DECKS_PER_TEACHER', 50);
const REQUESTS = numberFromEnv('BENCH_REQUESTS', 300);
const WARMUP = numberFromEnv('BENCH_WARMUP', 30);
const PASSWORD = 'the bench teacher password';
const SECRETS = {
  WEB_SESSION_SECRET: 'bench-web-data-session-secret-'.padEnd(48, 'b'),
  REALTIME_TOKEN_SECRET: 'bench-web-data-realtime-secret-'.padEnd(48, 'b'),
};

interface Measured {
  library: number[];
  save: number[];
  seedSeconds: number;
}

/** Seeds a database (`others` more teachers besides the measured one), then times the requests. */
async function measure(target: DatabaseTarget, others: number): Promise<Measured> {
  const db = openDatabase(target);
  await migrateToLatest(db);
  const seeding = performance.now();
  await seedTeachers(db, 1, DECKS);
  await setPasswordHash(db, 't0', await hashPassword(PASSWORD), 0);
  if (others > 0) await seedTeachers(db, others, DECKS, 1);
  const seedSeconds = (performance.now() - seeding) / 1000;
  await db.destroy();

  const server = await startWebServerProcess({
    ...SECRETS,
    ...(target.dialect === 'postgres'
      ? { DATABASE_URL: target.url }
      : { WEB_SQLITE_PATH: target.path }),
  });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'teacher0@district.test', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const expect = async (response: Response, what: string) => {
      const body = await response.text();
      if (!response.ok) throw new Error(`${what}: ${response.status} ${body.slice(0, 200)}`);
      return body;
    };
    const library = await timeRequests(REQUESTS, WARMUP, async () => {
      const body = await expect(
        await fetch(`${server.url}/api/decks`, { headers: { cookie } }),
        'library',
      );
      if ((JSON.parse(body) as { decks: unknown[] }).decks.length !== DECKS)
        throw new Error('the library lists the wrong number of decks');
    });
    const save = await timeRequests(REQUESTS, WARMUP, async (i) => {
      await expect(
        await fetch(`${server.url}/api/decks/t0-d${i % DECKS}`, {
          method: 'PUT',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(benchDeck(`Saved ${i}`)),
        }),
        'save',
      );
    });
    return { library, save, seedSeconds };
  } finally {
    server.child.kill('SIGKILL');
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function report(backend: string, empty: Measured, full: Measured): void {
  process.stdout.write(
    `\n${backend}: ${TEACHERS.toLocaleString('en')} teachers × ${DECKS} decks seeded in ${full.seedSeconds.toFixed(0)} s\n`,
  );
  process.stdout.write(
    '  request        empty p50 / p99          full p50 / p99          full ÷ empty p50 / p99\n',
  );
  for (const [name, a, b] of [
    ['library (GET)', empty.library, full.library],
    ['save (PUT)   ', empty.save, full.save],
  ] as const) {
    const e = percentiles(a);
    const f = percentiles(b);
    process.stdout.write(
      `  ${name}  ${ms(e.p50).padStart(9)} / ${ms(e.p99).padStart(9)}    ${ms(f.p50).padStart(9)} / ${ms(f.p99).padStart(9)}    ${(f.p50 / e.p50).toFixed(2)} / ${(f.p99 / e.p99).toFixed(2)}\n`,
    );
  }
}

const webDir = fileURLToPath(new URL('../web', import.meta.url));
buildIfStale(webDir, [
  fileURLToPath(new URL('../realtime', import.meta.url)),
  fileURLToPath(new URL('../metrics-aggregator', import.meta.url)),
]);
process.stdout.write(
  `bench:web-data — ${REQUESTS} timed requests each after ${WARMUP} warm-up, one at a time\n`,
);

const folder = mkdtempSync(join(tmpdir(), 'classpulse-bench-data-'));
const postgres = await startPostgres();
try {
  const sqlite = (name: string): DatabaseTarget => ({
    dialect: 'sqlite',
    path: join(folder, `${name}.sqlite`),
  });
  report('SQLite', await measure(sqlite('empty'), 0), await measure(sqlite('full'), TEACHERS - 1));
  const pg = async (name: string): Promise<DatabaseTarget> => ({
    dialect: 'postgres',
    url: await postgres.createDatabase(name),
    poolMax: 10,
  });
  report(
    'PostgreSQL',
    await measure(await pg('bench_empty'), 0),
    await measure(await pg('bench_full'), TEACHERS - 1),
  );
} finally {
  postgres.stop();
  rmSync(folder, { recursive: true, force: true });
}
