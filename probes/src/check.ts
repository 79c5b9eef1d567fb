import type { ProbeKind } from '@classpulse/metrics-aggregator/catalog';
import type { Logger } from 'pino';
import type { ProbeMetrics } from './metrics.ts';

/** What every check gets for one tick. */
export interface CheckContext {
  target: string;
  /** The location label. */
  probe: string;
  metrics: ProbeMetrics;
  phaseTimeoutMs: number;
  logger: Logger;
}

/** One thing probed (Firebase, the realtime tier, the web app). A tick records its own runs. */
export interface Check {
  kind: ProbeKind;
  tick(context: CheckContext): Promise<void>;
  close?(): Promise<void>;
}
