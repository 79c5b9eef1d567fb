import { addDays, daysInMonth, isoDate, weekdayOf, type IsoDate } from './calendar-date.ts';
import type { Closure } from './closures.ts';

const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;
const SUNDAY = 0;

/** The `n`th `weekday` (0 = Sunday) of a month: MLK Day is the 3rd Monday of January. */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: number,
  n: number,
): IsoDate {
  const first = isoDate(year, month, 1);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
}

export function lastWeekdayOfMonth(year: number, month: number, weekday: number): IsoDate {
  const last = isoDate(year, month, daysInMonth(year, month));
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}

/**
 * Where schools observe a fixed-date holiday: a Saturday one on the Friday before, a Sunday one
 * on the Monday after (the federal rule, which districts follow).
 */
export function observed(date: IsoDate): IsoDate {
  const weekday = weekdayOf(date);
  if (weekday === SATURDAY) return addDays(date, -1);
  if (weekday === SUNDAY) return addDays(date, 1);
  return date;
}

const day = (name: string, date: IsoDate): Closure => ({ name, from: date, to: date });

function holidaysOf(year: number): Closure[] {
  const thanksgiving = nthWeekdayOfMonth(year, 11, THURSDAY, 4);
  return [
    day("New Year's Day", observed(isoDate(year, 1, 1))),
    day('Martin Luther King Jr. Day', nthWeekdayOfMonth(year, 1, MONDAY, 3)),
    day("Presidents' Day", nthWeekdayOfMonth(year, 2, MONDAY, 3)),
    day('Memorial Day', lastWeekdayOfMonth(year, 5, MONDAY)),
    day('Juneteenth', observed(isoDate(year, 6, 19))),
    day('Independence Day', observed(isoDate(year, 7, 4))),
    day('Labor Day', nthWeekdayOfMonth(year, 9, MONDAY, 1)),
    day("Columbus / Indigenous Peoples' Day", nthWeekdayOfMonth(year, 10, MONDAY, 2)),
    day('Veterans Day', observed(isoDate(year, 11, 11))),
    day('Thanksgiving', thanksgiving),
    day('Day after Thanksgiving', addDays(thanksgiving, 1)),
    day('Christmas Day', observed(isoDate(year, 12, 25))),
    { name: 'Winter break', from: isoDate(year, 12, 24), to: isoDate(year + 1, 1, 1) },
  ];
}

/**
 * The common US school holidays of `fromYear`..`toYear`, each closure clipped to those years
 * (1 January of `fromYear` is the end of the winter break before it; the winter break of
 * `toYear` ends on 31 December). Not merged: see mergeClosures.
 */
export function usCommonHolidays(fromYear: number, toYear: number): Closure[] {
  const first = isoDate(fromYear, 1, 1);
  const last = isoDate(toYear, 12, 31);
  const closures: Closure[] = [];
  for (let year = fromYear - 1; year <= toYear; year++)
    for (const closure of holidaysOf(year)) {
      if (closure.to < first || closure.from > last) continue;
      closures.push({
        name: closure.name,
        from: closure.from < first ? first : closure.from,
        to: closure.to > last ? last : closure.to,
      });
    }
  return closures;
}
