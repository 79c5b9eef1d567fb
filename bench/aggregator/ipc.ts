/** Messages between the benchmark and a server-under-test process (see server-process.ts). */
export type ServerMode = 'aggregator' | 'bare';

/** The first line a server process prints on stdout, as JSON. */
export interface ListeningLine {
  event: 'listening';
  url: string;
  /** Where /metrics is served; the bare server has none. */
  internalUrl: string | null;
}

export interface ServerStats {
  /** User + system CPU time of the process so far. */
  cpuMicros: number;
  /** Event-loop delay since the previous `stats` request. */
  lagP99Ms: number;
  lagMaxMs: number;
}

export type ServerMessage = { type: 'stats'; id: number; stats: ServerStats };

export type ParentMessage = { type: 'stats'; id: number } | { type: 'stop' };
