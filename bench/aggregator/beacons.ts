/**
 * The beacons both servers receive, as ready-made request bytes: one HTTP/1.1 request per beacon,
 * `Content-Type: text/plain` as `navigator.sendBeacon` sends it. Every beacon is a new page: a
 * freshly signed page token (so "once per page" events, an app load, count and are not dropped
 * as repeats), in a pool of apps used in turn, like many pages reporting at once.
 */
import {
  APPS,
  BEACON_PATH,
  BEACON_VERSION,
  CATALOG,
  MAX_BEACON_BYTES,
  type App,
  type BeaconEvent,
} from '@classpulse/metrics-aggregator/catalog';
import { testPageToken } from '@classpulse/metrics-aggregator/testing';

/** What one page sends after loading: outcome, time to interactive, heartbeat, web vitals. */
export function typicalBeacon(app: App): BeaconEvent[] {
  return [
    { m: 'classroom_app_loads_total', l: { app, outcome: 'success' }, v: 1 },
    { m: 'classroom_app_load_duration_seconds', l: { app }, v: 1.3 },
    { m: 'classroom_client_heartbeats_total', l: { app }, v: 1 },
    { m: 'classroom_web_vitals_lcp_seconds', l: { app }, v: 2.1 },
    { m: 'classroom_web_vitals_fcp_seconds', l: { app }, v: 1.2 },
    { m: 'classroom_web_vitals_ttfb_seconds', l: { app }, v: 0.35 },
    { m: 'classroom_web_vitals_cls', l: { app }, v: 0.02 },
  ];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Every kind of event a long-open page accumulates, with varying values. */
const BATCH_EVENTS: Array<(app: App, i: number) => BeaconEvent> = [
  (app) => ({ m: 'classroom_client_heartbeats_total', l: { app }, v: 1 }),
  (app, i) => ({
    m: 'classroom_web_vitals_inp_seconds',
    l: { app },
    v: round(0.03 + (i % 40) * 0.01),
  }),
  (app, i) => ({
    m: 'classroom_ws_dark_launch_rtt_seconds',
    l: { app, transport: 'websocket' },
    v: round(0.005 + (i % 30) * 0.004),
  }),
  (app, i) => ({
    m: 'classroom_realtime_connection_events_total',
    l: { app, transport: 'socket', event: i % 2 === 0 ? 'disconnected' : 'reconnected' },
    v: 1,
  }),
  (app) => ({ m: 'classroom_client_errors_total', l: { app, kind: 'resource_load' }, v: 1 }),
  (app, i) => ({
    m: 'classroom_ws_dark_launch_connects_total',
    l: { app, result: 'success', failure_stage: 'none' },
    v: i % 2,
  }),
  (app, i) => ({
    m: 'classroom_ws_dark_launch_connect_duration_seconds',
    l: { app, transport: 'websocket' },
    v: round(0.05 + (i % 20) * 0.03),
  }),
  (app) => ({
    m: 'classroom_ws_dark_launch_disconnects_total',
    l: { app, reason: 'transport_close' },
    v: 1,
  }),
  // A long-open page sends its "once per page" events once, not in every batch.
  ...typicalBeacon('student')
    .filter((event) => CATALOG[event.m].oncePerPage !== true)
    .map(
      (event) =>
        (app: App, i: number): BeaconEvent =>
          ({
            ...event,
            l: { ...event.l, app },
            v: event.m.endsWith('_total') ? event.v : round(event.v * (0.5 + (i % 10) / 10)),
          }) as BeaconEvent,
    ),
];

/** `count` events of every kind in turn: a page's queue flushed at once. */
export function largeBatch(app: App, count: number): BeaconEvent[] {
  return Array.from({ length: count }, (_, i) => BATCH_EVENTS[i % BATCH_EVENTS.length]!(app, i));
}

/** One request's bytes, written together: the head and token-specific start, then the events. */
export type RequestBytes = readonly [Buffer, Buffer];

export interface BeaconRequests {
  eventsPerBeacon: number;
  bodyBytes: number;
  /** The next page's beacon. */
  next(): RequestBytes;
}

export function beaconRequests(options: {
  host: string;
  pages: number;
  maxEventsPerBeacon: number;
  events: (app: App) => BeaconEvent[];
}): BeaconRequests {
  const tails = APPS.map((app) => {
    const events = options.events(app);
    if (events.length > options.maxEventsPerBeacon)
      throw new Error(`${events.length} events > ${options.maxEventsPerBeacon} per beacon`);
    return { events, bytes: Buffer.from(`"events":${JSON.stringify(events)}}`) };
  });
  let bodyBytes = 0;
  // Every token has the same length, so a request's head is the same whatever its token.
  const start = () => `{"v":${BEACON_VERSION},"t":"${testPageToken()}",`;
  const startLength = start().length;
  const heads = tails.map((tail) => {
    const length = startLength + tail.bytes.length;
    if (length >= MAX_BEACON_BYTES)
      throw new Error(`a beacon of ${length} bytes is not under ${MAX_BEACON_BYTES}`);
    bodyBytes = Math.max(bodyBytes, length);
    return (
      `POST ${BEACON_PATH} HTTP/1.1\r\nHost: ${options.host}\r\nOrigin: https://classpulse.example\r\n` +
      `Content-Type: text/plain;charset=UTF-8\r\nContent-Length: ${length}\r\n\r\n`
    );
  });
  const requestOf = (i: number): RequestBytes => [
    Buffer.from(`${heads[i % tails.length]!}${start()}`),
    tails[i % tails.length]!.bytes,
  ];
  // The bytes are the beacon they claim to be.
  const [head, rest] = requestOf(0);
  const body = Buffer.concat([head, rest]).toString('utf8').split('\r\n\r\n')[1]!;
  if (
    JSON.stringify((JSON.parse(body) as { events: unknown }).events) !==
    JSON.stringify(tails[0]!.events)
  )
    throw new Error('beacon bytes do not round-trip');
  let next = 0;
  return {
    eventsPerBeacon: tails[0]!.events.length,
    bodyBytes,
    next() {
      const request = requestOf(next);
      next = (next + 1) % options.pages;
      return request;
    },
  };
}
