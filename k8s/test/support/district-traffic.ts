import {
  epochDay,
  instantAtWallClock,
  isoDate,
  isSchoolDay,
  readSchoolClock,
  SCHOOL_CLOCK_METRICS,
  wallClockMs,
  type SchoolCalendar,
} from '@classpulse/metrics-aggregator/school-clock';
import { APP_LOADS_QUANTILE } from '../../src/rules/app-loads.ts';
import type { InputSeries } from './promtool.ts';

/**
 * A US school district's successful app loads, minute by minute, in the schools' local time:
 * the one traffic model every app-load alert scenario is generated from. School days run
 * 07:30–15:30 at full traffic with homework in the evening; weekends and calendar closures are
 * quiet; every local day carries its own ±4% noise. What Prometheus would scrape comes out as
 * promtool input series: the loads counter of each aggregator replica per app, and the school
 * clock gauges each replica exposes, computed by the aggregator's own code.
 */

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface Moment {
  /** Minutes since the model's start (promtool's time in minutes). */
  minute: number;
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** Whether the calendar has school that day. */
  schoolDay: boolean;
}

/** One app's traffic in the model, with what happens to it. */
export interface AppTraffic {
  /** Successful loads per hour in full school hours. */
  loadsPerHour: number;
  /** Loads relative to the model at a moment: 0 is an outage, 0.85 a partial one. Default 1. */
  multiplier?: (at: Moment) => number;
  /** Aggregator replicas at a moment (loads split evenly between them). Default 2, at most 4. */
  replicas?: (at: Moment) => number;
  /** Minutes at which every replica restarts (its counters start again at zero). */
  restartsAt?: readonly number[];
}

export interface DistrictModel {
  calendar: SchoolCalendar;
  /** The local Monday whose midnight is promtool's time 0. */
  start: string;
  weeks: number;
  /** Each local day's traffic is the model's times a factor in [1 - noise, 1 + noise]. */
  dailyNoise: number;
  seed: number;
  /** When true at a moment, nothing is scraped at all (the aggregators are gone). */
  unreachable?: (at: Moment) => boolean;
}

/** A district of about 25,000 students: 5,400 student and 600 teacher loads an hour in school. */
export const US_DISTRICT = {
  dailyNoise: 0.04,
  seed: 20,
  student: 5_400,
  teacher: 600,
} as const;

/** The share of full school-hours traffic at a local minute of a school day or a closed day. */
export function dayShape(minuteOfDay: number, schoolDay: boolean): number {
  const h = minuteOfDay / 60;
  if (!schoolDay) return h >= 9 && h < 21 ? 0.02 : 0.005;
  if (h >= 7.5 && h < 15.5) return 1;
  if (h >= 15.5 && h < 21) return 0.06;
  if (h >= 6 && h < 7.5) return 0.03;
  return 0.005;
}

/** A deterministic noise factor per local date (mulberry32 over the seed and the date). */
export function dailyFactor(model: DistrictModel, date: string): number {
  let a = (model.seed * 0x9e3779b1 + (epochDay(date) ?? 0)) >>> 0;
  a = (a + 0x6d2b79f5) >>> 0;
  let t = Math.imul(a ^ (a >>> 15), a | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return 1 + model.dailyNoise * (2 * unit - 1);
}

/** promtool time 0 as a real instant: local midnight of the start date. */
export const startInstant = (model: DistrictModel) =>
  instantAtWallClock(model.calendar.timeZone, (epochDay(model.start) ?? NaN) * DAY_MS);

export const modelMinutes = (model: DistrictModel) => model.weeks * 7 * 24 * 60;

/** The moment at a model minute. */
export function momentAt(model: DistrictModel, minute: number): Moment {
  const wall = wallClockMs(model.calendar.timeZone, startInstant(model) + minute * MINUTE_MS);
  const date = isoDate(Math.floor(wall / DAY_MS));
  return {
    minute,
    date,
    minuteOfDay: Math.floor((wall % DAY_MS) / MINUTE_MS),
    schoolDay: isSchoolDay(model.calendar, date),
  };
}

/** The model minute of a local date and time (`07:30`), for scenarios and assertions. */
export function minuteOf(model: DistrictModel, date: string, time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const wall = (epochDay(date) ?? NaN) * DAY_MS + (h * 60 + m) * MINUTE_MS;
  return Math.round(
    (instantAtWallClock(model.calendar.timeZone, wall) - startInstant(model)) / MINUTE_MS,
  );
}

/**
 * promtool values with runs compressed: `a+bxn` for a linear run (n + 1 values), `_xn` for n
 * missing samples. Values are whole numbers (loads are counted, the school clock is whole
 * seconds), so promtool's `a + b × i` reproduces them exactly: a counter written with rounded
 * decimals could step back by a millionth between two runs, which Prometheus reads as a reset.
 */
class ValuesWriter {
  private readonly parts: string[] = [];
  private run: { start: number; step: number; count: number } | { missing: number } | null = null;

  push(sample: number | null): void {
    const run = this.run;
    if (sample === null) {
      if (run && 'missing' in run) run.missing += 1;
      else {
        this.flush();
        this.run = { missing: 1 };
      }
      return;
    }
    const value = Math.round(sample);
    if (run && 'start' in run) {
      if (run.count === 0) {
        run.step = value - run.start;
        run.count = 1;
        return;
      }
      if (value === run.start + run.step * (run.count + 1)) {
        run.count += 1;
        return;
      }
    }
    this.flush();
    this.run = { start: value, step: 0, count: 0 };
  }

  private flush(): void {
    const run = this.run;
    if (!run) return;
    if ('missing' in run) this.parts.push(run.missing === 1 ? '_' : `_x${run.missing}`);
    else if (run.count === 0) this.parts.push(String(run.start));
    else this.parts.push(`${run.start}+${run.step}x${run.count}`);
    this.run = null;
  }

  toString(): string {
    this.flush();
    return this.parts.join(' ');
  }
}

/** Successful loads of one app in the minute ending at `at` (before replicas split them). */
export function loadsInMinute(model: DistrictModel, traffic: AppTraffic, at: Moment): number {
  if (at.minute === 0) return 0;
  return (
    (traffic.loadsPerHour / 60) *
    dayShape(at.minuteOfDay, at.schoolDay) *
    dailyFactor(model, at.date) *
    (traffic.multiplier?.(at) ?? 1)
  );
}

const MAX_REPLICAS = 4;

/**
 * The input series for promtool: one sample a minute from time 0 to the end of the model. Series
 * carry `pod` like scraped ones; replicas are aggregator-0, aggregator-1, ….
 */
export function districtSeries(
  model: DistrictModel,
  apps: Readonly<Record<string, AppTraffic>>,
): InputSeries[] {
  const minutes = modelMinutes(model);
  const series: InputSeries[] = [];
  const loads = Object.entries(apps).map(([app, traffic]) => ({
    app,
    traffic,
    restarts: new Set(traffic.restartsAt ?? []),
    replicas: Array.from({ length: MAX_REPLICAS }, () => ({
      writer: new ValuesWriter(),
      total: 0,
    })),
  }));
  const gauges = new Map<string, ValuesWriter>();
  const gauge = (name: string) => {
    let w = gauges.get(name);
    if (!w) gauges.set(name, (w = new ValuesWriter()));
    return w;
  };

  const origin = startInstant(model);
  let clock = readSchoolClock(model.calendar, origin);
  for (let minute = 0; minute <= minutes; minute += 1) {
    const at = momentAt(model, minute);
    // The school clock changes only at whole local hours: read it every quarter hour.
    if (minute % 15 === 0) clock = readSchoolClock(model.calendar, origin + minute * MINUTE_MS);
    const down = model.unreachable?.(at) ?? false;
    for (const { traffic, restarts, replicas } of loads) {
      const count = Math.min(MAX_REPLICAS, traffic.replicas?.(at) ?? 2);
      const perReplica = loadsInMinute(model, traffic, at) / count;
      replicas.forEach((replica, r) => {
        const up = r < count && !down;
        if (restarts.has(minute) || !up) replica.total = 0;
        else replica.total += perReplica;
        replica.writer.push(up ? replica.total : null);
      });
    }
    for (let r = 0; r < 2; r += 1) {
      const pod = `pod="aggregator-${r}"`;
      const put = (name: string, value: number) => gauge(name).push(down ? null : value);
      put(`${SCHOOL_CLOCK_METRICS.utcOffset}{${pod}}`, clock.utcOffsetSeconds);
      for (const week of clock.weeks) {
        const labels = `${pod},weeks_ago="${week.weeksAgo}"`;
        if (week.weeksAgo > 0)
          put(`${SCHOOL_CLOCK_METRICS.dstShift}{${labels}}`, week.dstShiftSeconds);
        put(`${SCHOOL_CLOCK_METRICS.open}{${labels}}`, week.open ? 1 : 0);
      }
    }
  }
  for (const { app, replicas } of loads)
    replicas.forEach(({ writer }, r) =>
      series.push({
        series: `classroom_app_loads_total{app="${app}",outcome="success",pod="aggregator-${r}"}`,
        values: writer.toString(),
      }),
    );
  for (const [name, writer] of gauges) series.push({ series: name, values: writer.toString() });
  return series.filter((s) => !/^_(x\d+)?$/.test(s.values));
}

/**
 * The usual the rules should find for a school-day window ending at `minuteOfDay` that lies in
 * one band of the day's shape: the loads of that window on the lower third of the open same
 * weekdays of the last five weeks.
 */
export function expectedUsualLoads(
  model: DistrictModel,
  loadsPerHour: number,
  date: string,
  minuteOfDay: number,
  windowMinutes: number,
): number {
  const day = epochDay(date) ?? NaN;
  const factors: number[] = [];
  for (let k = 1; k <= 5; k += 1) {
    const past = isoDate(day - 7 * k);
    if (isSchoolDay(model.calendar, past)) factors.push(dailyFactor(model, past));
  }
  // Prometheus' quantile: linear between the two days around rank q × (n − 1).
  factors.sort((a, b) => a - b);
  const rank = APP_LOADS_QUANTILE * (factors.length - 1);
  const low = factors[Math.floor(rank)]!;
  const high = factors[Math.ceil(rank)]!;
  const usual = low + (high - low) * (rank - Math.floor(rank));
  return ((loadsPerHour * dayShape(minuteOfDay - 1, true) * windowMinutes) / 60) * usual;
}
