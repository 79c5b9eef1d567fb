import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSchoolClock, SCHOOL_CLOCK_METRICS } from '@classpulse/metrics-aggregator/school-clock';
import {
  createAggregatorServer,
  loadAggregatorConfig,
  type AggregatorServer,
} from '@classpulse/metrics-aggregator/server';
import { TEST_PAGE_TOKEN_SECRET } from '@classpulse/metrics-aggregator/testing';
import { aggregatorCalendarEnv } from '../../src/calendar/aggregator-env.ts';
import {
  schoolCalendarSchema,
  type SchoolCalendarInput,
} from '../../src/calendar/school-calendar.ts';
import { APP_LOADS, APP_LOADS_SERIES } from '../../src/rules/app-loads.ts';
import { aggregatorCalendar, type LocalTime } from './app-load-scenarios.ts';
import {
  loadsInMinute,
  MINUTE_MS,
  minuteOf,
  momentAt,
  startInstant,
  US_DISTRICT,
  type AppTraffic,
  type DistrictModel,
} from './district-traffic.ts';

const WEEK_MINUTES = 7 * 24 * 60;
const BASELINE_WEEKS = 5;

/**
 * The modelled district brought to a live Prometheus at a simulated local moment: real time now
 * plays `now` of the model. A real aggregator, its clock moved to the simulated moment, exposes
 * the school clock from the deployment's calendar; a test target serves the loads counter and
 * goes on counting in real time. History is backfilled: the counter's last two hours, and the
 * recorded loads (`…:increase20m`, `…:increase5m`, what Prometheus would have recorded each
 * minute) around the same time of each of the last five weeks, which is all the rules read.
 */
export interface LiveDistrict {
  /** Scrape jobs for startPrometheus. */
  jobs: Record<string, string[]>;
  /** OpenMetrics history for startPrometheus's backfill. */
  backfill: string;
  model: DistrictModel;
  /** Adds loads to an app's counter at once (a catch-up after an outage). */
  addLoads(app: string, loads: number): void;
  /** From now on the app's loads follow the model without its multiplier (recovered). */
  recover(app: string): void;
  close(): Promise<void>;
}

export async function startLiveDistrict(options: {
  now: LocalTime;
  apps: Readonly<Record<string, AppTraffic>>;
  calendar?: SchoolCalendarInput;
}): Promise<LiveDistrict> {
  const [date] = options.now;
  const startDay = new Date(Date.parse(`${date}T00:00:00Z`) - (BASELINE_WEEKS * 7 + 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const model: DistrictModel = {
    calendar: aggregatorCalendar(options.calendar),
    start: startDay,
    weeks: BASELINE_WEEKS + 1,
    dailyNoise: US_DISTRICT.dailyNoise,
    seed: US_DISTRICT.seed,
  };
  const nowMinute = minuteOf(model, options.now[0], options.now[1]);
  // Real time + delta = the simulated moment.
  const delta = startInstant(model) + nowMinute * MINUTE_MS - Date.now();
  const realSeconds = (minute: number) =>
    Math.floor((startInstant(model) + minute * MINUTE_MS - delta) / 1000);

  // Each app's counter, cumulative from the model's start, one value per minute up to now.
  const apps = Object.entries(options.apps).map(([app, traffic]) => {
    const totals: number[] = [];
    let total = 0;
    for (let m = 0; m <= nowMinute; m += 1) {
      total += loadsInMinute(model, traffic, momentAt(model, m));
      totals.push(total);
    }
    return {
      app,
      traffic,
      totals,
      extra: 0,
      recovered: false,
      liveTotal: total,
      liveMinute: nowMinute,
    };
  });

  // The live counter: from now on it grows with the model (per minute, spread evenly).
  const counterNow = (a: (typeof apps)[number]) => {
    const simulated = (Date.now() + delta - startInstant(model)) / MINUTE_MS;
    while (a.liveMinute + 1 <= simulated) {
      a.liveMinute += 1;
      a.liveTotal += loadsInMinute(
        model,
        a.recovered ? { ...a.traffic, multiplier: () => 1 } : a.traffic,
        momentAt(model, a.liveMinute),
      );
    }
    const next = loadsInMinute(
      model,
      a.recovered ? { ...a.traffic, multiplier: () => 1 } : a.traffic,
      momentAt(model, a.liveMinute + 1),
    );
    return a.liveTotal + (simulated - a.liveMinute) * next + a.extra;
  };
  const target = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(
      [
        '# TYPE classroom_app_loads_total counter',
        ...apps.map(
          (a) => `classroom_app_loads_total{app="${a.app}",outcome="success"} ${counterNow(a)}`,
        ),
        '',
      ].join('\n'),
    );
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(target.address() as AddressInfo).port}`;

  const env = aggregatorCalendarEnv(schoolCalendarSchema.parse(options.calendar ?? {}));
  const aggregator: AggregatorServer = await createAggregatorServer(
    loadAggregatorConfig({
      ...env,
      AGGREGATOR_HOST: '127.0.0.1',
      AGGREGATOR_PORT: '0',
      AGGREGATOR_INTERNAL_HOST: '127.0.0.1',
      AGGREGATOR_INTERNAL_PORT: '0',
      METRICS_PAGE_TOKEN_SECRET: TEST_PAGE_TOKEN_SECRET,
      AGGREGATOR_LOG_LEVEL: 'silent',
    }),
    { now: () => Date.now() + delta },
  );

  const lines: string[] = ['# TYPE classroom_app_loads_total counter'];
  for (const a of apps)
    for (let m = nowMinute - 120; m < nowMinute; m += 1)
      lines.push(
        `classroom_app_loads_total{app="${a.app}",instance="${host}",job="loads",outcome="success"} ${a.totals[m]} ${realSeconds(m)}`,
      );
  for (const window of [APP_LOADS.longWindow, APP_LOADS.shortWindow]) {
    const name = APP_LOADS_SERIES.today(window);
    const minutes = Number.parseInt(window, 10);
    lines.push(`# TYPE ${name} gauge`);
    for (const a of apps)
      for (let k = BASELINE_WEEKS; k >= 1; k -= 1)
        for (
          let m = nowMinute - k * WEEK_MINUTES - 180;
          m <= nowMinute - k * WEEK_MINUTES + 60;
          m += 1
        )
          lines.push(
            `${name}{app="${a.app}"} ${a.totals[m]! - a.totals[m - minutes]!} ${realSeconds(m)}`,
          );
  }
  // The school clock as Prometheus scraped it from the aggregator over the last two hours: the
  // rules find it from their first evaluation, as they would in a running deployment.
  const aggregatorLabels = `instance="${new URL(aggregator.internalUrl).host}",job="aggregator-internal"`;
  const clock = Array.from({ length: 120 }, (_, i) => nowMinute - 120 + i).map((m) => ({
    m,
    reading: readSchoolClock(model.calendar, startInstant(model) + m * MINUTE_MS),
  }));
  lines.push(`# TYPE ${SCHOOL_CLOCK_METRICS.utcOffset} gauge`);
  for (const { m, reading } of clock)
    lines.push(
      `${SCHOOL_CLOCK_METRICS.utcOffset}{${aggregatorLabels}} ${reading.utcOffsetSeconds} ${realSeconds(m)}`,
    );
  for (const [name, value] of [
    [SCHOOL_CLOCK_METRICS.dstShift, (w: { dstShiftSeconds: number }) => w.dstShiftSeconds],
    [SCHOOL_CLOCK_METRICS.open, (w: { open: boolean }) => (w.open ? 1 : 0)],
  ] as const) {
    lines.push(`# TYPE ${name} gauge`);
    for (let k = name === SCHOOL_CLOCK_METRICS.open ? 0 : 1; k <= BASELINE_WEEKS; k += 1)
      for (const { m, reading } of clock)
        lines.push(
          `${name}{${aggregatorLabels},weeks_ago="${k}"} ${value(reading.weeks[k]!)} ${realSeconds(m)}`,
        );
  }
  lines.push('# EOF', '');

  return {
    jobs: { loads: [host], 'aggregator-internal': [new URL(aggregator.internalUrl).host] },
    backfill: lines.join('\n'),
    model,
    addLoads(app, loads) {
      const a = apps.find((x) => x.app === app);
      if (a) a.extra += loads;
    },
    recover(app) {
      const a = apps.find((x) => x.app === app);
      if (a) {
        a.liveTotal = counterNow(a) - a.extra;
        a.liveMinute = Math.floor((Date.now() + delta - startInstant(model)) / MINUTE_MS);
        a.recovered = true;
      }
    },
    async close() {
      await new Promise<void>((resolve) => target.close(() => resolve()));
      await aggregator.close();
    },
  };
}

/** The school clock metric names, for assertions. */
export { SCHOOL_CLOCK_METRICS };
