/**
 * npm run bench:aggregator — the metrics aggregator against a bare `node:http` server that only
 * reads the body, `JSON.parse`s it and answers 204, with the same beacons in the same run.
 * Each server runs in its own process (bench/aggregator/server-process.ts); this process is
 * the load generator (bench/aggregator/http-load.ts: keep-alive connections, one request in
 * flight each, as fast as the server answers).
 *
 * Two phases, each: a warm-up of BENCH_WARMUP_SECONDS per server, then BENCH_SECONDS per server
 * in rounds ours, bare, bare, ours (so drift on a shared machine hits both alike):
 *   1. typical beacon: what a page sends after loading (7 events); requests/s and CPU per
 *      request; target: ours ≥ 50% of the bare rate, with full validation;
 *   2. large batches: BENCH_BATCH_EVENTS events per beacon (under 64 KiB); observations/s.
 * Every beacon is a new page with its own signed page token (verified on every beacon), in
 * turn over the apps; the per-page rate limit, "once per page" and the per-metric ceiling run on
 * every beacon but are set high enough to drop nothing. The comparison only
 * counts if every response was 204 and the aggregator's /metrics shows every event recorded.
 * The server's and the generator's CPU and event-loop lag, the CPU of everything else, and
 * the load average are printed, so a busy machine shows. Exits 1 when the target is missed.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { TEST_PAGE_TOKEN_SECRET } from '@classpulse/metrics-aggregator/testing';
import {
  beaconRequests,
  largeBatch,
  typicalBeacon,
  type BeaconRequests,
} from './aggregator/beacons.ts';
import { printPhase, TARGET_RATIO, type Phase } from './aggregator/report.ts';
import { runRound, type Round } from './aggregator/round.ts';
import { startServerProcess, type ServerHandle } from './aggregator/server-handle.ts';
import { scrapeProblems, statusProblems } from './aggregator/verify.ts';

const ENV_KNOBS = [
  'BENCH_SECONDS',
  'BENCH_WARMUP_SECONDS',
  'BENCH_CONNECTIONS',
  'BENCH_BATCH_EVENTS',
  'BENCH_CPU_PROF',
];
const numberFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const SECONDS = numberFromEnv('BENCH_SECONDS', 10);
const WARMUP_SECONDS = numberFromEnv('BENCH_WARMUP_SECONDS', 2);
const CONNECTIONS = Math.round(numberFromEnv('BENCH_CONNECTIONS', 64));
const BATCH_EVENTS = Math.round(numberFromEnv('BENCH_BATCH_EVENTS', 500));
const PAGES = 10_000;
const MAX_EVENTS_PER_BEACON = 1000;
const AGGREGATOR_ENV = {
  AGGREGATOR_HOST: '127.0.0.1',
  AGGREGATOR_PORT: '0',
  AGGREGATOR_INTERNAL_HOST: '127.0.0.1',
  AGGREGATOR_INTERNAL_PORT: '0',
  AGGREGATOR_CORS_ORIGINS: '*',
  AGGREGATOR_MAX_EVENTS_PER_BEACON: String(MAX_EVENTS_PER_BEACON),
  AGGREGATOR_PAGE_EVENTS_PER_SECOND: '10000',
  AGGREGATOR_PAGE_EVENTS_BURST: '100000',
  AGGREGATOR_METRIC_EVENTS_PER_SECOND: '1000000',
  AGGREGATOR_METRIC_EVENTS_BURST: '10000000',
  METRICS_PAGE_TOKEN_SECRET: TEST_PAGE_TOKEN_SECRET,
  AGGREGATOR_SHUTDOWN_GRACE_MS: '1000',
  AGGREGATOR_LOG_LEVEL: 'silent',
};
const command = [
  ...ENV_KNOBS.filter((name) => process.env[name] !== undefined).map(
    (name) => `${name}=${process.env[name]}`,
  ),
  'npm run bench:aggregator',
].join(' ');

/** Warm-up of each server, then rounds ours, bare, bare, ours; returns the measured rounds. */
async function measure(
  ours: ServerHandle,
  bare: ServerHandle,
  requests: BeaconRequests,
  sent: Round[],
): Promise<Round[]> {
  const round = async (server: ServerHandle, seconds: number) => {
    const result = await runRound(server, () => requests.next(), CONNECTIONS, seconds * 1000);
    sent.push(result);
    return result;
  };
  for (const server of [ours, bare]) await round(server, WARMUP_SECONDS);
  const measured: Round[] = [];
  for (const server of [ours, bare, bare, ours]) measured.push(await round(server, SECONDS / 2));
  return measured;
}

const servers: ServerHandle[] = [];
try {
  const ours = await startServerProcess('aggregator', AGGREGATOR_ENV);
  servers.push(ours);
  const bare = await startServerProcess('bare');
  servers.push(bare);
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(
    `\n${command} — the metrics aggregator (envelope, page token and every event validated, per-page rate limit, once per page, per-metric ceiling, ` +
      `Prometheus registry) vs a bare node:http server that only JSON.parses and answers 204; same beacons, same run, ` +
      `each server in its own process.\n${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${load.join(' ')} at start; ` +
      `${CONNECTIONS} keep-alive connections, one request in flight each; a new page (signed token) per beacon; ` +
      `per server ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s in rounds ours, bare, bare, ours.`,
  );

  const typical = beaconRequests({
    host: 'metrics.classpulse.example',
    pages: PAGES,
    maxEventsPerBeacon: MAX_EVENTS_PER_BEACON,
    events: typicalBeacon,
  });
  const batch = beaconRequests({
    host: 'metrics.classpulse.example',
    pages: PAGES,
    maxEventsPerBeacon: MAX_EVENTS_PER_BEACON,
    events: (app) => largeBatch(app, BATCH_EVENTS),
  });
  const sentTypical: Round[] = [];
  const sentBatch: Round[] = [];
  const phases: Phase[] = [
    {
      title: 'Typical beacon',
      eventsPerBeacon: typical.eventsPerBeacon,
      bodyBytes: typical.bodyBytes,
      rounds: await measure(ours, bare, typical, sentTypical),
    },
    {
      title: 'Large batches',
      eventsPerBeacon: batch.eventsPerBeacon,
      bodyBytes: batch.bodyBytes,
      rounds: await measure(ours, bare, batch, sentBatch),
    },
  ];

  // Valid only if every beacon was accepted whole, by the statuses and by the aggregator's count.
  const toOurs = (rounds: Round[]) =>
    rounds.filter((r) => r.mode === 'aggregator').reduce((n, r) => n + r.requests, 0);
  const expected = {
    beacons: toOurs(sentTypical) + toOurs(sentBatch),
    events:
      toOurs(sentTypical) * typical.eventsPerBeacon + toOurs(sentBatch) * batch.eventsPerBeacon,
  };
  const scraped = await scrapeProblems(ours.internalUrl!, expected);
  const problems = [
    ...statusProblems('typical beacon', sentTypical),
    ...statusProblems('large batches', sentBatch),
    ...scraped.problems,
  ];

  const typicalOutcome = printPhase(phases[0]!);
  const pass = typicalOutcome.ratio >= TARGET_RATIO;
  console.log(
    `ours ÷ bare requests/s: ${typicalOutcome.ratio.toFixed(2)} (target ≥ ${TARGET_RATIO.toFixed(2)}) ${pass ? 'PASS' : 'MISS'}; ` +
      `by CPU per request (bare ÷ ours): ${typicalOutcome.cpuRatio.toFixed(2)}`,
  );
  for (const note of typicalOutcome.notes) console.log(`  note: ${note}`);

  const batchOutcome = printPhase(phases[1]!);
  console.log(
    `ours ÷ bare observations/s: ${batchOutcome.ratio.toFixed(2)}; by CPU per observation (bare ÷ ours): ${batchOutcome.cpuRatio.toFixed(2)}`,
  );
  for (const note of batchOutcome.notes) console.log(`  note: ${note}`);

  console.log(
    problems.length === 0
      ? `\nValid: every response 204; the aggregator's /metrics counts ${scraped.acceptedEvents.toLocaleString('en-US')} events accepted ` +
          `(all ${expected.beacons.toLocaleString('en-US')} beacons sent to it, warm-up included), 0 rejected.`
      : `\nINVALID comparison, not every beacon was accepted whole:\n  ${problems.join('\n  ')}`,
  );
  console.log(`Command: ${command}`);
  process.exitCode = pass && problems.length === 0 ? 0 : 1;
} finally {
  for (const server of servers.reverse()) await server.stop();
}
