import { Gauge, type Registry } from 'prom-client';
import {
  BASELINE_WEEKS,
  readSchoolClock,
  SCHOOL_CLOCK_METRICS,
  type SchoolCalendar,
} from '../school-clock/index.ts';

/**
 * The school clock as gauges, read at scrape time from the injected clock: the time zone's UTC
 * offset, and per week of the alert baseline its clock-change shift and whether it was a school
 * day. Every replica exposes the same values; rules take max/min over replicas.
 */
export function registerSchoolClockMetrics(
  registry: Registry,
  calendar: SchoolCalendar,
  now: () => number,
): void {
  // One reading per scrape, shared by the three gauges (prom-client collects them in turn).
  let cached: { at: number; reading: ReturnType<typeof readSchoolClock> } | undefined;
  const read = () => {
    const at = now();
    if (!cached || cached.at !== at) cached = { at, reading: readSchoolClock(calendar, at) };
    return cached.reading;
  };
  new Gauge({
    name: SCHOOL_CLOCK_METRICS.utcOffset,
    help: `The schools' time zone (${calendar.timeZone}) offset from UTC now.`,
    registers: [registry],
    collect() {
      this.set(read().utcOffsetSeconds);
    },
  });
  new Gauge({
    name: SCHOOL_CLOCK_METRICS.dstShift,
    help: `How much further back than weeks_ago x 168 h the same local time lies (clock changes), for weeks 1-${BASELINE_WEEKS}.`,
    labelNames: ['weeks_ago'],
    registers: [registry],
    collect() {
      for (const week of read().weeks)
        if (week.weeksAgo > 0) this.set({ weeks_ago: String(week.weeksAgo) }, week.dstShiftSeconds);
    },
  });
  new Gauge({
    name: SCHOOL_CLOCK_METRICS.open,
    help: 'Whether the local date weeks_ago weeks back (0: today) is a school day of the calendar.',
    labelNames: ['weeks_ago'],
    registers: [registry],
    collect() {
      for (const week of read().weeks)
        this.set({ weeks_ago: String(week.weeksAgo) }, week.open ? 1 : 0);
    },
  });
}
