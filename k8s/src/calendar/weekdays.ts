/** Weekday names in JavaScript's and Alertmanager's order: index 0 is Sunday. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const weekdayIndex = (day: Weekday): number => WEEKDAYS.indexOf(day);

/** Three-letter lower-case form (`mon`), as AGGREGATOR_SCHOOL_DAYS takes it. */
export const shortWeekday = (day: Weekday): string => day.slice(0, 3);

/** Sorted Monday first, the way a school week reads. */
export function schoolWeekOrder(days: readonly Weekday[]): Weekday[] {
  const mondayFirst = (day: Weekday) => (weekdayIndex(day) + 6) % 7;
  return [...days].sort((a, b) => mondayFirst(a) - mondayFirst(b));
}
