import type { BeaconEvent } from '../catalog/beacon.ts';
import { CATALOG, CLIENT_METRIC_NAMES } from '../catalog/catalog.ts';
import { APPS } from '../catalog/client-metrics.ts';

/** Each "once per page" metric takes one bit per app in a page's `once` mask. */
const ONCE_METRICS = CLIENT_METRIC_NAMES.filter((name) => CATALOG[name].oncePerPage === true);
const FIRST_SLOT = new Map<string, number>(ONCE_METRICS.map((name, i) => [name, i * APPS.length]));
const APP_INDEX = new Map<string, number>(APPS.map((app, i) => [app, i]));
if (ONCE_METRICS.length * APPS.length > 31)
  throw new Error('Too many once-per-page metrics × apps for a 31-bit mask.');

/**
 * The slot of a validated event in its page's "once per page" mask, or -1 when the metric may
 * be sent any number of times. Two Map lookups.
 */
export function onceSlot(event: BeaconEvent): number {
  const first = FIRST_SLOT.get(event.m);
  if (first === undefined) return -1;
  return first + APP_INDEX.get((event.l as { app: string }).app)!;
}
