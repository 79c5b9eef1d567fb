import type { Check } from '../check.ts';
import { HttpStatusError } from '../failure.ts';
import { timedRun } from '../run-context.ts';

/** Loads the web app's join page the way a student's browser first does. */
export function webCheck(webUrl: string): Check {
  return {
    kind: 'web',
    async tick(context) {
      const result = await timedRun(
        { kind: 'web', target: context.target, probe: context.probe, transport: 'http' },
        context,
        async (run) => {
          await run.phase('load', async (signal) => {
            const response = await fetch(`${webUrl}/join`, { signal, cache: 'no-store' });
            const body = await response.text();
            if (response.status !== 200) throw new HttpStatusError(response.status);
            if (!body.includes('<html')) throw new Error('the join page is not HTML');
          });
        },
      );
      if (!result.ok)
        context.logger.warn(
          {
            phase: result.failure.phase,
            reason: result.failure.reason,
            err: result.failure.message,
          },
          'web probe failed',
        );
    },
  };
}
