/**
 * An interpreter of Alertmanager's time intervals, written from its documentation
 * (https://prometheus.io/docs/alerting/latest/configuration/#time_interval) and independent of
 * the code that generates them: it answers whether an interval contains a local time, so tests
 * can check the generated config day by day. Fields of one entry must all match (AND); within a
 * field any range matches (OR); an interval matches when any entry does. Everything it does not
 * know is an error rather than a guess.
 */

export interface LocalTime {
  year: number;
  /** 1 = January. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
}

interface Entry {
  times?: Array<{ start_time: string; end_time: string }>;
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
  years?: string[];
  location?: string;
}

const KNOWN_FIELDS = new Set(['times', 'weekdays', 'days_of_month', 'months', 'years', 'location']);
const WEEKDAY_NUMBERS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const MONTH_NUMBERS: Record<string, number> = Object.fromEntries(
  [
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
  ].map((name, i) => [name, i + 1]),
);

function member(text: string, names: Record<string, number>): number {
  const lower = text.toLowerCase();
  if (lower in names) return names[lower]!;
  if (!/^-?\d+$/.test(lower)) throw new Error(`cannot read ${JSON.stringify(text)} in a range`);
  return Number(lower);
}

/** `a:b` or `a`, as inclusive numbers. */
function inclusiveRange(text: string, names: Record<string, number> = {}): [number, number] {
  const parts = text.split(':');
  if (parts.length > 2) throw new Error(`cannot read the range ${JSON.stringify(text)}`);
  const first = member(parts[0]!, names);
  return [first, parts.length === 2 ? member(parts[1]!, names) : first];
}

function minutesOf(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) throw new Error(`cannot read the time ${JSON.stringify(clock)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A day-of-month range on a given month: negatives count from its end; clipped to the month. */
function dayInRange(text: string, at: LocalTime): boolean {
  const length = daysInMonth(at.year, at.month);
  const [first, last] = inclusiveRange(text).map((d) => (d < 0 ? length + d + 1 : d)) as [
    number,
    number,
  ];
  if (first > length) return false;
  return at.day >= first && at.day <= Math.min(last, length);
}

function entryContains(entry: Entry, at: LocalTime): boolean {
  const within = (value: number, [first, last]: [number, number]) =>
    value >= first && value <= last;
  if (
    entry.times &&
    !entry.times.some((t) =>
      within(at.minute, [minutesOf(t.start_time), minutesOf(t.end_time) - 1]),
    )
  )
    return false;
  if (
    entry.weekdays &&
    !entry.weekdays.some((r) => within(at.weekday, inclusiveRange(r, WEEKDAY_NUMBERS)))
  )
    return false;
  if (entry.days_of_month && !entry.days_of_month.some((r) => dayInRange(r, at))) return false;
  if (entry.months && !entry.months.some((r) => within(at.month, inclusiveRange(r, MONTH_NUMBERS))))
    return false;
  if (entry.years && !entry.years.some((r) => within(at.year, inclusiveRange(r)))) return false;
  return true;
}

/**
 * Reads one named interval's entries, checking every entry is evaluated in `location` (the
 * caller gives times local to it) and uses only fields this interpreter knows.
 */
export function readInterval(
  config: { time_intervals?: Array<{ name: string; time_intervals: unknown[] }> },
  name: string,
  location: string,
): Entry[] {
  const interval = config.time_intervals?.find((i) => i.name === name);
  if (!interval) throw new Error(`no time interval named ${name}`);
  return interval.time_intervals.map((raw, i) => {
    const entry = raw as Entry & Record<string, unknown>;
    for (const field of Object.keys(entry))
      if (!KNOWN_FIELDS.has(field)) throw new Error(`${name}[${i}]: unknown field ${field}`);
    if (entry.location !== location)
      throw new Error(`${name}[${i}]: location ${String(entry.location)}, not ${location}`);
    return entry;
  });
}

export function intervalContains(entries: readonly Entry[], at: LocalTime): boolean {
  return entries.some((entry) => entryContains(entry, at));
}
