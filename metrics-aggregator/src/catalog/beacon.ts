import type { ClientMetricName, LabelsOf } from './client-metrics.ts';

/**
 * The beacon wire format, shared by the reporter (which builds it) and the ingest server (which
 * validates it with the zod schemas in catalog.ts). Types only, so the browser pays nothing.
 *
 * A beacon is sent as JSON with `Content-Type: text/plain` (what `navigator.sendBeacon` uses for a
 * string, so no CORS preflight) or `application/json`:
 *   { "v": 1, "sid": "<random per page load>", "events": [{ "m": name, "l": labels, "v": value }] }
 * For a counter `v` is the increment, for a histogram one observation in the metric's base unit.
 * `sid` only keys the per-page rate limit; it is never stored or used as a label.
 */
export const BEACON_VERSION = 1;
export const BEACON_PATH = '/v1/beacon';
/** A beacon body may not exceed this many bytes (the server may be configured lower). */
export const MAX_BEACON_BYTES = 64 * 1024;

export type BeaconEvent = {
  [N in ClientMetricName]: { m: N; l: LabelsOf<N>; v: number };
}[ClientMetricName];

export interface Beacon {
  v: typeof BEACON_VERSION;
  sid: string;
  events: BeaconEvent[];
}

/** Why a beacon or one of its events was dropped: the `reason` label of the rejected counter. */
export const REJECT_REASONS = [
  'body_too_large',
  'unsupported_media_type',
  'origin_not_allowed',
  'invalid_json',
  'invalid_beacon',
  'too_many_events',
  'malformed_event',
  'unknown_metric',
  'invalid_label',
  'invalid_value',
  'rate_limited',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The aggregator's own metrics (dashboards and alerts name them from here). */
export const AGGREGATOR_METRICS = {
  beacons: 'metrics_aggregator_beacons_total',
  eventsAccepted: 'metrics_aggregator_events_accepted_total',
  rejected: 'metrics_aggregator_rejected_total',
  trackedPages: 'metrics_aggregator_rate_limited_pages',
} as const;
export const BEACON_RESULTS = ['accepted', 'partial', 'rejected'] as const;
export type BeaconResult = (typeof BEACON_RESULTS)[number];
