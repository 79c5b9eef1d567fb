import { isSchoolDay, type SchoolCalendar } from './school-calendar.ts';

/**
 * What Prometheus rules need to compare like with like in the schools' local time. Prometheus
 * (2.42 here) only knows UTC: `offset 1w` is 168 hours, which after a clock change lands an hour
 * away from the same local time. The aggregator exposes, for each week of the baseline, how far
 * the same local time really is from 168 h × weeks, and whether that day was a school day, so
 * rules pick the right offset and skip closed days (k8s/prometheus/rules/app-loads.rules.yml).
 */
export const SCHOOL_CLOCK_METRICS = {
  /** The time zone's current UTC offset (−18000 in New York in winter). */
  utcOffset: 'classroom_school_clock_utc_offset_seconds',
  /**
   * {weeks_ago}: seconds by which the same local time `weeks_ago` weeks back lies further in the
   * past than `weeks_ago` × 168 h (3600 for the weeks after clocks fall back, −3600 after they
   * spring forward, 0 otherwise).
   */
  dstShift: 'classroom_school_clock_dst_shift_seconds',
  /** {weeks_ago}: 1 when that local date is (0: today) or was a school day, else 0. */
  open: 'classroom_school_clock_open',
} as const;

/** How many weeks back the app-load baseline looks: the median of up to five open days. */
export const BASELINE_WEEKS = 5;
/** The shifts rules can follow: whole-hour clock changes, as in North America and Europe. */
export const SUPPORTED_DST_SHIFTS_SECONDS = [-3600, 0, 3600] as const;

const WEEK_MS = 7 * 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at `instantMs` in `timeZone`, as if that wall clock were UTC (ms). */
export function wallClockMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall + (((instantMs % 1000) + 1000) % 1000);
}

export const utcOffsetMs = (timeZone: string, instantMs: number) =>
  wallClockMs(timeZone, instantMs) - instantMs;

/** The instant whose wall clock in `timeZone` reads `wallMs` (the later one in a repeated hour). */
export function instantAtWallClock(timeZone: string, wallMs: number): number {
  let instant = wallMs - utcOffsetMs(timeZone, wallMs);
  instant = wallMs - utcOffsetMs(timeZone, instant);
  return instant;
}

export interface SchoolClockWeek {
  weeksAgo: number;
  dstShiftSeconds: number;
  open: boolean;
}

export interface SchoolClockReading {
  utcOffsetSeconds: number;
  /** weeks 0 (today) … BASELINE_WEEKS. */
  weeks: SchoolClockWeek[];
}

/** The school clock at an instant: what the gauges expose when Prometheus scrapes then. */
export function readSchoolClock(
  calendar: SchoolCalendar,
  instantMs: number,
  weeks: number = BASELINE_WEEKS,
): SchoolClockReading {
  const wall = wallClockMs(calendar.timeZone, instantMs);
  const out: SchoolClockWeek[] = [];
  for (let k = 0; k <= weeks; k += 1) {
    const pastWall = wall - k * WEEK_MS;
    const pastInstant = instantAtWallClock(calendar.timeZone, pastWall);
    const date = new Date(pastWall).toISOString().slice(0, 10);
    out.push({
      weeksAgo: k,
      dstShiftSeconds: Math.round((instantMs - pastInstant - k * WEEK_MS) / 1000),
      open: isSchoolDay(calendar, date),
    });
  }
  return { utcOffsetSeconds: Math.round((wall - instantMs) / 1000), weeks: out };
}
