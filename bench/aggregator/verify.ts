import { AGGREGATOR_METRICS } from '@classpulse/metrics-aggregator/catalog';
import type { Round } from './round.ts';

/** A comparison only counts if every beacon was accepted whole: 204 and nothing else. */
export function statusProblems(label: string, rounds: Round[]): string[] {
  return rounds.flatMap((round) =>
    Object.entries(round.statuses)
      .filter(([status]) => status !== '204')
      .map(
        ([status, count]) => `${label}, ${round.mode}: ${count} responses with status ${status}`,
      ),
  );
}

function sum(text: string, metric: string, labels = ''): number {
  let total = 0;
  for (const line of text.split('\n'))
    if (line.startsWith(`${metric}${labels}`))
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
  return total;
}

/** The aggregator's own counters agree: every event sent was recorded, none dropped. */
export async function scrapeProblems(
  internalUrl: string,
  expected: { beacons: number; events: number },
): Promise<{ problems: string[]; acceptedEvents: number; rejected: number }> {
  const response = await fetch(`${internalUrl}/metrics`);
  if (!response.ok)
    return { problems: [`/metrics answered ${response.status}`], acceptedEvents: 0, rejected: 0 };
  const text = await response.text();
  const acceptedEvents = sum(text, AGGREGATOR_METRICS.eventsAccepted, ' ');
  const acceptedBeacons = sum(text, AGGREGATOR_METRICS.beacons, '{result="accepted"}');
  const rejected = sum(text, AGGREGATOR_METRICS.rejected, '{');
  const problems: string[] = [];
  if (acceptedEvents !== expected.events)
    problems.push(`/metrics: ${acceptedEvents} events accepted, ${expected.events} sent`);
  if (acceptedBeacons !== expected.beacons)
    problems.push(`/metrics: ${acceptedBeacons} beacons accepted whole, ${expected.beacons} sent`);
  if (rejected !== 0)
    problems.push(`/metrics: ${rejected} rejected (${AGGREGATOR_METRICS.rejected})`);
  return { problems, acceptedEvents, rejected };
}
