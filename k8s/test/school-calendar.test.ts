import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregatorCalendarEnv } from '../src/calendar/aggregator-env.ts';
import { schoolClosedRanges } from '../src/calendar/closed-dates.ts';
import { CalendarError, closedDates, mergeClosures } from '../src/calendar/closures.ts';
import {
  DEFAULT_SCHOOL_CALENDAR,
  schoolCalendarSchema,
  type SchoolCalendarInput,
} from '../src/calendar/school-calendar.ts';
import { usCommonHolidays } from '../src/calendar/us-holidays.ts';

/** Dates of a holiday by year, as published (federal observed dates, which districts follow). */
const KNOWN: Record<string, string[]> = {
  Thanksgiving: ['2024-11-28', '2025-11-27', '2026-11-26', '2030-11-28'],
  'Day after Thanksgiving': ['2024-11-29', '2025-11-28', '2026-11-27', '2030-11-29'],
  'Martin Luther King Jr. Day': ['2024-01-15', '2025-01-20', '2026-01-19', '2027-01-18'],
  "Presidents' Day": ['2024-02-19', '2025-02-17', '2026-02-16'],
  'Memorial Day': ['2024-05-27', '2025-05-26', '2026-05-25', '2027-05-31'],
  // 2022: Sunday → Monday 20 June; 2027: Saturday → Friday 18 June.
  Juneteenth: ['2022-06-20', '2026-06-19', '2027-06-18'],
  // 2026: Saturday → Friday 3 July; 2027: Sunday → Monday 5 July.
  'Independence Day': ['2025-07-04', '2026-07-03', '2027-07-05'],
  'Labor Day': ['2024-09-02', '2025-09-01', '2026-09-07'],
  "Columbus / Indigenous Peoples' Day": ['2024-10-14', '2025-10-13', '2026-10-12'],
  // 2023 and 2028: Saturday → Friday 10 November; 2029: Sunday → Monday 12 November.
  'Veterans Day': ['2023-11-10', '2025-11-11', '2028-11-10', '2029-11-12'],
  // 2022: Sunday → Monday 26 December; 2027: Saturday → Friday 24 December.
  'Christmas Day': ['2022-12-26', '2027-12-24'],
  // 2023: Sunday → Monday 2 January; 2028: Saturday → Friday 31 December 2027.
  "New Year's Day": ['2023-01-02', '2027-12-31'],
};

const yearOf = (date: string) => Number(date.slice(0, 4));

describe('US school holidays', () => {
  it('falls on the published dates, weekend holidays observed on the Friday before or Monday after', () => {
    for (const [name, dates] of Object.entries(KNOWN))
      for (const date of dates) {
        // A New Year's Day observed on 31 December belongs to the next year.
        const year =
          name === "New Year's Day" && date.endsWith('-12-31') ? yearOf(date) + 1 : yearOf(date);
        const found = usCommonHolidays(year - 1, year).filter((c) => c.name === name);
        assert.ok(
          found.some((c) => c.from === date && c.to === date),
          `${name} ${year}: expected ${date}, got ${found.map((c) => c.from).join(', ')}`,
        );
      }
  });

  it('closes 24 December – 1 January, clipped to the years asked for', () => {
    const breaks = usCommonHolidays(2025, 2026).filter((c) => c.name === 'Winter break');
    assert.deepEqual(
      breaks.map((c) => [c.from, c.to]),
      [
        ['2025-01-01', '2025-01-01'],
        ['2025-12-24', '2026-01-01'],
        ['2026-12-24', '2026-12-31'],
      ],
    );
  });

  it('closes exactly the days the holiday rules describe, day by day over 2000–2100', () => {
    // The rules as a district would state them, checked on each date independently of the
    // generator's nth-weekday arithmetic.
    const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    const parts = (t: Date) => ({
      y: t.getUTCFullYear(),
      m: t.getUTCMonth() + 1,
      d: t.getUTCDate(),
      w: t.getUTCDay(),
    });
    const isHoliday = (t: Date): boolean => {
      const { m, d, w } = parts(t);
      const on = (month: number, day: number, shift: number) => {
        const other = parts(new Date(t.getTime() + shift * 86_400_000));
        return other.m === month && other.d === day;
      };
      // A fixed date on a weekday, or the Friday before a Saturday one, or the Monday after a Sunday one.
      const fixed = (month: number, day: number) =>
        (on(month, day, 0) && w >= 1 && w <= 5) ||
        (w === 5 && on(month, day, 1)) ||
        (w === 1 && on(month, day, -1));
      const monday = w === 1;
      return (
        fixed(1, 1) ||
        (m === 1 && monday && d >= 15 && d <= 21) ||
        (m === 2 && monday && d >= 15 && d <= 21) ||
        (m === 5 && monday && d >= 25) ||
        fixed(6, 19) ||
        fixed(7, 4) ||
        (m === 9 && monday && d <= 7) ||
        (m === 10 && monday && d >= 8 && d <= 14) ||
        fixed(11, 11) ||
        (m === 11 && w === 4 && d >= 22 && d <= 28) ||
        (m === 11 && w === 5 && d >= 23 && d <= 29) ||
        fixed(12, 25) ||
        (m === 12 && d >= 24) ||
        (m === 1 && d === 1)
      );
    };
    for (const [fromYear, toYear] of [
      [2000, 2014],
      [2015, 2029],
      [2030, 2044],
      [2086, 2100],
    ] as const) {
      const closed = new Set(closedDates(mergeClosures(usCommonHolidays(fromYear, toYear))));
      for (
        let t = utc(fromYear, 1, 1);
        t <= utc(toYear, 12, 31);
        t = new Date(t.getTime() + 86_400_000)
      ) {
        const date = t.toISOString().slice(0, 10);
        assert.equal(closed.has(date), isHoliday(t), `${date} closed?`);
      }
    }
  });
});

describe('closures', () => {
  it('merges overlapping and adjacent closures, sorted, keeping their names', () => {
    assert.deepEqual(
      mergeClosures([
        { name: 'Snow day', from: '2026-02-10', to: '2026-02-10' },
        { name: 'Spring break', from: '2026-03-30', to: '2026-04-03' },
        { name: 'Teacher workday', from: '2026-04-06', to: '2026-04-06' },
        { name: 'Good Friday', from: '2026-04-03', to: '2026-04-03' },
        { name: 'Mid-winter', from: '2026-02-09', to: '2026-02-13' },
        { name: 'Presidents', from: '2026-02-16', to: '2026-02-16' },
        { name: 'Weekend after', from: '2026-02-14', to: '2026-02-15' },
      ]),
      [
        {
          from: '2026-02-09',
          to: '2026-02-16',
          names: ['Mid-winter', 'Snow day', 'Weekend after', 'Presidents'],
        },
        { from: '2026-03-30', to: '2026-04-03', names: ['Spring break', 'Good Friday'] },
        { from: '2026-04-06', to: '2026-04-06', names: ['Teacher workday'] },
      ],
    );
  });

  it('refuses a date that does not exist or a range that ends before it starts, naming it', () => {
    assert.throws(
      () => mergeClosures([{ name: 'Leap', from: '2026-02-29', to: '2026-03-01' }]),
      (e: Error) =>
        e instanceof CalendarError &&
        /"Leap": from "2026-02-29" is not a real date/.test(e.message),
    );
    assert.throws(
      () => mergeClosures([{ name: 'Backwards', from: '2026-05-02', to: '2026-05-01' }]),
      /"Backwards" ends \(2026-05-01\) before it starts \(2026-05-02\)/,
    );
    assert.deepEqual(
      mergeClosures([{ name: 'Leap', from: '2028-02-29', to: '2028-02-29' }]).length,
      1,
    );
  });
});

describe('schoolCalendar option', () => {
  const issues = (input: SchoolCalendarInput) => {
    const parsed = schoolCalendarSchema.safeParse(input);
    assert.equal(parsed.success, false, JSON.stringify(input));
    return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
  };

  it('defaults to New York, Monday–Friday 07:30–18:00 and US holidays 2025–2031', () => {
    assert.deepEqual(DEFAULT_SCHOOL_CALENDAR, {
      timeZone: 'America/New_York',
      schoolDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      workingHours: { start: '07:30', end: '18:00' },
      holidays: { preset: 'us-common', fromYear: 2025, toYear: 2031 },
      closures: [],
    });
  });

  it('accepts IANA zones as the tz database spells them and explains the rest', () => {
    for (const timeZone of [
      'America/Chicago',
      'Asia/Kolkata',
      'UTC',
      'America/Indiana/Indianapolis',
    ])
      assert.equal(schoolCalendarSchema.parse({ timeZone }).timeZone, timeZone);
    assert.match(
      issues({ timeZone: 'America/Springfield' }),
      /timeZone: timeZone "America\/Springfield" is not a known IANA time zone/,
    );
    assert.match(
      issues({ timeZone: 'america/chicago' }),
      /timeZone: timeZone must be an IANA time zone name spelt as in the tz database/,
    );
    assert.match(
      issues({ timeZone: 'America/CHICAGO' }),
      /timeZone "America\/CHICAGO" must be written "America\/Chicago"/,
    );
    assert.match(issues({ timeZone: '-05:00' }), /timeZone must be an IANA time zone name/);
  });

  it('explains bad school days, hours, years and closures', () => {
    assert.match(
      issues({ schoolDays: [] }),
      /schoolDays: schoolDays must name at least one weekday/,
    );
    assert.match(issues({ schoolDays: ['monday', 'monday'] }), /schoolDays must not repeat a day/);
    assert.match(
      issues({ schoolDays: ['Mon' as 'monday'] }),
      /schoolDays\.0: each school day must be one of sunday, monday/,
    );
    assert.match(
      issues({ workingHours: { start: '7:30' } }),
      /workingHours\.start: workingHours\.start must be a time HH:MM/,
    );
    assert.match(
      issues({ workingHours: { start: '18:00', end: '07:30' } }),
      /workingHours: workingHours\.end must be later than workingHours\.start/,
    );
    assert.match(
      issues({ holidays: { preset: 'uk' as 'none' } }),
      /holidays\.preset: holidays\.preset must be one of us-common, none/,
    );
    assert.match(
      issues({ holidays: { fromYear: 2030, toYear: 2029 } }),
      /holidays: holidays\.toYear must not be before holidays\.fromYear/,
    );
    assert.match(
      issues({ holidays: { fromYear: 2025, toYear: 2040 } }),
      /holidays may span at most 15 years/,
    );
    assert.match(
      issues({ holidays: { fromYear: 1999 } }),
      /holidays\.fromYear: holidays\.fromYear must be 2000 or later/,
    );
    assert.match(
      issues({ closures: [{ name: 'Summer', from: '2026-06-31', to: '2026-08-28' }] }),
      /closures\.0\.from: from must be a real date written YYYY-MM-DD/,
    );
    assert.match(
      issues({ closures: [{ name: 'Summer', from: '2026-06-15', to: '2062-08-28' }] }),
      /closures\.0\.to: "Summer" lasts 13224 days; a closure lasts at most 366/,
    );
    assert.match(
      issues({ closures: [{ name: '', from: '2026-06-15', to: '2026-06-15' }] }),
      /closures\.0\.name: name must not be empty/,
    );
    assert.match(
      issues({
        closures: Array.from({ length: 501 }, () => ({
          name: 'x',
          from: '2026-06-15',
          to: '2026-06-15',
        })),
      }),
      /closures: closures may list at most 500 closures/,
    );
    assert.match(
      issues({ closures: [], weekend: true } as SchoolCalendarInput),
      /Unrecognized key: "weekend"/,
    );
  });

  it('closes the preset holidays plus the district’s own closures, merged', () => {
    const calendar = schoolCalendarSchema.parse({
      holidays: { fromYear: 2026, toYear: 2026 },
      closures: [
        { name: 'Spring break', from: '2026-03-30', to: '2026-04-03' },
        { name: 'Summer', from: '2026-06-12', to: '2026-08-31' },
        { name: 'Snow day', from: '2026-01-20', to: '2026-01-20' },
      ],
    });
    const ranges = schoolClosedRanges(calendar).map((r) => `${r.from}..${r.to}`);
    // MLK Day (19 January) and the snow day after it are one range; Juneteenth and the
    // observed Independence Day are inside the summer.
    assert.deepEqual(ranges, [
      '2026-01-01..2026-01-01',
      '2026-01-19..2026-01-20',
      '2026-02-16..2026-02-16',
      '2026-03-30..2026-04-03',
      '2026-05-25..2026-05-25',
      '2026-06-12..2026-08-31',
      '2026-09-07..2026-09-07',
      '2026-10-12..2026-10-12',
      '2026-11-11..2026-11-11',
      '2026-11-26..2026-11-27',
      '2026-12-24..2026-12-31',
    ]);
    const none = schoolCalendarSchema.parse({ holidays: { preset: 'none' } });
    assert.deepEqual(schoolClosedRanges(none), []);
  });
});

describe('aggregator calendar variables', () => {
  it('gives the zone, the school days Monday first and the closed dates as single days or ranges', () => {
    const env = aggregatorCalendarEnv(
      schoolCalendarSchema.parse({
        timeZone: 'America/Denver',
        schoolDays: ['friday', 'monday', 'sunday'],
        holidays: { preset: 'none' },
        closures: [
          { name: 'B', from: '2027-01-04', to: '2027-01-08' },
          { name: 'A', from: '2026-11-26', to: '2026-11-26' },
        ],
      }),
    );
    assert.deepEqual(env, {
      AGGREGATOR_SCHOOL_TIME_ZONE: 'America/Denver',
      AGGREGATOR_SCHOOL_DAYS: 'mon,fri,sun',
      AGGREGATOR_SCHOOL_CLOSED_DATES: '2026-11-26,2027-01-04..2027-01-08',
    });
  });

  it('lists every closed day of the default calendar once, sorted, in the agreed syntax', () => {
    const { AGGREGATOR_SCHOOL_CLOSED_DATES: list } = aggregatorCalendarEnv(DEFAULT_SCHOOL_CALENDAR);
    const items = list.split(',');
    for (const item of items) assert.match(item, /^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/);
    const bounds = items.flatMap((item) => item.split('..'));
    assert.deepEqual(bounds, [...bounds].sort(), 'sorted, ranges disjoint');
    assert.ok(items.includes('2026-11-26..2026-11-27'), 'Thanksgiving 2026 and the Friday after');
    assert.ok(items.includes('2026-07-03'), 'Independence Day 2026 observed on Friday 3 July');
    assert.ok(list.length < 2_000, `${list.length} characters`);
  });
});
