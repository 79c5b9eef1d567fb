import { z } from 'zod';
import { CLIENT_METRICS, type ClientMetricDef, type ClientMetricName } from './client-metrics.ts';
import { BEACON_VERSION, type BeaconEvent, type RejectReason } from './beacon.ts';

const identifier = /^[a-z][a-z0-9_]*$/;
/** Histograms of a score with no unit (web-vitals' CLS). Everything else carries its base unit. */
const UNITLESS_HISTOGRAMS = new Set(['classroom_web_vitals_cls']);

const labelsSchema = z.record(
  z
    .string()
    .regex(identifier, 'label names are snake_case')
    .refine((name) => !name.startsWith('__') && name !== 'le' && name !== 'quantile', {
      message: 'label name is reserved by Prometheus',
    }),
  z
    .array(z.string().regex(/^[a-z0-9_]{1,40}$/, 'label values are short snake_case constants'))
    .min(1)
    .refine((values) => new Set(values).size === values.length, 'label values repeat'),
);
const help = z
  .string()
  .min(10)
  .regex(/^[^\n\\]+$/, 'help is one line without backslashes');

/** What every catalog entry must satisfy: Prometheus naming conventions and sane bounds. */
export const metricDefSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('counter'),
    help,
    labels: labelsSchema,
    maxIncrement: z.number().int().min(1).max(1000),
    oncePerPage: z.literal(true).optional(),
  }),
  z
    .object({
      type: z.literal('histogram'),
      help,
      labels: labelsSchema,
      buckets: z.array(z.number().positive()).min(2),
      min: z.number().min(0),
      max: z.number().positive(),
      oncePerPage: z.literal(true).optional(),
    })
    .refine((d) => d.buckets.every((b, i) => i === 0 || b > d.buckets[i - 1]!), {
      message: 'buckets must increase strictly',
    })
    .refine((d) => d.buckets.every((b) => b >= d.min && b <= d.max), {
      message: 'buckets lie within [min, max]',
    }),
]);

export const catalogSchema = z
  .record(
    z.string().regex(/^classroom_[a-z0-9_]+$/, 'client metrics start with classroom_'),
    metricDefSchema,
  )
  .superRefine((metrics, ctx) => {
    for (const [name, def] of Object.entries(metrics)) {
      if (def.type === 'counter' && !name.endsWith('_total'))
        ctx.addIssue({ code: 'custom', path: [name], message: 'counters end in _total' });
      if (
        def.type === 'histogram' &&
        !/_(seconds|bytes|ratio)$/.test(name) &&
        !UNITLESS_HISTOGRAMS.has(name)
      )
        ctx.addIssue({ code: 'custom', path: [name], message: 'histograms end in a base unit' });
      if (def.type === 'histogram' && name.endsWith('_total'))
        ctx.addIssue({ code: 'custom', path: [name], message: 'only counters end in _total' });
      // "Once per page" is counted per page and app (the aggregator keys it by the app label).
      if (def.oncePerPage && !('app' in def.labels))
        ctx.addIssue({ code: 'custom', path: [name], message: 'once-per-page metrics have app' });
    }
  });

/** Fails at import if an entry breaks the rules: a bad catalog never reaches a scrape. */
catalogSchema.parse(CLIENT_METRICS);

export const CATALOG: Readonly<Record<ClientMetricName, ClientMetricDef>> = CLIENT_METRICS;
export const CLIENT_METRIC_NAMES = Object.keys(CLIENT_METRICS) as ClientMetricName[];

/**
 * The beacon envelope; its events are checked one by one so one bad event drops only itself.
 * The token is only bounded here: whether it is ours is the page-token check's verdict
 * (`token_invalid`), not a malformed beacon.
 */
export const beaconEnvelopeSchema = z.object({
  v: z.literal(BEACON_VERSION),
  t: z.string().max(200),
  events: z.array(z.unknown()),
});

/** An earlier version's beacon (a page loaded before an update): refused as `outdated_beacon`. */
export const outdatedBeaconSchema = z.object({
  v: z
    .number()
    .int()
    .min(1)
    .max(BEACON_VERSION - 1),
});

/**
 * Per metric, one strict schema for a whole event: its name, exactly its labels with allowed
 * values, and a value a well-behaved page sends. This is the specification of a valid event;
 * `event-check.ts` compiles the same rules into the ingest path's check, and a property test
 * holds the two to identical verdicts.
 */
export const EVENT_SCHEMAS = new Map<string, z.ZodType<BeaconEvent>>(
  CLIENT_METRIC_NAMES.map((name) => {
    const def = CATALOG[name];
    const labels = z.strictObject(
      Object.fromEntries(
        Object.entries(def.labels).map(([label, values]) => [
          label,
          z.enum(values as [string, ...string[]]),
        ]),
      ),
    );
    // z.number() refuses NaN and ±Infinity (1e999 parses to Infinity); strings are not coerced.
    const value =
      def.type === 'counter'
        ? z.number().int().min(0).max(def.maxIncrement)
        : z.number().min(def.min).max(def.max);
    const event = z.strictObject({ m: z.literal(name), l: labels, v: value });
    return [name, event as unknown as z.ZodType<BeaconEvent>];
  }),
);

export type EventCheck =
  | { ok: true; event: BeaconEvent }
  | {
      ok: false;
      reason: Extract<
        RejectReason,
        'malformed_event' | 'unknown_metric' | 'invalid_label' | 'invalid_value'
      >;
    };

/**
 * Checks one event with the zod schemas: the reference the fast check is tested against. When it
 * fails, the first issue's path says which part was wrong (zod checks m, l, v, then extra keys).
 */
export function checkEventWithZod(raw: unknown): EventCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'malformed_event' };
  const name = (raw as { m?: unknown }).m;
  if (typeof name !== 'string') return { ok: false, reason: 'malformed_event' };
  // A Map, not an object lookup: "constructor" or "__proto__" are just unknown names.
  const schema = EVENT_SCHEMAS.get(name);
  if (!schema) return { ok: false, reason: 'unknown_metric' };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  const where = parsed.error.issues[0]?.path[0];
  if (where === 'l') return { ok: false, reason: 'invalid_label' };
  if (where === 'v') return { ok: false, reason: 'invalid_value' };
  return { ok: false, reason: 'malformed_event' };
}
