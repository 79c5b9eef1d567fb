import type { HealthReport } from '@classpulse/realtime/protocol';

/*
 * The health report in words, the same on the page, in its CSV and in the browser (no server
 * imports here: the per-student table is a client component).
 */

/** "12 ms", "1.3 s", or "not measured". */
export function formatMs(ms: number | null): string {
  if (ms === null) return 'not measured';
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** socket.io's disconnect reasons in words a teacher or school IT reads at a glance. */
const REASON_WORDS: Record<string, string> = {
  'transport close': 'network dropped',
  'transport error': 'network error',
  'ping timeout': 'stopped answering',
  'client namespace disconnect': 'left the page',
  'server namespace disconnect': 'closed by the server',
  'server shutting down': 'server restarted',
  'parse error': 'unreadable data from the device',
  'forced close': 'closed by the server',
  'forced server close': 'closed by the server',
};

/** Plain text of a student's disconnect reasons: "network dropped ×2, server restarted". */
export function reasonsText(reasons: Record<string, number>): string {
  return Object.entries(reasons)
    .map(([reason, n]) => {
      const words = REASON_WORDS[reason] ?? reason;
      return n > 1 ? `${words} ×${n}` : words;
    })
    .join(', ');
}

/** The stored check in one sentence, as the page and the CSV say it. */
export function storedCheckSentence(check: HealthReport['storedCheck']): string {
  if (check.acknowledged === 0) return 'No acknowledged answers to check yet.';
  if (check.missing.length === 0)
    return `All ${check.acknowledged} acknowledged answers are stored.`;
  return `${check.missing.length} of ${check.acknowledged} acknowledged answers are not stored.`;
}
