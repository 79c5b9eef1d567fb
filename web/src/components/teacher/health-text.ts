import type { useFormatter, useTranslations } from 'next-intl';

/**
 * The health report's words on the page, in the reader's language (`reports.health`). The CSV
 * keeps lib/health-words.ts: stable English for the tools that read it.
 */
export type HealthT = ReturnType<typeof useTranslations<'reports.health'>>;
type Formatter = ReturnType<typeof useFormatter>;

/** "12 ms", "1.3 s", or "not measured". */
export function msText(t: HealthT, format: Formatter, ms: number | null): string {
  if (ms === null) return t('notMeasured');
  return ms < 1_000
    ? t('ms', { value: format.number(Math.round(ms)) })
    : t('seconds', {
        value: format.number(ms / 1_000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      });
}

type ReasonKey = Parameters<HealthT>[0] & `reasons.${string}`;

/** A student's disconnect reasons in plain words: "network dropped ×2, server restarted". */
export function reasonsWords(
  t: HealthT,
  format: Formatter,
  reasons: Record<string, number>,
): string {
  return Object.entries(reasons)
    .map(([reason, n]) => {
      const key = `reasons.${reason}` as ReasonKey;
      const words = t.has(key) ? t(key) : reason;
      return n > 1 ? t('reasonTimes', { reason: words, count: format.number(n) }) : words;
    })
    .join(', ');
}
