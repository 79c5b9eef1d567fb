/** Samples per hour: fine enough for a 1 h `increase` to see several (scrapes are finer still). */
export const SAMPLES_PER_HOUR = 4;
export const SAMPLE_INTERVAL = `${60 / SAMPLES_PER_HOUR}m`;

/**
 * Generated traffic for promtool rule tests: a cumulative counter sampled every
 * `SAMPLE_INTERVAL` for whole weeks, starting on a Monday at 00:00 (promtool's time 0). Loads follow school hours: busy
 * weekdays 08:00–15:00, a trickle at night, a little at weekends.
 */
export const HOUR = 3_600;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export interface HourContext {
  week: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
}

/** Successful loads in one hour of an ordinary week. */
export function schoolHours({ weekday, hour }: HourContext): number {
  if (weekday >= 5) return 20;
  return hour >= 8 && hour < 15 ? 1_000 : 10;
}

/**
 * promtool's `values` for a counter over `weeks` weeks, one sample per hour; `perHour` returns
 * the loads of an hour, or null for no sample at all (the series has gone stale).
 */
export function counterValues(weeks: number, perHour: (at: HourContext) => number | null): string {
  const values: string[] = [];
  let total = 0;
  for (let step = 0; step <= weeks * 7 * 24 * SAMPLES_PER_HOUR; step += 1) {
    // The loads of the quarter hour ending at this sample.
    const h = Math.floor(Math.max(0, step - 1) / SAMPLES_PER_HOUR);
    const at = { week: Math.floor(h / (7 * 24)), weekday: Math.floor(h / 24) % 7, hour: h % 24 };
    const loads = step === 0 ? 0 : perHour(at);
    if (loads === null) {
      values.push('_');
      continue;
    }
    total += loads / SAMPLES_PER_HOUR;
    values.push(String(total));
  }
  return values.join(' ');
}

/** promtool's `eval_time` for a moment of the generated weeks, e.g. week 3, Tuesday 15:00. */
export function at(week: number, weekday: number, hour: number): string {
  return `${(week * WEEK + weekday * DAY + hour * HOUR) / 60}m`;
}
