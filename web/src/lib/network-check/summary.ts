import { NETWORK_CHECKS } from '@classpulse/metrics-aggregator/catalog';
import { formatRule, uniqueRules } from './format.ts';
import { CHECK_INFO } from './run.ts';
import { english } from './words.ts';
import type { CheckResult, NetworkCheck, NetworkCheckOutcome } from './types.ts';

export const OUTCOME_WORDS: Record<NetworkCheckOutcome, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  not_applicable: 'Not applicable',
};

export function countOutcomes(
  results: Partial<Record<NetworkCheck, CheckResult>>,
): Record<NetworkCheckOutcome, number> {
  const counts = { pass: 0, warn: 0, fail: 0, not_applicable: 0 };
  for (const result of Object.values(results)) counts[result.outcome] += 1;
  return counts;
}

export function outcomeSentence(counts: Record<NetworkCheckOutcome, number>): string {
  const parts = [
    `${counts.pass} passed`,
    `${counts.warn} ${counts.warn === 1 ? 'warning' : 'warnings'}`,
    `${counts.fail} failed`,
  ];
  if (counts.not_applicable > 0) parts.push(`${counts.not_applicable} not applicable`);
  return parts.join(', ');
}

/** Every rule the applicable checks need, once each: the allow-list for this deployment. */
export function allowList(results: Partial<Record<NetworkCheck, CheckResult>>) {
  return uniqueRules(
    NETWORK_CHECKS.flatMap((check) => {
      const result = results[check];
      return result && result.outcome !== 'not_applicable' && check !== 'tls_interception'
        ? result.allow
        : [];
    }),
  );
}

/**
 * The plain-text report a school sends to support, in English whatever the page's language (our
 * support reads it): where, when, which browser, every check's
 * outcome with its meaning and details, and the allow-list.
 */
export function summaryText(input: {
  origin: string;
  checkedAt: Date;
  userAgent: string;
  results: Partial<Record<NetworkCheck, CheckResult>>;
}): string {
  const { results } = input;
  const lines = [
    'Classpulse network check',
    `Deployment: ${input.origin}`,
    `Checked at: ${input.checkedAt.toISOString()} (device time)`,
    `Browser: ${input.userAgent}`,
    `Result: ${outcomeSentence(countOutcomes(results))}`,
    '',
  ];
  for (const check of NETWORK_CHECKS) {
    const result = results[check];
    const title = CHECK_INFO[check].title;
    if (!result) {
      lines.push(`[NOT RUN] ${title} (${check})`, '');
      continue;
    }
    lines.push(`[${OUTCOME_WORDS[result.outcome].toUpperCase()}] ${title} (${check})`);
    lines.push(`  ${english(result.headline)}`);
    lines.push(`  What it means: ${result.meaning.map(english).join(' ')}`);
    for (const detail of result.details) lines.push(`  - ${english(detail)}`);
    for (const rule of result.allow) lines.push(`  Allow: ${formatRule(rule)}`);
    lines.push('');
  }
  lines.push('Allow-list for this Classpulse deployment:');
  for (const rule of allowList(results)) lines.push(`  ${formatRule(rule)}`);
  return `${lines.join('\n')}\n`;
}
