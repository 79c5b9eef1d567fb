import { z } from 'zod';
import { schoolCalendarSchema } from '../calendar/school-calendar.ts';

/** RFC 1123 label: what Kubernetes accepts as a namespace or an object name part. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain: a public host name or a registry host. */
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** What the probe accepts as its `target` label (probes/src/config.ts, PROBE_TARGET). */
const PROBE_TARGET = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/;

const dnsLabel = (what: string) =>
  z
    .string(`${what} must be a string.`)
    .max(63, `${what} must have at most 63 characters.`)
    .regex(
      DNS_LABEL,
      `${what} must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit.`,
    );
const storage = (what: string) =>
  z.string().regex(QUANTITY, `${what} must be a Kubernetes quantity like 10Gi.`);

export const DEFAULT_IMAGE_REGISTRY = 'ghcr.io/classpulse';
export const DEFAULT_REGIONS = ['us-east1', 'europe-west1', 'asia-southeast1'] as const;

/**
 * Everything that differs between one Classpulse deployment and another. Only `namespace` and
 * `imageTag` are required (the staging CLI passes those, `host` and sometimes `imageRegistry`);
 * the rest has defaults.
 */
export const stackOptionsSchema = z
  .object({
    namespace: dnsLabel('namespace'),
    /** The tag of every classpulse-<service> image (a git sha in CI); never "latest". */
    imageTag: z
      .string()
      .regex(
        /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
        'imageTag must be a Docker tag: letters, digits, "_", "." and "-", at most 128 characters.',
      )
      .refine((tag) => tag !== 'latest', 'imageTag must name a build, not "latest".'),
    /** Where the images live, like ghcr.io/classpulse (no trailing slash). */
    imageRegistry: z
      .string()
      .regex(
        /^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*$/,
        'imageRegistry must look like ghcr.io/classpulse (a registry host and an optional path, no trailing slash).',
      )
      .default(DEFAULT_IMAGE_REGISTRY),
    /**
     * The public DNS name: the web app, /v1/beacon and the socket.io path are all served here.
     * Unset: `<namespace>.classpulse.example` (a placeholder; real deployments name theirs).
     */
    host: z
      .string()
      .regex(DNS_NAME, 'host must be a DNS name like classpulse.example.org (no scheme, no path).')
      .optional(),
    /** One probe Deployment per region, pinned to nodes labelled topology.kubernetes.io/region. */
    regions: z
      .array(dnsLabel('each region'))
      .min(1, 'regions must name at least one region for the probes.')
      .refine((r) => new Set(r).size === r.length, 'regions must not repeat a region.')
      .default([...DEFAULT_REGIONS]),
    /** The probes' `target` label; defaults to the namespace (at most 40 characters of it). */
    probeTarget: z
      .string()
      .regex(PROBE_TARGET, 'probeTarget: lowercase letters, digits, "-" and "_", at most 40.')
      .optional(),
    replicas: z
      .object({
        realtimeMin: z.number().int().min(1).max(100).default(2),
        realtimeMax: z.number().int().min(1).max(100).default(6),
        aggregator: z.number().int().min(1).max(100).default(2),
        /** At least two: a rolling update or a drained node never leaves teachers without one. */
        web: z.number().int().min(2).max(100).default(2),
        alertmanager: z.number().int().min(1).max(5).default(2),
        /** Slide converters: two, so a rollout or a drained node never stops every import. */
        converter: z.number().int().min(1).max(20).default(2),
      })
      .prefault({})
      .refine(
        (r) => r.realtimeMax >= r.realtimeMin,
        'replicas.realtimeMax must be at least replicas.realtimeMin.',
      ),
    storage: z
      .object({
        database: storage('storage.database').default('20Gi'),
        redis: storage('storage.redis').default('5Gi'),
        prometheus: storage('storage.prometheus').default('50Gi'),
        /** Unset: the cluster's default StorageClass. */
        className: dnsLabel('storage.className').optional(),
      })
      .prefault({}),
    ingress: z
      .object({
        className: dnsLabel('ingress.className').default('nginx'),
        /** Where the ingress controller's pods run (NetworkPolicies admit them by namespace). */
        namespace: dnsLabel('ingress.namespace').default('ingress-nginx'),
        /** The TLS certificate Secret for `host` (cert-manager or created by hand). */
        tlsSecretName: dnsLabel('ingress.tlsSecretName').default('classpulse-tls'),
      })
      .prefault({}),
    /**
     * Students' live connection in Firebase mode and the WebSocket dark launch (issue 9). Unset
     * transport: Firebase when the Firebase Secret is there, else the socket tier (the web app
     * decides). The share of pages that also try a background WebSocket to the tier; the
     * teacher can change both per session.
     */
    students: z
      .object({
        transport: z.enum(['firebase', 'socket']).optional(),
        darkLaunchShare: z.number().min(0).max(1).default(0),
      })
      .prefault({}),
    /**
     * The web tier's PostgreSQL, run by the CloudNativePG operator (a `Cluster`): instances (one
     * primary, the rest streaming replicas it fails over to) and base backups plus WAL archived
     * to object storage. Unset destination: s3://classpulse-backups/<namespace>.
     */
    database: z
      .object({
        instances: z.number().int().min(1).max(9).default(3),
        /** Where the operator runs (NetworkPolicies admit it to the instances' status port). */
        operatorNamespace: dnsLabel('database.operatorNamespace').default('cnpg-system'),
        backup: z
          .object({
            destinationPath: z
              .string()
              .regex(
                /^(s3|gs):\/\/[a-z0-9][a-z0-9._-]*(\/[A-Za-z0-9._-]+)*$/,
                'database.backup.destinationPath must look like s3://bucket/path.',
              )
              .optional(),
            /** An S3-compatible endpoint (MinIO, …); unset: AWS S3 itself. */
            endpointUrl: z.url().optional(),
            retention: z
              .string()
              .regex(/^[1-9][0-9]*[dwm]$/, 'database.backup.retention must look like 30d.')
              .default('30d'),
            /** CloudNativePG's six-field cron: seconds first. */
            schedule: z.string().min(11).max(100).default('0 0 3 * * *'),
          })
          .prefault({}),
      })
      .prefault({}),
    /**
     * The schools' zone, days, working hours and closed days (US holidays generated for
     * `holidays.fromYear`..`toYear` plus the district's own `closures`): Alertmanager's
     * time_intervals and the aggregator's calendar variables are built from it.
     */
    schoolCalendar: schoolCalendarSchema,
    /** Where Grafana runs: it may query Prometheus. */
    monitoringNamespace: dnsLabel('monitoringNamespace').default('monitoring'),
    /** Redis for the realtime tier's cluster mode; pinned, never "latest". */
    redisImage: z
      .string()
      .regex(/^\S+:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'redisImage must carry a tag.')
      .refine((image) => !image.endsWith(':latest'), 'redisImage must not use "latest".')
      .default('docker.io/library/redis:7.2.7-bookworm'),
  })
  .strict();

export type StackOptionsInput = z.input<typeof stackOptionsSchema>;
export type StackOptions = z.output<typeof stackOptionsSchema> & {
  host: string;
  probeTarget: string;
};

export class StackOptionsError extends Error {
  override name = 'StackOptionsError';
}

/** Parses options or throws a StackOptionsError listing every problem, one per line. */
export function parseStackOptions(input: StackOptionsInput): StackOptions {
  const parsed = stackOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.length ? issue.path.join('.') : '(options)'}: ${issue.message}`,
    );
    throw new StackOptionsError(`Invalid stack options:\n${lines.join('\n')}`);
  }
  const { namespace } = parsed.data;
  return {
    ...parsed.data,
    host: parsed.data.host ?? `${namespace}.classpulse.example`,
    probeTarget: parsed.data.probeTarget ?? namespace.slice(0, 40).replace(/-+$/, ''),
  };
}
