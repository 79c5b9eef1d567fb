import type { ProbeKind } from '@classpulse/metrics-aggregator/catalog';
import { ProbeFailure, reasonOf } from './failure.ts';
import type { ProbeMetrics } from './metrics.ts';

export interface PhaseRunner {
  /**
   * Runs one phase with its own timeout (the signal aborts when it passes), records its
   * duration when it succeeds, and turns a failure into a ProbeFailure naming the phase.
   */
  phase<T>(
    phase: string,
    work: (signal: AbortSignal) => Promise<T>,
    options?: { startedAt?: number },
  ): Promise<T>;
}

export interface RunLabels {
  kind: ProbeKind;
  target: string;
  probe: string;
  transport: string;
}

/**
 * One run of a check over one transport: its phases in order, then one `runs_total` sample —
 * success, or failure with the first failing phase's reason.
 */
export async function timedRun(
  labels: RunLabels,
  deps: { metrics: ProbeMetrics; phaseTimeoutMs: number; now?: () => number },
  body: (run: PhaseRunner) => Promise<void>,
): Promise<{ ok: true } | { ok: false; failure: ProbeFailure }> {
  const now = deps.now ?? (() => performance.now());
  const { kind, target, probe, transport } = labels;
  const runner: PhaseRunner = {
    async phase(phase, work, options = {}) {
      const controller = new AbortController();
      // A phase may be timed from an earlier moment (fan-out: from the write, not its ack).
      const started = options.startedAt ?? now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(
            new ProbeFailure(
              phase,
              'timeout',
              `${phase} took longer than ${deps.phaseTimeoutMs} ms`,
            ),
          );
        }, deps.phaseTimeoutMs);
      });
      try {
        const result = await Promise.race([work(controller.signal), timeout]);
        deps.metrics.observePhase(
          kind,
          { target, probe, transport, phase },
          (now() - started) / 1000,
        );
        return result;
      } catch (error) {
        if (error instanceof ProbeFailure) throw error;
        throw new ProbeFailure(
          phase,
          reasonOf(error),
          error instanceof Error ? error.message : String(error),
        );
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    },
  };
  try {
    await body(runner);
    deps.metrics.countRun(kind, { target, probe, transport, result: 'success', reason: 'none' });
    return { ok: true };
  } catch (error) {
    const failure =
      error instanceof ProbeFailure
        ? error
        : new ProbeFailure(
            'run',
            reasonOf(error),
            error instanceof Error ? error.message : String(error),
          );
    deps.metrics.countRun(kind, {
      target,
      probe,
      transport,
      result: 'failure',
      reason: failure.reason,
    });
    return { ok: false, failure };
  }
}
