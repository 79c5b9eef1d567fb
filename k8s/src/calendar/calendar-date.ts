/**
 * Calendar dates as `YYYY-MM-DD` strings and whole-day arithmetic on them. A school closure is a
 * local date, not an instant: no time zone is involved here. Day numbers count days since
 * 1970-01-01 through Date.UTC, which has no daylight saving time, so adding a day is always +1.
 */
export type IsoDate = string;

export interface DateParts {
  year: number;
  /** 1 = January. */
  month: number;
  day: number;
}

/** The years a closure may name: wide enough for any real calendar, narrow enough to catch typos. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a real date written YYYY-MM-DD, else undefined. */
export function parseIsoDate(text: string): DateParts | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** A real date written YYYY-MM-DD in MIN_YEAR..MAX_YEAR: what a closure may name. */
export function isIsoDate(text: string): boolean {
  const parts = parseIsoDate(text);
  return parts !== undefined && parts.year >= MIN_YEAR && parts.year <= MAX_YEAR;
}

function partsOf(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`${JSON.stringify(date)} is not a date written YYYY-MM-DD.`);
  return parts;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function dayNumber(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(days: number): IsoDate {
  const d = new Date(days * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as Alertmanager and JavaScript count them. */
export function weekdayOf(date: IsoDate): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function dateParts(date: IsoDate): DateParts {
  return partsOf(date);
}
