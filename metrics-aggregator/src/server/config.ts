import {
  configError,
  envInt as int,
  envLogLevel,
  envSecret,
  parseEnv,
  type ParseEnvOptions,
} from '@classpulse/realtime/env';
import { z } from 'zod';
import { MAX_BEACON_BYTES } from '../catalog/beacon.ts';
import {
  closedDatesSchema,
  DEFAULT_SCHOOL_CALENDAR,
  schoolDaysSchema,
  timeZoneSchema,
  type SchoolCalendar,
} from '../school-clock/index.ts';

/**
 * The aggregator's whole configuration; the only module that reads `process.env`. Every variable
 * is in .env.example. Units are in the names.
 */
const envSchema = z.object({
  /** Public port: browsers POST beacons here (directly or through the web app's origin). */
  AGGREGATOR_HOST: z.string().min(1).default('0.0.0.0'),
  AGGREGATOR_PORT: int(0, 65535).default(4300),
  /** Internal port: /metrics and /healthz, for Prometheus and the orchestrator only. */
  AGGREGATOR_INTERNAL_HOST: z.string().min(1).default('0.0.0.0'),
  AGGREGATOR_INTERNAL_PORT: int(0, 65535).default(4301),
  /** Comma-separated origins whose pages may report, or "*". */
  AGGREGATOR_CORS_ORIGINS: z.string().default('*'),
  AGGREGATOR_MAX_BODY_BYTES: int(256, MAX_BEACON_BYTES).default(MAX_BEACON_BYTES),
  AGGREGATOR_MAX_EVENTS_PER_BEACON: int(1, 1000).default(100),
  /**
   * Verifies pages' metrics tokens; the web app signs them with the same secret. Required: a
   * beacon without a token of ours is refused.
   */
  METRICS_PAGE_TOKEN_SECRET: envSecret(
    'METRICS_PAGE_TOKEN_SECRET',
    ' (the web app signs page tokens with it)',
  ),
  /** Token bucket per reporting page (its signed token's page id), never per IP: a school shares one. */
  AGGREGATOR_PAGE_EVENTS_PER_SECOND: z.coerce.number().positive().max(10_000).default(2),
  AGGREGATOR_PAGE_EVENTS_BURST: int(1, 100_000).default(200),
  AGGREGATOR_MAX_TRACKED_PAGES: int(100, 10_000_000).default(200_000),
  /**
   * Global ceiling per catalog metric, across all clients, per replica: what a district's pages
   * send at most (20,000 open pages' heartbeats are 333/s; an 8 am rush of loads far less).
   */
  AGGREGATOR_METRIC_EVENTS_PER_SECOND: z.coerce.number().positive().max(1_000_000).default(500),
  AGGREGATOR_METRIC_EVENTS_BURST: int(1, 10_000_000).default(30_000),
  AGGREGATOR_SHUTDOWN_GRACE_MS: int(0, 120_000).default(10_000),
  /**
   * The schools' calendar, exposed as the school clock gauges so alert rules compare like with
   * like in local time and skip closed days. k8s sets these from its `schoolCalendar` option.
   */
  AGGREGATOR_SCHOOL_TIME_ZONE: timeZoneSchema.default(DEFAULT_SCHOOL_CALENDAR.timeZone),
  /** Weekdays schools teach, like mon,tue,wed,thu,fri. */
  AGGREGATOR_SCHOOL_DAYS: schoolDaysSchema.prefault('mon,tue,wed,thu,fri'),
  /** Closed local dates and inclusive ranges: 2026-11-26,2026-12-21..2027-01-01. */
  AGGREGATOR_SCHOOL_CLOSED_DATES: z.string().max(100_000).pipe(closedDatesSchema).prefault(''),
  AGGREGATOR_LOG_LEVEL: envLogLevel.default('info'),
});

export interface AggregatorConfig {
  host: string;
  port: number;
  internalHost: string;
  internalPort: number;
  corsOrigins: '*' | string[];
  maxBodyBytes: number;
  maxEventsPerBeacon: number;
  pageTokenSecret: string;
  pageEventsPerSecond: number;
  pageEventsBurst: number;
  maxTrackedPages: number;
  metricEventsPerSecond: number;
  metricEventsBurst: number;
  shutdownGraceMs: number;
  logLevel: string;
  schoolCalendar: SchoolCalendar;
}

export class AggregatorConfigError extends Error {
  override name = 'AggregatorConfigError';
}

const AGGREGATOR: ParseEnvOptions = {
  what: 'metrics-aggregator',
  only: (name) => name.startsWith('AGGREGATOR_') || name === 'METRICS_PAGE_TOKEN_SECRET',
  error: AggregatorConfigError,
};

export function loadAggregatorConfig(
  env: Record<string, string | undefined> = process.env,
): AggregatorConfig {
  const e = parseEnv(envSchema, env, AGGREGATOR);
  const origins = e.AGGREGATOR_CORS_ORIGINS.split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const origin of origins)
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin))
      throw configError(AGGREGATOR, [
        `AGGREGATOR_CORS_ORIGINS: "${origin}" is not an origin like https://classpulse.example.`,
      ]);
  return {
    host: e.AGGREGATOR_HOST,
    port: e.AGGREGATOR_PORT,
    internalHost: e.AGGREGATOR_INTERNAL_HOST,
    internalPort: e.AGGREGATOR_INTERNAL_PORT,
    corsOrigins: origins.includes('*') || origins.length === 0 ? '*' : origins,
    maxBodyBytes: e.AGGREGATOR_MAX_BODY_BYTES,
    maxEventsPerBeacon: e.AGGREGATOR_MAX_EVENTS_PER_BEACON,
    pageTokenSecret: e.METRICS_PAGE_TOKEN_SECRET,
    pageEventsPerSecond: e.AGGREGATOR_PAGE_EVENTS_PER_SECOND,
    pageEventsBurst: e.AGGREGATOR_PAGE_EVENTS_BURST,
    maxTrackedPages: e.AGGREGATOR_MAX_TRACKED_PAGES,
    metricEventsPerSecond: e.AGGREGATOR_METRIC_EVENTS_PER_SECOND,
    metricEventsBurst: e.AGGREGATOR_METRIC_EVENTS_BURST,
    shutdownGraceMs: e.AGGREGATOR_SHUTDOWN_GRACE_MS,
    logLevel: e.AGGREGATOR_LOG_LEVEL,
    schoolCalendar: {
      timeZone: e.AGGREGATOR_SCHOOL_TIME_ZONE,
      schoolDays: e.AGGREGATOR_SCHOOL_DAYS,
      closedRanges: e.AGGREGATOR_SCHOOL_CLOSED_DATES,
    },
  };
}
