import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { schoolClosedRanges } from '../src/calendar/closed-dates.ts';
import { closedDates } from '../src/calendar/closures.ts';
import {
  DEFAULT_SCHOOL_CALENDAR,
  schoolCalendarSchema,
  type SchoolCalendar,
} from '../src/calendar/school-calendar.ts';
import { alertmanagerConfigFiles, AlertmanagerConfigError } from '../src/manifests/alertmanager.ts';
import { generatedAlertmanagerConfig, writeAlertmanagerConfig } from './support/alertmanager.ts';
import {
  intervalContains,
  readInterval,
  type LocalTime,
} from './support/alertmanager-time-interval.ts';
import { runTool } from './support/promtool.ts';

const dir = mkdtempSync(join(tmpdir(), 'classpulse-am-calendar-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Calendars that exercise every shape the generator emits. */
const CALENDARS: Record<string, SchoolCalendar> = {
  default: DEFAULT_SCHOOL_CALENDAR,
  district: schoolCalendarSchema.parse({
    timeZone: 'America/Los_Angeles',
    schoolDays: ['monday', 'tuesday', 'wednesday', 'thursday'],
    workingHours: { start: '06:45', end: '24:00' },
    holidays: { fromYear: 2026, toYear: 2028 },
    closures: [
      // Across a year end, across several whole months, one leap day, a month's last days.
      { name: 'Long winter break', from: '2026-12-19', to: '2027-01-10' },
      { name: 'Summer', from: '2027-06-11', to: '2027-09-03' },
      { name: 'Snow day', from: '2028-02-29', to: '2028-02-29' },
      { name: 'Spring break', from: '2028-03-27', to: '2028-04-30' },
      { name: 'Whole term', from: '2028-05-01', to: '2028-08-31' },
    ],
  }),
  'weekend school, no preset': schoolCalendarSchema.parse({
    timeZone: 'Asia/Kolkata',
    schoolDays: ['saturday', 'sunday', 'wednesday'],
    holidays: { preset: 'none' },
  }),
};

/** Every local date from 1 January of `fromYear` to 31 December of `toYear`, with its weekday. */
function* localDates(
  fromYear: number,
  toYear: number,
): Generator<Omit<LocalTime, 'minute'> & { iso: string }> {
  for (let t = Date.UTC(fromYear, 0, 1); t <= Date.UTC(toYear, 11, 31); t += 86_400_000) {
    const d = new Date(t);
    yield {
      iso: d.toISOString().slice(0, 10),
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      weekday: d.getUTCDay(),
    };
  }
}

const configOf = (calendar: SchoolCalendar) =>
  parse(generatedAlertmanagerConfig(calendar)) as Parameters<typeof readInterval>[0];

describe('Alertmanager time intervals from the school calendar', () => {
  for (const [label, calendar] of Object.entries(CALENDARS)) {
    it(`${label}: passes amtool check-config`, () => {
      const file = writeAlertmanagerConfig(mkdtempSync(join(dir, 'c-')), calendar);
      const result = runTool('amtool', ['check-config', file]);
      assert.equal(result.ok, true, result.output);
    });

    it(`${label}: school-holidays mutes whole days, exactly the calendar's closed dates`, () => {
      const entries = readInterval(configOf(calendar), 'school-holidays', calendar.timeZone);
      for (const entry of entries) assert.equal(entry.times, undefined, 'whole local days');
      const closed = new Set(closedDates(schoolClosedRanges(calendar)));
      const years = [...closed].map((d) => Number(d.slice(0, 4)));
      const [first, last] = [Math.min(2024, ...years) - 1, Math.max(2032, ...years) + 1];
      let muted = 0;
      for (const date of localDates(first, last)) {
        const isMuted = intervalContains(entries, { ...date, minute: 12 * 60 });
        assert.equal(isMuted, closed.has(date.iso), `${date.iso}: muted ${isMuted}`);
        if (isMuted) muted++;
      }
      assert.equal(muted, closed.size);
    });

    it(`${label}: school-working-hours is the school days' working hours`, () => {
      const entries = readInterval(configOf(calendar), 'school-working-hours', calendar.timeZone);
      const open = new Set(
        calendar.schoolDays.map((d) =>
          ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].indexOf(d),
        ),
      );
      const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
      const [start, end] = [
        toMinutes(calendar.workingHours.start),
        toMinutes(calendar.workingHours.end),
      ];
      // One whole week, minute by minute.
      for (const date of localDates(2026, 2026)) {
        if (date.month !== 3 || date.day < 2 || date.day > 8) continue;
        for (let minute = 0; minute < 1440; minute++)
          assert.equal(
            intervalContains(entries, { ...date, minute }),
            open.has(date.weekday) && minute >= start && minute < end,
            `${date.iso} minute ${minute}`,
          );
      }
    });
  }

  it('would have caught the hand-written Thanksgiving entry (days 22–28, Thursday–Friday)', () => {
    const handWritten = readInterval(
      {
        time_intervals: [
          {
            name: 'school-holidays',
            time_intervals: [
              {
                months: ['november'],
                days_of_month: ['22:28'],
                weekdays: ['thursday:friday'],
                location: 'America/New_York',
              },
            ],
          },
        ],
      },
      'school-holidays',
      'America/New_York',
    );
    const at = (day: number, weekday: number): LocalTime => ({
      year: 2024,
      month: 11,
      day,
      weekday,
      minute: 600,
    });
    // 2024: Thanksgiving is Thursday 28 November; the Friday off is the 29th, not the 22nd.
    assert.equal(
      intervalContains(handWritten, at(22, 5)),
      true,
      'mutes Friday 22 November, a school day',
    );
    assert.equal(intervalContains(handWritten, at(29, 5)), false, 'pages on Friday 29 November');
    const generated = readInterval(
      configOf(DEFAULT_SCHOOL_CALENDAR),
      'school-holidays',
      'America/New_York',
    );
    const in2025 = (day: number, weekday: number): LocalTime => ({
      year: 2025,
      month: 11,
      day,
      weekday,
      minute: 600,
    });
    assert.equal(intervalContains(generated, in2025(27, 4)), true, 'Thanksgiving 2025');
    assert.equal(intervalContains(generated, in2025(28, 5)), true, 'the Friday after');
    assert.equal(
      intervalContains(generated, in2025(21, 5)),
      false,
      'the Friday before is a school day',
    );
  });

  it('refuses an alertmanager.yml that defines time_intervals or names one it does not generate', () => {
    const fixture = mkdtempSync(join(dir, 'yml-'));
    const configWith = (extra: string, intervals: string) => {
      writeFileSync(
        join(fixture, 'alertmanager.yml'),
        [
          'global:',
          '  slack_api_url_file: /etc/alertmanager/secrets/alertmanager-slack/url',
          'route:',
          '  receiver: r',
          '  routes:',
          `    - receiver: r`,
          `      mute_time_intervals: [${intervals}]`,
          'receivers: [{name: r}]',
          extra,
        ].join('\n'),
      );
      return () => alertmanagerConfigFiles({ schoolCalendar: DEFAULT_SCHOOL_CALENDAR }, fixture);
    };
    assert.doesNotThrow(configWith('', 'school-holidays'));
    assert.throws(
      configWith('time_intervals: []', 'school-holidays'),
      (e: Error) =>
        e instanceof AlertmanagerConfigError && /must not define time_intervals/.test(e.message),
    );
    assert.throws(
      configWith('', 'school-holidays, district-holidays'),
      /routes name time intervals the calendar does not generate: district-holidays/,
    );
  });
});
