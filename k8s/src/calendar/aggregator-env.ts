import { schoolClosedRanges } from './closed-dates.ts';
import type { SchoolCalendar } from './school-calendar.ts';
import { schoolWeekOrder, shortWeekday } from './weekdays.ts';

/**
 * The calendar as the metrics aggregator reads it (its config.ts parses these three variables):
 * the zone, the school days as `mon,tue,wed,thu,fri`, and the closed local dates, sorted and
 * merged, each `YYYY-MM-DD` or an inclusive `YYYY-MM-DD..YYYY-MM-DD`.
 */
export interface AggregatorCalendarEnv {
  AGGREGATOR_SCHOOL_TIME_ZONE: string;
  AGGREGATOR_SCHOOL_DAYS: string;
  AGGREGATOR_SCHOOL_CLOSED_DATES: string;
}

export function aggregatorCalendarEnv(calendar: SchoolCalendar): AggregatorCalendarEnv {
  return {
    AGGREGATOR_SCHOOL_TIME_ZONE: calendar.timeZone,
    AGGREGATOR_SCHOOL_DAYS: schoolWeekOrder(calendar.schoolDays).map(shortWeekday).join(','),
    AGGREGATOR_SCHOOL_CLOSED_DATES: schoolClosedRanges(calendar)
      .map(({ from, to }) => (from === to ? from : `${from}..${to}`))
      .join(','),
  };
}
