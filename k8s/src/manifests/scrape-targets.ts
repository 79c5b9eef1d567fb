import { describeObject, type KubeObject } from './kube-object.ts';

/**
 * What Prometheus will scrape, read from the synthesized objects the way the Prometheus Operator
 * turns a ServiceMonitor into a scrape job: the Services its selector picks in its namespaces,
 * their port the endpoint names, the pods behind each Service and the container serving that
 * port. Each target gets the labels the operator's relabelling gives every series scraped from it
 * (and its `up`): `job` (the Service's name, or the value of its `jobLabel` label), `namespace`,
 * `service`, `pod`, `container`, `endpoint` (the port name), `instance` (pod IP and port), plus
 * any `targetLabels`/`podTargetLabels`. Runbook queries are tested against exactly these, so a
 * renamed Service or port changes what they must say.
 *
 * Pod names and IPs do not exist before a cluster runs the pods: a target stands in with
 * `<workload>-0` and a 10.0.x.y address, one pod per workload. Relabelings are not modelled: a
 * ServiceMonitor with them is refused rather than described wrongly.
 */

export interface ScrapedTarget {
  /** The ServiceMonitor that makes Prometheus scrape it. */
  monitor: string;
  /** The image of the container serving the port: which service's metrics it exposes. */
  image: string;
  /** The labels Prometheus puts on every series scraped from it. */
  labels: Record<string, string>;
}

export class ScrapeTargetError extends Error {
  override name = 'ScrapeTargetError';
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}
interface MonitorSpec {
  jobLabel?: string;
  targetLabels?: string[];
  podTargetLabels?: string[];
  selector: LabelSelector;
  namespaceSelector?: { any?: boolean; matchNames?: string[] };
  endpoints: Array<{
    port?: string;
    targetPort?: string | number;
    relabelings?: unknown[];
    metricRelabelings?: unknown[];
    honorLabels?: boolean;
  }>;
}
interface ServicePort {
  name?: string;
  port: number;
  targetPort?: string | number;
}
interface ServiceSpec {
  selector?: Record<string, string>;
  ports?: ServicePort[];
}
interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
}
interface WorkloadSpec {
  template: { metadata?: { labels?: Record<string, string> }; spec: { containers: Container[] } };
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

function selects(selector: LabelSelector, labels: Record<string, string> = {}): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values }) => {
    const has = key in labels;
    switch (operator) {
      case 'In':
        return has && (values ?? []).includes(labels[key]!);
      case 'NotIn':
        return !has || !(values ?? []).includes(labels[key]!);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        throw new ScrapeTargetError(`unknown selector operator ${operator}`);
    }
  });
  return byLabel && byExpression;
}

/** Prometheus label names from Kubernetes label keys, as service discovery sanitizes them. */
const labelName = (key: string) => key.replace(/[^a-zA-Z0-9_]/g, '_');

/** Every target the stack's ServiceMonitors make Prometheus scrape, with its labels. */
export function scrapedTargets(objects: readonly KubeObject[]): ScrapedTarget[] {
  const namespaceOf = (o: KubeObject) => o.metadata.namespace ?? 'default';
  const services = objects.filter((o) => o.kind === 'Service');
  const workloads = objects.filter((o) => WORKLOAD_KINDS.has(o.kind));
  const targets: ScrapedTarget[] = [];
  let address = 0;

  for (const monitor of objects.filter((o) => o.kind === 'ServiceMonitor')) {
    const spec = monitor.spec as MonitorSpec;
    const namespaces = spec.namespaceSelector?.any
      ? undefined
      : new Set(spec.namespaceSelector?.matchNames ?? [namespaceOf(monitor)]);
    const selected = services.filter(
      (s) =>
        (!namespaces || namespaces.has(namespaceOf(s))) &&
        selects(spec.selector, s.metadata.labels),
    );
    for (const endpoint of spec.endpoints) {
      if (
        endpoint.relabelings?.length ||
        endpoint.metricRelabelings?.length ||
        endpoint.honorLabels
      )
        throw new ScrapeTargetError(
          `${describeObject(monitor)}: relabelings and honorLabels are not modelled here; describe them in scrape-targets.ts before using them`,
        );
      const portName = endpoint.port ?? String(endpoint.targetPort);
      for (const service of selected) {
        const serviceSpec = service.spec as ServiceSpec;
        const port = (serviceSpec.ports ?? []).find((p) =>
          endpoint.port !== undefined
            ? p.name === endpoint.port
            : (p.targetPort ?? p.port) === endpoint.targetPort,
        );
        if (!port || !serviceSpec.selector) continue; // no endpoints for this port: no targets
        const targetPort = port.targetPort ?? port.port;
        const serviceLabels = service.metadata.labels ?? {};
        const job =
          (spec.jobLabel !== undefined ? serviceLabels[spec.jobLabel] : undefined) ??
          service.metadata.name;
        for (const workload of workloads) {
          if (namespaceOf(workload) !== namespaceOf(service)) continue;
          const template = (workload.spec as WorkloadSpec).template;
          const podLabels = template.metadata?.labels ?? {};
          if (!selects({ matchLabels: serviceSpec.selector }, podLabels)) continue;
          for (const container of template.spec.containers) {
            const served = (container.ports ?? []).find((p) =>
              typeof targetPort === 'number'
                ? p.containerPort === targetPort
                : p.name === targetPort,
            );
            if (!served) continue;
            address += 1;
            const labels: Record<string, string> = {};
            for (const key of spec.targetLabels ?? [])
              if (serviceLabels[key] !== undefined) labels[labelName(key)] = serviceLabels[key];
            for (const key of spec.podTargetLabels ?? [])
              if (podLabels[key] !== undefined) labels[labelName(key)] = podLabels[key];
            Object.assign(labels, {
              job,
              namespace: namespaceOf(service),
              service: service.metadata.name,
              pod: `${workload.metadata.name}-0`,
              container: container.name,
              endpoint: portName,
              instance: `10.0.${Math.floor(address / 250)}.${(address % 250) + 1}:${served.containerPort}`,
            });
            targets.push({ monitor: monitor.metadata.name, image: container.image, labels });
          }
        }
      }
    }
  }
  return targets;
}
