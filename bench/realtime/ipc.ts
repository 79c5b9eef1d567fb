/** Messages between the benchmark and a server-under-test process. */
export interface ServerStats {
  heapUsedBytes: number;
  rssBytes: number;
  /** User + system CPU time of the process so far. */
  cpuMicros: number;
  /** Event-loop delay since the previous `stats` request. */
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
}

export type ServerMessage =
  | { type: 'listening'; url: string; accountToken?: string | undefined }
  | { type: 'stats'; id: number; stats: ServerStats };

export type ParentMessage =
  | { type: 'stats'; id: number }
  | { type: 'stop' }
  /** Writes a V8 heap snapshot into `dir` (for finding what an idle connection costs). */
  | { type: 'heapSnapshot'; dir: string };
