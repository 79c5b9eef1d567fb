import { dateParts, daysInMonth, type IsoDate } from './calendar-date.ts';
import { schoolClosedRanges } from './closed-dates.ts';
import type { SchoolCalendar } from './school-calendar.ts';
import { WEEKDAYS } from './weekdays.ts';

/** The names alertmanager.yml's routes refer to (`mute_time_intervals`, `active_time_intervals`). */
export const SCHOOL_WORKING_HOURS = 'school-working-hours';
export const SCHOOL_HOLIDAYS = 'school-holidays';

/** The subset of Alertmanager's time interval this stack emits. */
export interface AlertmanagerTimeRange {
  years?: string[];
  months?: string[];
  days_of_month?: string[];
  weekdays?: string[];
  times?: Array<{ start_time: string; end_time: string }>;
  location: string;
}
export interface AlertmanagerTimeInterval {
  name: string;
  time_intervals: AlertmanagerTimeRange[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const range = (first: string, last: string) => (first === last ? first : `${first}:${last}`);

/**
 * Runs of consecutive weekdays, Sunday first: Alertmanager's `weekdays` ranges cannot wrap
 * past Saturday, so a Saturday and Sunday school week is two entries.
 */
function weekdayRanges(days: readonly string[]): string[] {
  const open = WEEKDAYS.map((day) => days.includes(day));
  const ranges: string[] = [];
  for (let i = 0; i < open.length; i++) {
    if (!open[i] || open[i - 1]) continue;
    let end = i;
    while (open[end + 1]) end++;
    ranges.push(range(WEEKDAYS[i]!, WEEKDAYS[end]!));
  }
  return ranges;
}

/** Closed days within one year: whole months firstMonth..lastMonth (1-based), or days of one. */
interface MonthSpan {
  year: number;
  firstMonth: number;
  lastMonth: number;
  /** First and last day when only part of one month (then firstMonth === lastMonth). */
  days?: [number, number];
}

/**
 * A closed range as Alertmanager can say it: every entry is one year, and either part of one
 * month (`days_of_month`) or whole consecutive months (no `days_of_month`). Fields of one entry
 * are ANDed, so a range crossing a month or a year is split where it crosses.
 */
function monthSpans(from: IsoDate, to: IsoDate): MonthSpan[] {
  const start = dateParts(from);
  const end = dateParts(to);
  const spans: MonthSpan[] = [];
  for (let year = start.year; year <= end.year; year++) {
    const firstMonth = year === start.year ? start.month : 1;
    const lastMonth = year === end.year ? end.month : 12;
    for (let month = firstMonth; month <= lastMonth; month++) {
      const first = year === start.year && month === start.month ? start.day : 1;
      const last = year === end.year && month === end.month ? end.day : daysInMonth(year, month);
      const whole = first === 1 && last === daysInMonth(year, month);
      const previous = spans.at(-1);
      if (whole && previous?.year === year && !previous.days && previous.lastMonth === month - 1)
        previous.lastMonth = month;
      else
        spans.push({
          year,
          firstMonth: month,
          lastMonth: month,
          ...(whole ? {} : { days: [first, last] }),
        });
    }
  }
  return spans;
}

/**
 * The calendar's two Alertmanager time intervals: `school-working-hours` (school days, working
 * hours) and `school-holidays` (every closed day, whole days), all in the calendar's zone.
 */
export function alertmanagerTimeIntervals(calendar: SchoolCalendar): AlertmanagerTimeInterval[] {
  const location = calendar.timeZone;
  const holidays = schoolClosedRanges(calendar).flatMap(({ from, to }) =>
    monthSpans(from, to).map((span): AlertmanagerTimeRange => ({
      years: [String(span.year)],
      months: [range(MONTHS[span.firstMonth - 1]!, MONTHS[span.lastMonth - 1]!)],
      ...(span.days ? { days_of_month: [`${span.days[0]}:${span.days[1]}`] } : {}),
      location,
    })),
  );
  return [
    {
      name: SCHOOL_WORKING_HOURS,
      time_intervals: [
        {
          weekdays: weekdayRanges(calendar.schoolDays),
          times: [{ start_time: calendar.workingHours.start, end_time: calendar.workingHours.end }],
          location,
        },
      ],
    },
    { name: SCHOOL_HOLIDAYS, time_intervals: holidays },
  ];
}
