import type { ServerMode } from './ipc.ts';
import type { Round } from './round.ts';

/** The target: the aggregator, validating everything, at ≥ 50% of the bare rate. */
export const TARGET_RATIO = 0.5;
/** Below this share of a core, a server was not the bottleneck (the generator or machine was). */
const SATURATED_CPU_PERCENT = 85;

export interface Phase {
  title: string;
  eventsPerBeacon: number;
  bodyBytes: number;
  /** The measured rounds of both servers (warm-up excluded). */
  rounds: Round[];
}

interface Summary {
  rounds: Round[];
  requestsPerSecond: number;
  observationsPerSecond: number;
  cpuPercent: number;
  cpuMicrosPerRequest: number;
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const max = (values: number[]) => Math.max(...values);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function summarize(rounds: Round[], eventsPerBeacon: number): Summary {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const cpuMicros = rounds.reduce((n, r) => n + r.serverCpuMicros, 0);
  return {
    rounds,
    requestsPerSecond: requests / seconds,
    observationsPerSecond: (requests * eventsPerBeacon) / seconds,
    cpuPercent: cpuMicros / seconds / 1e4,
    cpuMicrosPerRequest: cpuMicros / requests,
  };
}

export interface PhaseOutcome {
  /** ours ÷ bare, requests/s (= observations/s: both got the same beacons). */
  ratio: number;
  /** bare ÷ ours CPU per request: the rate ratio if both servers were CPU-bound. */
  cpuRatio: number;
  notes: string[];
}

export function printPhase(phase: Phase): PhaseOutcome {
  const modes: ServerMode[] = ['aggregator', 'bare'];
  const [ours, bare] = modes.map((mode) =>
    summarize(
      phase.rounds.filter((r) => r.mode === mode),
      phase.eventsPerBeacon,
    ),
  ) as [Summary, Summary];
  const cell = (f: (s: Summary) => string) => ({ ours: f(ours), bare: f(bare) });
  console.log(
    `\n${phase.title}: ${phase.eventsPerBeacon} events, ${fixed(phase.bodyBytes / 1024, 2)} KiB per beacon`,
  );
  console.table([
    {
      metric: 'requests/s, each round',
      ...cell((s) => s.rounds.map((r) => int(r.requests / r.seconds)).join(' · ')),
    },
    { metric: 'requests/s', ...cell((s) => int(s.requestsPerSecond)) },
    { metric: 'observations/s', ...cell((s) => int(s.observationsPerSecond)) },
    {
      metric: 'responses by status',
      ...cell((s) => {
        const statuses: Record<string, number> = {};
        for (const r of s.rounds)
          for (const [status, n] of Object.entries(r.statuses))
            statuses[status] = (statuses[status] ?? 0) + n;
        return Object.entries(statuses)
          .map(([status, n]) => `${status} × ${int(n)}`)
          .join(', ');
      }),
    },
    { metric: 'server CPU (% of a core)', ...cell((s) => fixed(s.cpuPercent, 0)) },
    {
      metric: 'server CPU per 1000 requests (ms)',
      ...cell((s) => fixed(s.cpuMicrosPerRequest, 1)),
    },
    {
      metric: 'server CPU per 1000 observations (ms)',
      ...cell((s) => fixed(s.cpuMicrosPerRequest / phase.eventsPerBeacon, 2)),
    },
    {
      metric: 'server loop lag p99 / max (ms)',
      ...cell(
        (s) =>
          `${fixed(max(s.rounds.map((r) => r.serverLagP99Ms)))} / ${fixed(max(s.rounds.map((r) => r.serverLagMaxMs)))}`,
      ),
    },
    {
      metric: 'generator CPU (% of a core)',
      ...cell((s) => fixed(mean(s.rounds.map((r) => r.machine.generatorCpuPercent)), 0)),
    },
    {
      metric: 'generator loop lag p99 / max (ms)',
      ...cell(
        (s) =>
          `${fixed(max(s.rounds.map((r) => r.machine.generatorLagP99Ms)))} / ${fixed(max(s.rounds.map((r) => r.machine.generatorLagMaxMs)))}`,
      ),
    },
    {
      metric: 'other processes (% of a core)',
      ...cell((s) => fixed(mean(s.rounds.map((r) => r.machine.otherCpuPercent)), 0)),
    },
    {
      metric: 'load average, 1 min (max)',
      ...cell((s) => fixed(max(s.rounds.map((r) => r.machine.load1)), 2)),
    },
  ]);
  const notes: string[] = [];
  for (const [name, s] of [
    ['bare', bare],
    ['ours', ours],
  ] as const)
    if (s.cpuPercent < SATURATED_CPU_PERCENT)
      notes.push(
        `${name} used only ${fixed(s.cpuPercent, 0)}% of a core: the generator or other processes limited it, ` +
          `so its rate understates it${name === 'bare' ? ' and the ratio flatters ours' : ''}; the CPU ratio is the fairer figure.`,
      );
  return {
    ratio: ours.requestsPerSecond / bare.requestsPerSecond,
    cpuRatio: bare.cpuMicrosPerRequest / ours.cpuMicrosPerRequest,
    notes,
  };
}
