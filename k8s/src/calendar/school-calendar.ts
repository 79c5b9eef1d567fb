import { z } from 'zod';
import { dayNumber, isIsoDate, MAX_YEAR, MIN_YEAR } from './calendar-date.ts';
import { WEEKDAYS } from './weekdays.ts';

export const DEFAULT_TIME_ZONE = 'America/New_York';
/**
 * Fixed, not "this year and the next few": the synthesized stack must not change with the date it
 * is built on. Raise them (a deployment can set its own) before the last year runs out.
 */
export const DEFAULT_HOLIDAY_YEARS = { fromYear: 2025, toYear: 2031 } as const;
/** Years the preset may cover at once (bounds the Alertmanager config and the aggregator's env). */
export const MAX_HOLIDAY_YEARS = 15;
export const MAX_CLOSURES = 500;
/** A closure longer than a year is a typo (2062 for 2026), not a break. */
export const MAX_CLOSURE_DAYS = 366;
export const HOLIDAY_PRESETS = ['us-common', 'none'] as const;

/**
 * An IANA name as the tz database spells it (Area/Location or UTC, each part capitalised):
 * Alertmanager's Go runtime opens the zone file of exactly that name, case included.
 */
const IANA_ZONE = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*){0,2}$/;
const CLOCK = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]+$/u;

/**
 * The zone's name in this Node's ICU, or undefined when unknown. ICU answers its own canonical
 * alias (Asia/Calcutta for Asia/Kolkata), so only a difference in case alone is a misspelling.
 */
function knownTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const timeZone = z
  .string('timeZone must be a string.')
  .max(64, 'timeZone must have at most 64 characters.')
  .regex(
    IANA_ZONE,
    'timeZone must be an IANA time zone name spelt as in the tz database, like America/New_York.',
  )
  .superRefine((zone, ctx) => {
    if (!IANA_ZONE.test(zone)) return;
    const known = knownTimeZone(zone);
    if (known === undefined)
      ctx.addIssue({
        code: 'custom',
        message: `timeZone ${JSON.stringify(zone)} is not a known IANA time zone (like America/Chicago).`,
      });
    else if (known !== zone && known.toLowerCase() === zone.toLowerCase())
      ctx.addIssue({
        code: 'custom',
        message: `timeZone ${JSON.stringify(zone)} must be written ${JSON.stringify(known)}.`,
      });
  });

const clock = (what: string) =>
  z.string(`${what} must be a string.`).regex(CLOCK, `${what} must be a time HH:MM (00:00–24:00).`);

const year = (what: string) =>
  z
    .number(`${what} must be a number.`)
    .int(`${what} must be a whole year.`)
    .min(MIN_YEAR, `${what} must be ${MIN_YEAR} or later.`)
    .max(MAX_YEAR, `${what} must be ${MAX_YEAR} or earlier.`);

const date = (what: string) =>
  z
    .string(`${what} must be a string.`)
    .refine(
      isIsoDate,
      `${what} must be a real date written YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR}).`,
    );

export const closureSchema = z
  .object({
    name: z
      .string('name must be a string.')
      .min(1, 'name must not be empty.')
      .max(100, 'name must have at most 100 characters.')
      .regex(NO_CONTROL_CHARACTERS, 'name must be one line of text.'),
    from: date('from'),
    to: date('to'),
  })
  .strict()
  .superRefine((closure, ctx) => {
    if (!isIsoDate(closure.from) || !isIsoDate(closure.to)) return;
    const days = dayNumber(closure.to) - dayNumber(closure.from) + 1;
    if (days < 1)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `${JSON.stringify(closure.name)} ends (${closure.to}) before it starts (${closure.from}).`,
      });
    else if (days > MAX_CLOSURE_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `${JSON.stringify(closure.name)} lasts ${days} days; a closure lasts at most ${MAX_CLOSURE_DAYS} (check the years).`,
      });
  });

/**
 * The schools' calendar for one deployment: when they are open (business alerts compare school
 * hours, tickets wait for working hours) and the days they are closed (Alertmanager mutes the
 * business alerts then; the aggregator tells the rules which days to leave out of baselines).
 */
export const schoolCalendarSchema = z
  .object({
    /** Where the schools are: their dates and hours are local to this IANA zone. */
    timeZone: timeZone.default(DEFAULT_TIME_ZONE),
    /** The weekdays schools are open. */
    schoolDays: z
      .array(
        z.enum(WEEKDAYS, `each school day must be one of ${WEEKDAYS.join(', ')} (lower case).`),
        'schoolDays must be a list of weekdays.',
      )
      .min(1, 'schoolDays must name at least one weekday.')
      .refine((days) => new Set(days).size === days.length, 'schoolDays must not repeat a day.')
      .default(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
    /** When tickets go out (the `school-working-hours` Alertmanager interval), local time. */
    workingHours: z
      .object({
        start: clock('workingHours.start').default('07:30'),
        end: clock('workingHours.end').default('18:00'),
      })
      .strict()
      .prefault({})
      .refine(
        (hours) => hours.start < hours.end,
        'workingHours.end must be later than workingHours.start.',
      ),
    /** Generated holidays: `us-common` (federal holidays schools close for, winter break) or none. */
    holidays: z
      .object({
        preset: z
          .enum(HOLIDAY_PRESETS, `holidays.preset must be one of ${HOLIDAY_PRESETS.join(', ')}.`)
          .default('us-common'),
        fromYear: year('holidays.fromYear').default(DEFAULT_HOLIDAY_YEARS.fromYear),
        toYear: year('holidays.toYear').default(DEFAULT_HOLIDAY_YEARS.toYear),
      })
      .strict()
      .prefault({})
      .refine(
        (h) => h.toYear >= h.fromYear,
        'holidays.toYear must not be before holidays.fromYear.',
      )
      .refine(
        (h) => h.toYear - h.fromYear < MAX_HOLIDAY_YEARS,
        `holidays may span at most ${MAX_HOLIDAY_YEARS} years (fromYear..toYear).`,
      ),
    /** The district's own closures: term breaks, summer, snow days, teacher workdays. */
    closures: z
      .array(closureSchema, 'closures must be a list of { name, from, to }.')
      .max(MAX_CLOSURES, `closures may list at most ${MAX_CLOSURES} closures.`)
      .default([]),
  })
  .strict()
  .prefault({});

export type SchoolCalendarInput = z.input<typeof schoolCalendarSchema>;
export type SchoolCalendar = z.output<typeof schoolCalendarSchema>;

/** The calendar of a deployment that sets nothing: New York, Monday–Friday, US holidays. */
export const DEFAULT_SCHOOL_CALENDAR: SchoolCalendar = schoolCalendarSchema.parse(undefined);
