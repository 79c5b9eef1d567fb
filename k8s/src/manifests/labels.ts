/** Label keys and the names every module agrees on (Services, ports, selectors). */
export const NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
/** Marks the aggregator's internal Service (the one Prometheus scrapes). */
export const EXPOSURE_LABEL = 'classpulse.dev/exposure';
export const REGION_LABEL = 'topology.kubernetes.io/region';
export const PROBE_REGION_LABEL = 'classpulse.dev/region';
export const PART_OF = 'classpulse';

/** The labels that select one component's pods (and mark its objects). */
export function labelsFor(
  name: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { [NAME_LABEL]: name, [PART_OF_LABEL]: PART_OF, ...extra };
}

/** Container ports: what each service listens on (the defaults of its config.ts). */
export const PORTS = {
  web: 3000,
  webInternal: 9464,
  postgres: 5432,
  cnpgStatus: 8000,
  realtime: 4100,
  realtimeInternal: 4101,
  aggregatorPublic: 4300,
  aggregatorInternal: 4301,
  probes: 4400,
  /** The slide converter: POST /v1/convert (web pods only) and /metrics, /healthz, /readyz. */
  converter: 8090,
  converterInternal: 9090,
  redis: 6379,
  prometheus: 9090,
  alertmanager: 9093,
  alertmanagerMesh: 9094,
} as const;

/** Object names that others refer to (Ingress backends, env URLs, ServiceMonitors). */
export const NAMES = {
  web: 'web',
  webInternal: 'web-internal',
  database: 'classpulse-db',
  realtime: 'realtime',
  realtimeInternal: 'realtime-internal',
  redis: 'redis',
  aggregator: 'aggregator',
  aggregatorInternal: 'aggregator-internal',
  probes: 'probes',
  converter: 'converter',
  converterInternal: 'converter-internal',
  prometheus: 'classpulse',
  prometheusServiceAccount: 'prometheus',
  alertmanager: 'classpulse',
} as const;
