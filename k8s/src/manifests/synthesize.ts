import { App, Chart } from 'cdk8s';
import { Document } from 'yaml';
import { Aggregator } from './aggregator.ts';
import { Converter } from './converter.ts';
import { Alertmanager } from './alertmanager.ts';
import { Dashboards } from './dashboards.ts';
import { PublicIngress } from './ingress.ts';
import type { KubeObject } from './kube-object.ts';
import { Monitoring } from './monitoring.ts';
import { Database } from './database.ts';
import { ClasspulseNamespace } from './namespace.ts';
import { NetworkPolicies } from './network-policies.ts';
import { parseStackOptions, type StackOptionsInput } from './options.ts';
import { Probes } from './probes.ts';
import { Realtime } from './realtime.ts';
import { Redis } from './redis.ts';
import { Web } from './web.ts';

export type { KubeObject } from './kube-object.ts';
export { validateObjects, ObjectValidationError } from './validate.ts';
export {
  parseStackOptions,
  StackOptionsError,
  type StackOptions,
  type StackOptionsInput,
} from './options.ts';

/**
 * Apply order: the namespace, then identities and permissions, configuration, storage and the
 * policies that fence pods before any pod exists, Services before the workloads behind them
 * (the database's Cluster first among them: web pods wait for it), and the operators' custom
 * resources last (their CRDs come with the operators, not this stack).
 */
export const APPLY_ORDER = [
  'Namespace',
  'ServiceAccount',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'Secret',
  'ConfigMap',
  'PersistentVolumeClaim',
  'NetworkPolicy',
  'Service',
  'Cluster',
  'Deployment',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Ingress',
  'Prometheus',
  'Alertmanager',
  'ServiceMonitor',
  'PrometheusRule',
  'ScheduledBackup',
] as const;

/**
 * The whole Classpulse stack for one namespace as plain objects in apply order. Throws a
 * StackOptionsError on invalid options; reads the rule files, the Alertmanager configuration
 * and the dashboards from k8s/ as they are now.
 */
export function synthesize(input: StackOptionsInput): KubeObject[] {
  const options = parseStackOptions(input);
  const app = new App();
  const chart = new Chart(app, 'classpulse', { disableResourceNameHashes: true });
  new ClasspulseNamespace(chart, 'namespace', options);
  new Redis(chart, 'redis', options);
  new Realtime(chart, 'realtime', options);
  new Database(chart, 'database', options);
  new Web(chart, 'web', options);
  new Converter(chart, 'converter', options);
  new Aggregator(chart, 'aggregator', options);
  new Probes(chart, 'probes', options);
  new PublicIngress(chart, 'ingress', options);
  new NetworkPolicies(chart, 'network-policies', options);
  new Monitoring(chart, 'monitoring', options);
  new Alertmanager(chart, 'alertmanager', options);
  new Dashboards(chart, 'dashboards', options);
  const objects = chart.toJson() as KubeObject[];
  const rank = (object: KubeObject) => {
    const index = (APPLY_ORDER as readonly string[]).indexOf(object.kind);
    return index === -1 ? APPLY_ORDER.length : index;
  };
  // Array.prototype.sort is stable: within a kind, construct order stays.
  return objects.sort((a, b) => rank(a) - rank(b));
}

/**
 * Multi-document YAML, one document per object, as `kubectl apply -f` takes it. Written with
 * YAML 1.1 quoting: Kubernetes' YAML reader follows 1.1, where a bare `yes` (Redis's
 * `--appendonly yes`) would be a boolean in a list of strings.
 */
export function toYaml(objects: readonly KubeObject[]): string {
  return objects
    .map((object) => `---\n${new Document(object, { version: '1.1' }).toString({ lineWidth: 0 })}`)
    .join('');
}
