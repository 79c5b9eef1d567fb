import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APP_LOADS, APP_LOADS_ALERT, APP_LOADS_SERIES } from '../src/rules/app-loads.ts';
import { Timeline, type LocalTime } from './support/app-load-scenarios.ts';
import { expectedUsualLoads, US_DISTRICT, type Moment } from './support/district-traffic.ts';
import { ruleFile, runTool } from './support/promtool.ts';

/**
 * The business alert replayed through `promtool test rules` over weeks of modelled US district
 * traffic (school 07:30–15:30 America/New_York, ±4% a day, real clock changes and holidays):
 * it pages within 15 minutes of a total loss and within 30 of a real drop below 90%, resolves
 * within 30 of recovery, and stays silent through clock changes, nights, weekends, holidays and
 * the days after, breaks, churn, restarts, replica changes and deployments too small to judge.
 */

const FULL = US_DISTRICT.student;
const during =
  (date: string, from: string, to: string, value: number) =>
  (at: Moment): number => {
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    return at.date === date && at.minuteOfDay >= minutes(from) && at.minuteOfDay < minutes(to)
      ? value
      : 1;
  };
const anyOf =
  (...parts: Array<(at: Moment) => number>) =>
  (at: Moment) =>
    parts.reduce((value, part) => value * part(at), 1);
const plus = ([date, time]: LocalTime, minutes: number): LocalTime => {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes;
  const hh = String(Math.floor(total / 60)).padStart(2, '0');
  const mm = String(total % 60).padStart(2, '0');
  return [date, `${hh}:${mm}`];
};

/**
 * Expects a total loss from `from` to `to` (same day) to page within 13 minutes (a page
 * reaches Slack within a minute of firing), keep paging while it lasts, and resolve within 28.
 */
function outage(timeline: Timeline, app: string, from: LocalTime, to: LocalTime, what: string) {
  timeline
    .notFiring(app, plus(from, -1), `${what}: nothing before the loss`)
    .firing(app, plus(from, 13), `${what}: pages within 15 minutes`)
    .firing(app, plus(to, -1), `${what}: still paging while it lasts`)
    .notFiring(app, plus(to, 28), `${what}: resolved within 30 minutes of recovery`);
}

/** The usual the rules should find at a local moment of a school day (see expectedUsualLoads). */
const expectedUsual = (
  t: Timeline,
  loadsPerHour: number,
  [date, time]: LocalTime,
  window: number,
) =>
  expectedUsualLoads(
    t.model,
    loadsPerHour,
    date,
    Number(time.slice(0, 2)) * 60 + Number(time.slice(3)),
    window,
  );

describe(
  'app-load alert (promtool test rules over modelled district traffic)',
  { concurrency: true },
  () => {
    it('passes promtool check rules', () => {
      const result = runTool('promtool', ['check', 'rules', ruleFile('app-loads')]);
      assert.equal(result.ok, true, result.output);
      // The one business page these scenarios replay.
      assert.equal(APP_LOADS_ALERT, 'AppLoadsBelowUsual');
    });

    it('autumn: the clocks falling back, Columbus and Veterans Day, churn, restarts, replicas', async () => {
      const t = new Timeline({ start: '2026-09-28', weeks: 7 });
      const from: LocalTime = ['2026-10-26', '00:00'];
      const end: LocalTime = ['2026-11-13', '23:00'];

      t.app('student', {
        loadsPerHour: FULL,
        restartsAt: [t.minute(['2026-11-02', '08:00']), t.minute(['2026-11-10', '13:07'])],
        replicas: (at) =>
          at.minute >= t.minute(['2026-11-10', '08:00'])
            ? 4
            : at.minute >= t.minute(['2026-11-05', '09:30'])
              ? 1
              : at.minute >= t.minute(['2026-11-03', '11:00'])
                ? 3
                : 2,
      })
        .silent(
          'student',
          from,
          end,
          'ordinary traffic through the clock change, nights, weekends, Veterans Day and the day after, aggregator restarts and replica changes never pages',
        )
        .value(
          APP_LOADS_SERIES.usualWeeks,
          'student',
          ['2026-11-02', '07:10'],
          4,
          'Columbus Day (12 Oct) is left out of the baseline',
        )
        .value(
          APP_LOADS_SERIES.usual(APP_LOADS.longWindow),
          'student',
          ['2026-11-02', '07:10'],
          expectedUsual(t, FULL, ['2026-11-02', '07:10'], 20),
          'the Monday after the clocks fall back compares 06:50–07:10 with 06:50–07:10 local, not with school hours',
        );
      t.app('teacher', { loadsPerHour: US_DISTRICT.teacher }).silent(
        'teacher',
        from,
        end,
        'the teacher app is quiet too',
      );

      // Two weeks of double traffic, then normal; then outages the baseline must still see.
      const outages: Array<[LocalTime, LocalTime, string]> = [
        [['2026-11-02', '10:00'], ['2026-11-02', '11:00'], 'the Monday after the clocks fall back'],
        [['2026-11-12', '09:00'], ['2026-11-12', '10:00'], 'the day after Veterans Day'],
      ];
      t.app('incidents', {
        loadsPerHour: FULL,
        multiplier: anyOf(
          (at) => (at.date >= '2026-10-19' && at.date <= '2026-10-30' ? 2 : 1),
          ...outages.map(([[date, a], [, b]]) => during(date, a, b, 0)),
        ),
      }).silent(
        'incidents',
        from,
        plus(outages[0]![0], -1),
        'two weeks of double traffic, then normal, never page',
      );
      outages.forEach(([a, b, what], i) => {
        outage(t, 'incidents', a, b, `a one-hour total outage on ${what}`);
        const next = outages[i + 1]?.[0];
        t.silent(
          'incidents',
          plus(b, 30),
          next ? plus(next, -1) : end,
          `never pages after recovering from ${what}`,
        );
      });

      // 60 loads an hour: an outage all day is still nothing the comparison can judge.
      t.app('tiny', {
        loadsPerHour: 60,
        multiplier: during('2026-11-04', '00:00', '24:00', 0),
      }).silent('tiny', from, end, 'a deployment too small to compare never pages');

      const result = await t.run();
      assert.equal(result.ok, true, result.output);
    });

    it('late autumn: drops of every size, a closed Thanksgiving week and the week after, a small deployment', async () => {
      const t = new Timeline({
        start: '2026-10-19',
        weeks: 7,
        // A district that closes the whole of Thanksgiving week (us-common closes Thursday and Friday).
        calendar: {
          closures: [{ name: 'Thanksgiving week', from: '2026-11-23', to: '2026-11-25' }],
        },
      });
      const from: LocalTime = ['2026-11-16', '00:00'];
      const end: LocalTime = ['2026-12-04', '23:00'];

      t.app('student', { loadsPerHour: FULL })
        .silent('student', from, end, 'the holiday week and the week after never page')
        .value(
          APP_LOADS_SERIES.usualWeeks,
          'student',
          ['2026-11-30', '10:00'],
          4,
          'the closed Thanksgiving week is left out',
        )
        .value(
          APP_LOADS_SERIES.usualWeeks,
          'student',
          ['2026-11-18', '10:00'],
          3,
          'Veterans Day is left out (and 14 October lies before the timeline)',
        );

      t.app('incidents', {
        loadsPerHour: FULL,
        multiplier: anyOf(
          during('2026-11-17', '10:00', '11:00', 0),
          during('2026-11-18', '09:00', '11:00', 0.5),
          during('2026-11-19', '07:30', '15:30', 0.5),
          during('2026-11-20', '00:00', '24:00', 0.85),
          during('2026-11-30', '13:00', '14:00', 0),
        ),
      }).silent('incidents', from, ['2026-11-17', '09:59'], 'nothing before the first drop');
      outage(
        t,
        'incidents',
        ['2026-11-17', '10:00'],
        ['2026-11-17', '11:00'],
        'a one-hour total outage',
      );
      t.silent(
        'incidents',
        ['2026-11-17', '11:30'],
        ['2026-11-18', '08:59'],
        'never pages after recovery',
      )
        .firing(
          'incidents',
          ['2026-11-18', '09:28'],
          'a two-hour drop to 50% pages within 30 minutes',
        )
        .firing('incidents', ['2026-11-18', '10:59'], 'and keeps paging while it lasts')
        .notFiring('incidents', ['2026-11-18', '11:28'], 'resolved within 30 minutes of recovery')
        .silent(
          'incidents',
          ['2026-11-18', '11:30'],
          ['2026-11-19', '07:29'],
          'never pages after recovery, that night either',
        )
        .firing(
          'incidents',
          ['2026-11-19', '07:58'],
          'exactly half the loads pages within 30 minutes',
        )
        .silent(
          'incidents',
          ['2026-11-19', '16:00'],
          ['2026-11-20', '07:29'],
          'and stops with school',
        )
        .firing(
          'incidents',
          ['2026-11-20', '07:58'],
          '85% of the usual all day pages within 30 minutes of school starting',
        )
        .firing('incidents', ['2026-11-20', '15:29'], 'and through the school day')
        .silent(
          'incidents',
          ['2026-11-20', '16:30'],
          ['2026-11-30', '12:59'],
          'silent after school, through the holiday week',
        );
      outage(
        t,
        'incidents',
        ['2026-11-30', '13:00'],
        ['2026-11-30', '14:00'],
        'a total outage the Monday after the holiday week',
      );
      t.silent(
        'incidents',
        ['2026-11-30', '14:30'],
        end,
        'and silent in the days after, whose baseline holds the drops',
      );

      // 900 loads an hour: enough to see a stop, too few to judge a 15% drop.
      t.app('small', {
        loadsPerHour: 900,
        multiplier: anyOf(
          during('2026-11-17', '10:00', '11:00', 0),
          during('2026-11-20', '00:00', '24:00', 0.85),
        ),
      });
      outage(
        t,
        'small',
        ['2026-11-17', '10:00'],
        ['2026-11-17', '11:00'],
        'a small deployment losing every load',
      );
      t.silent(
        'small',
        ['2026-11-20', '00:00'],
        end,
        'a small deployment at 85%: below the volume guard',
      );

      const result = await t.run();
      assert.equal(result.ok, true, result.output);
    });

    it('winter: a two-week break, then an outage or a 70% failure on the first day back, then the aggregators gone', async () => {
      const gone = ['2027-01-15', '10:00'] as const;
      const t: Timeline = new Timeline({
        start: '2026-11-30',
        weeks: 7,
        calendar: { closures: [{ name: 'Winter break', from: '2026-12-21', to: '2027-01-01' }] },
        unreachable: (at): boolean => at.minute >= t.minute(gone),
      });
      t.app('student', { loadsPerHour: FULL })
        .silent(
          'student',
          ['2026-12-18', '00:00'],
          ['2027-01-15', '09:59'],
          'the break and the two weeks after never page',
        )
        .value(
          APP_LOADS_SERIES.usualWeeks,
          'student',
          ['2027-01-04', '10:00'],
          3,
          'the baseline skips the two closed weeks',
        )
        .firing(
          'student',
          ['2027-01-15', '10:13'],
          'no reports at all (aggregators gone) count as zero loads and page',
        );
      t.app('back', { loadsPerHour: FULL, multiplier: during('2027-01-04', '07:30', '09:00', 0) });
      outage(
        t,
        'back',
        ['2027-01-04', '07:30'],
        ['2027-01-04', '09:00'],
        'a total outage on the first day back',
      );
      t.silent('back', ['2027-01-04', '09:30'], ['2027-01-15', '09:59'], 'then silent');
      t.app('back70', {
        loadsPerHour: FULL,
        multiplier: during('2027-01-04', '07:30', '15:30', 0.3),
      })
        .silent(
          'back70',
          ['2026-12-18', '00:00'],
          ['2027-01-04', '07:29'],
          'silent through the break',
        )
        .firing(
          'back70',
          ['2027-01-04', '07:43'],
          'a 70% failure on the first day back pages within 15 minutes',
        );

      const result = await t.run();
      assert.equal(result.ok, true, result.output);
    });

    it('spring: the clocks springing forward, Presidents Day in the baseline', async () => {
      const t = new Timeline({ start: '2027-02-08', weeks: 7 });
      t.app('student', { loadsPerHour: FULL })
        .silent(
          'student',
          ['2027-02-22', '00:00'],
          ['2027-03-26', '23:00'],
          'ordinary traffic never pages, before or after the change',
        )
        .value(
          APP_LOADS_SERIES.usual(APP_LOADS.longWindow),
          'student',
          ['2027-03-15', '16:10'],
          expectedUsual(t, FULL, ['2027-03-15', '16:10'], 20),
          'the Monday after the clocks spring forward compares 15:50–16:10 local with 15:50–16:10 local',
        )
        .value(
          APP_LOADS_SERIES.usualWeeks,
          'student',
          ['2027-03-15', '16:10'],
          4,
          'Presidents Day is left out',
        );
      t.app('outage', {
        loadsPerHour: FULL,
        multiplier: during('2027-03-16', '14:00', '15:00', 0),
      });
      outage(
        t,
        'outage',
        ['2027-03-16', '14:00'],
        ['2027-03-16', '15:00'],
        'a total outage the Tuesday after the change',
      );

      const result = await t.run();
      assert.equal(result.ok, true, result.output);
    });
  },
);
