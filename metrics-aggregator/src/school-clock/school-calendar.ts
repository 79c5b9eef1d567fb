import { z } from 'zod';

/**
 * When a deployment's schools are open: the weekdays they teach and the local dates they are
 * closed (holidays, breaks, snow days). Dates are calendar dates in the schools' time zone,
 * never instants. The k8s stack builds these from its `schoolCalendar` option; embedded
 * deployments keep the defaults (weekdays, no closures).
 */
export interface SchoolCalendar {
  /** An IANA zone, like America/New_York. */
  timeZone: string;
  /** Open weekdays: 0 = Sunday … 6 = Saturday (Date#getUTCDay of the local date). */
  schoolDays: ReadonlySet<number>;
  /** Closed local dates: inclusive ranges of days since 1970-01-01, as configured. */
  closedRanges: ReadonlyArray<readonly [number, number]>;
}

export const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Fifteen years of holidays and hundreds of a district's own closures fit easily. */
export const MAX_CLOSED_RANGES = 2_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar date, or null for 2026-02-30 and the like. */
export function epochDay(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : null;
}

export const isoDate = (epochDays: number) =>
  new Date(epochDays * DAY_MS).toISOString().slice(0, 10);

/** True when `timeZone` is a zone this runtime knows (Intl throws a RangeError otherwise). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone like America/New_York.');

/** `mon,tue,wed,thu,fri`: the weekdays schools teach. */
export const schoolDaysSchema = z.string().transform((text, ctx) => {
  const days = text
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  const numbers = new Set<number>();
  for (const day of days) {
    const n = (WEEKDAY_NAMES as readonly string[]).indexOf(day);
    if (n < 0) {
      ctx.addIssue({
        code: 'custom',
        message: `"${day}" is not a weekday (${WEEKDAY_NAMES.join(', ')}).`,
      });
      return z.NEVER;
    }
    numbers.add(n);
  }
  if (numbers.size === 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'name at least one school day, like mon,tue,wed,thu,fri.',
    });
    return z.NEVER;
  }
  return numbers;
});

/** `2026-11-26,2026-12-21..2027-01-01`: closed local dates and inclusive ranges. */
export const closedDatesSchema = z.string().transform((text, ctx) => {
  const ranges: Array<readonly [number, number]> = [];
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [from = '', to = from, extra] = item.split('..');
    const start = epochDay(from);
    const end = epochDay(to);
    if (extra !== undefined || start === null || end === null || end < start) {
      ctx.addIssue({
        code: 'custom',
        message: `"${item}" is not a date like 2026-11-26 or a range like 2026-12-21..2027-01-01.`,
      });
      return z.NEVER;
    }
    if (ranges.length === MAX_CLOSED_RANGES) {
      ctx.addIssue({
        code: 'custom',
        message: `more than ${MAX_CLOSED_RANGES} closed dates or ranges.`,
      });
      return z.NEVER;
    }
    ranges.push([start, end]);
  }
  return ranges;
});

/** The calendar an unconfigured deployment uses: Monday to Friday, no closures. */
export const DEFAULT_SCHOOL_CALENDAR: SchoolCalendar = {
  timeZone: 'America/New_York',
  schoolDays: new Set([1, 2, 3, 4, 5]),
  closedRanges: [],
};

/** Whether schools teach on a local date (`YYYY-MM-DD`). */
export function isSchoolDay(calendar: SchoolCalendar, date: string): boolean {
  const day = epochDay(date);
  if (day === null) return false;
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return (
    calendar.schoolDays.has(weekday) &&
    !calendar.closedRanges.some(([from, to]) => day >= from && day <= to)
  );
}
