import { mergeClosures, type ClosedRange } from './closures.ts';
import type { SchoolCalendar } from './school-calendar.ts';
import { usCommonHolidays } from './us-holidays.ts';

/** Every day the deployment's schools are closed: the holiday preset plus its own closures, merged. */
export function schoolClosedRanges(calendar: SchoolCalendar): ClosedRange[] {
  const { preset, fromYear, toYear } = calendar.holidays;
  const generated = preset === 'us-common' ? usCommonHolidays(fromYear, toYear) : [];
  return mergeClosures([...generated, ...calendar.closures]);
}
