import type { ClientMetricName, LabelsOf } from './client-metrics.ts';

/**
 * The beacon wire format, shared by the reporter (which builds it) and the ingest server (which
 * validates it with the zod schemas in catalog.ts). Types only, so the browser pays nothing.
 *
 * A beacon is sent as JSON with `Content-Type: text/plain` (what `navigator.sendBeacon` uses for a
 * string, so no CORS preflight) or `application/json`:
 *   { "v": 2, "t": "<page token>", "events": [{ "m": name, "l": labels, "v": value }] }
 * For a counter `v` is the increment, for a histogram one observation in the metric's base unit.
 * `t` is the short-lived token the web app signed when it served the page (`../page-token`): the
 * aggregator verifies it and keys the per-page rate limit and "once per page" events by its page
 * id; it is never stored or used as a label. Version 1 carried a page id the client made up
 * (`sid`); such beacons (a page loaded before the update) are refused as `outdated_beacon`.
 */
export const BEACON_VERSION = 2;
export const BEACON_PATH = '/v1/beacon';
/** A beacon body may not exceed this many bytes (the server may be configured lower). */
export const MAX_BEACON_BYTES = 64 * 1024;

export type BeaconEvent = {
  [N in ClientMetricName]: { m: N; l: LabelsOf<N>; v: number };
}[ClientMetricName];

export interface Beacon {
  v: typeof BEACON_VERSION;
  t: string;
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
  /** Version 1 (a client-chosen page id), sent by a page loaded before the update. */
  'outdated_beacon',
  /** No page token of ours: malformed, or its signature does not match (forged, tampered). */
  'token_invalid',
  'token_expired',
  /** A second "once per page" event (an app load, a first-load vital) for the same app. */
  'once_per_page',
  /** Over the global ceiling of its metric (across all clients). */
  'metric_ceiling',
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
