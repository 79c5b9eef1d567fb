import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  closedDatesSchema,
  DEFAULT_SCHOOL_CALENDAR,
  readSchoolClock,
  SCHOOL_CLOCK_METRICS,
  schoolDaysSchema,
  type SchoolCalendar,
} from '../src/school-clock/index.ts';
import { loadAggregatorConfig } from '../src/server/index.ts';
import { startAggregator } from './support/aggregator.ts';

const newYork: SchoolCalendar = {
  ...DEFAULT_SCHOOL_CALENDAR,
  closedRanges: closedDatesSchema.parse('2026-11-26..2026-11-27'),
};
const shifts = (at: string, calendar = newYork) =>
  readSchoolClock(calendar, Date.parse(at)).weeks.map((w) => w.dstShiftSeconds);
const open = (at: string, calendar = newYork) =>
  readSchoolClock(calendar, Date.parse(at)).weeks.map((w) => (w.open ? 1 : 0));

describe('school clock', () => {
  it('finds the same local time in each past week across the clocks falling back', () => {
    // Monday 2 November 2026, 07:10 EST; clocks fell back on Sunday 1 November.
    assert.deepEqual(shifts('2026-11-02T12:10:00Z'), [0, 3600, 3600, 3600, 3600, 3600]);
    // A week later, the last week is after the change too.
    assert.deepEqual(shifts('2026-11-09T12:10:00Z'), [0, 0, 3600, 3600, 3600, 3600]);
    assert.equal(
      readSchoolClock(newYork, Date.parse('2026-11-02T12:10:00Z')).utcOffsetSeconds,
      -18000,
    );
  });

  it('and across the clocks springing forward', () => {
    // Monday 9 March 2026, 08:00 EDT; clocks sprang forward on Sunday 8 March.
    assert.deepEqual(shifts('2026-03-09T12:00:00Z'), [0, -3600, -3600, -3600, -3600, -3600]);
    assert.deepEqual(shifts('2026-04-20T12:00:00Z'), [0, 0, 0, 0, 0, 0]);
  });

  it('knows a zone without clock changes', () => {
    const tokyo = { ...newYork, timeZone: 'Asia/Tokyo' };
    assert.deepEqual(shifts('2026-11-02T00:00:00Z', tokyo), [0, 0, 0, 0, 0, 0]);
    assert.equal(readSchoolClock(tokyo, 0).utcOffsetSeconds, 32400);
  });

  it('marks weekends and closed dates, in local time', () => {
    // Thursday 3 December 2026, 10:00 EST: a week back was Thanksgiving (closed).
    assert.deepEqual(open('2026-12-03T15:00:00Z'), [1, 0, 1, 1, 1, 1]);
    // Friday 27 November 2026, 23:30 EST is still the Friday (04:30 UTC on Saturday).
    assert.equal(open('2026-11-28T04:30:00Z')[0], 0);
    assert.equal(open('2026-11-28T15:00:00Z')[0], 0, 'Saturday');
    assert.equal(open('2026-11-30T15:00:00Z')[0], 1, 'Monday after');
  });

  it('parses school days and closed dates with clear errors', () => {
    assert.deepEqual([...schoolDaysSchema.parse('sun, Mon')].sort(), [0, 1]);
    assert.throws(() => schoolDaysSchema.parse('monday'), /monday\\" is not a weekday/);
    assert.throws(() => schoolDaysSchema.parse(' , '), /at least one school day/);
    assert.deepEqual(closedDatesSchema.parse('2026-12-21..2027-01-01'), [[20808, 20819]]);
    for (const bad of [
      '2026-02-30',
      '2026-12-21..2026-12-01',
      '26-1-1',
      '2026-01-01..2026-01-02..2026-01-03',
    ])
      assert.throws(() => closedDatesSchema.parse(bad), /is not a date like/, bad);
    assert.throws(
      () => closedDatesSchema.parse(Array(2001).fill('2026-01-01').join(',')),
      /more than 2000/,
    );
  });

  it('is exposed on /metrics from the configured calendar and the injected clock', async () => {
    const server = await startAggregator(
      {
        AGGREGATOR_SCHOOL_TIME_ZONE: 'America/New_York',
        AGGREGATOR_SCHOOL_CLOSED_DATES: '2026-11-26',
      },
      { now: () => Date.parse('2026-12-03T15:00:00Z') },
    );
    try {
      const text = await (await fetch(`${server.internalUrl}/metrics`)).text();
      assert.match(text, new RegExp(`^${SCHOOL_CLOCK_METRICS.utcOffset} -18000$`, 'm'));
      assert.match(text, new RegExp(`^${SCHOOL_CLOCK_METRICS.open}\\{weeks_ago="1"\\} 0$`, 'm'));
      assert.match(text, new RegExp(`^${SCHOOL_CLOCK_METRICS.open}\\{weeks_ago="0"\\} 1$`, 'm'));
      assert.match(
        text,
        new RegExp(`^${SCHOOL_CLOCK_METRICS.dstShift}\\{weeks_ago="5"\\} 3600$`, 'm'),
      );
      assert.doesNotMatch(text, /dst_shift_seconds\{weeks_ago="0"\}/);
    } finally {
      await server.close();
    }
  });

  it('refuses an unknown time zone at startup', () => {
    assert.throws(
      () =>
        loadAggregatorConfig({
          METRICS_PAGE_TOKEN_SECRET: 'x'.repeat(32),
          AGGREGATOR_SCHOOL_TIME_ZONE: 'Mars/Olympus',
        }),
      /AGGREGATOR_SCHOOL_TIME_ZONE: must be an IANA time zone/,
    );
  });
});
