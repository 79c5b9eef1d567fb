import { dayNumber, fromDayNumber, isIsoDate, type IsoDate } from './calendar-date.ts';

/** Days a school is closed, inclusive local dates: one holiday, a break, a snow day. */
export interface Closure {
  name: string;
  from: IsoDate;
  to: IsoDate;
}

/** One run of consecutive closed days after merging, with the closures it came from. */
export interface ClosedRange {
  from: IsoDate;
  to: IsoDate;
  names: string[];
}

export class CalendarError extends Error {
  override name = 'CalendarError';
}

/** Throws a CalendarError naming the closure when a date is not real or the range is reversed. */
export function checkClosure(closure: Closure): void {
  for (const end of ['from', 'to'] as const)
    if (!isIsoDate(closure[end]))
      throw new CalendarError(
        `Closure ${JSON.stringify(closure.name)}: ${end} ${JSON.stringify(closure[end])} is not a real date written YYYY-MM-DD.`,
      );
  if (closure.from > closure.to)
    throw new CalendarError(
      `Closure ${JSON.stringify(closure.name)} ends (${closure.to}) before it starts (${closure.from}).`,
    );
}

/**
 * Sorted, with overlapping and adjacent closures merged (Thanksgiving and the Friday after become
 * one range), so every consumer sees each closed day once and ranges never touch.
 */
export function mergeClosures(closures: readonly Closure[]): ClosedRange[] {
  closures.forEach(checkClosure);
  const sorted = [...closures].sort((a, b) => (a.from === b.from ? 0 : a.from < b.from ? -1 : 1));
  const merged: Array<{ from: number; to: number; names: string[] }> = [];
  for (const closure of sorted) {
    const from = dayNumber(closure.from);
    const to = dayNumber(closure.to);
    const last = merged.at(-1);
    if (last && from <= last.to + 1) {
      last.to = Math.max(last.to, to);
      if (!last.names.includes(closure.name)) last.names.push(closure.name);
    } else merged.push({ from, to, names: [closure.name] });
  }
  return merged.map((r) => ({
    from: fromDayNumber(r.from),
    to: fromDayNumber(r.to),
    names: r.names,
  }));
}

/** Every closed date of `ranges`, in order. */
export function* closedDates(ranges: readonly ClosedRange[]): Generator<IsoDate> {
  for (const range of ranges)
    for (let day = dayNumber(range.from); day <= dayNumber(range.to); day++)
      yield fromDayNumber(day);
}
