import type { IPrometheus } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Prometheus';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { BASELINE_WEEKS } from '@classpulse/metrics-aggregator/school-clock';
import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { EXPOSURE_LABEL, labelsFor, NAMES, PART_OF, PART_OF_LABEL } from './labels.ts';
import { PROMETHEUS_POD_LABELS } from './network-policies.ts';
import type { StackOptions } from './options.ts';
import { namespaced, podSecurityContext, storageClass } from './pod.ts';
import { loadRuleGroups } from './rule-files.ts';

export const MONITORING_API_VERSION = 'monitoring.coreos.com/v1';

/**
 * How far back the alert baseline reaches: the same local time on the same weekday of each of
 * the last BASELINE_WEEKS weeks (k8s/src/rules/app-loads.ts) reads the recorded series up to
 * 5 weeks and an hour (a clock change) back, so Prometheus must keep at least 36 days.
 */
export const BASELINE_LOOKBACK_DAYS = 7 * BASELINE_WEEKS + 1;
/** What the deployed Prometheus keeps: the 36 days the baseline needs, with almost a week to spare. */
export const PROMETHEUS_RETENTION = '42d';

/** The operator's kinds this stack creates (their CRDs come with the operator). */
type OperatorKind = 'Prometheus' | 'Alertmanager' | 'ServiceMonitor' | 'PrometheusRule';

/**
 * One of the operator's custom resources in the stack's namespace. cdk8s has no classes for
 * these kinds, so it is a plain ApiObject; callers type `spec` with the operator's models.
 */
export function operatorResource(
  scope: Construct,
  id: string,
  options: StackOptions,
  resource: { kind: OperatorKind; name: string; labels: Record<string, string>; spec: object },
): ApiObject {
  const { kind, name, labels, spec } = resource;
  return new ApiObject(scope, id, {
    apiVersion: MONITORING_API_VERSION,
    kind,
    metadata: namespaced(options, name, labels),
    spec,
  });
}

/** Selects what this stack's Prometheus picks up: our ServiceMonitors and PrometheusRules. */
const OURS = { [PART_OF_LABEL]: PART_OF };

/** What a ServiceMonitor scrapes: a Service (by its labels) and its named port. */
export interface ScrapeTarget {
  name: string;
  serviceLabels: Record<string, string>;
  port: string;
}

/**
 * Prometheus (operator-managed, in this namespace), its permission to discover targets here,
 * the ServiceMonitors, and one PrometheusRule built from the very rule files promtool tests.
 * The web tier's own /metrics is on its internal Service (its pages report through the
 * aggregator); Redis has no exporter; CloudNativePG makes its own PodMonitor.
 */
export class Monitoring extends Construct {
  static readonly targets: ScrapeTarget[] = [
    {
      name: NAMES.realtime,
      serviceLabels: { ...labelsFor(NAMES.realtime), [EXPOSURE_LABEL]: 'internal' },
      port: 'metrics',
    },
    {
      name: NAMES.aggregator,
      serviceLabels: { ...labelsFor(NAMES.aggregator), [EXPOSURE_LABEL]: 'internal' },
      port: 'metrics',
    },
    { name: NAMES.probes, serviceLabels: labelsFor(NAMES.probes), port: 'metrics' },
    {
      name: NAMES.web,
      serviceLabels: { ...labelsFor(NAMES.web), [EXPOSURE_LABEL]: 'internal' },
      port: 'metrics',
    },
    {
      name: NAMES.converter,
      serviceLabels: { ...labelsFor(NAMES.converter), [EXPOSURE_LABEL]: 'internal' },
      port: 'metrics',
    },
  ];

  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor('prometheus');
    const account = NAMES.prometheusServiceAccount;

    new k8s.KubeServiceAccount(this, 'service-account', {
      metadata: namespaced(options, account, labels),
    });
    new k8s.KubeRole(this, 'role', {
      metadata: namespaced(options, account, labels),
      rules: [
        {
          apiGroups: [''],
          resources: ['services', 'endpoints', 'pods'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['discovery.k8s.io'],
          resources: ['endpointslices'],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    });
    new k8s.KubeRoleBinding(this, 'role-binding', {
      metadata: namespaced(options, account, labels),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: account },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace: options.namespace }],
    });

    const prometheus: IPrometheus['spec'] = {
      replicas: 1,
      serviceAccountName: account,
      // The baseline reaches back 5 weeks and an hour = 36 days (BASELINE_LOOKBACK_DAYS); 42 days
      // keep it whole with room, on a volume so a restart keeps the history.
      retention: PROMETHEUS_RETENTION,
      scrapeInterval: '30s',
      evaluationInterval: '1m',
      // Unset namespace selectors: only this namespace's ServiceMonitors and rules.
      serviceMonitorSelector: { matchLabels: OURS },
      ruleSelector: { matchLabels: OURS },
      podMetadata: { labels: PROMETHEUS_POD_LABELS },
      alerting: {
        alertmanagers: [
          {
            namespace: options.namespace,
            // The operator's governing Service of the Alertmanager pods.
            name: 'alertmanager-operated',
            port: 'web',
            apiVersion: 'v2',
          },
        ],
      },
      storage: {
        volumeClaimTemplate: {
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: options.storage.prometheus } },
            ...storageClass(options),
          },
        },
      },
      resources: {
        requests: { cpu: '250m', memory: '1Gi' },
        limits: { cpu: '2', memory: '4Gi' },
      },
      securityContext: podSecurityContext,
    };
    operatorResource(this, 'prometheus', options, {
      kind: 'Prometheus',
      name: NAMES.prometheus,
      labels,
      spec: prometheus,
    });

    for (const target of Monitoring.targets) {
      const spec: IServiceMonitor['spec'] = {
        selector: { matchLabels: target.serviceLabels },
        endpoints: [{ port: target.port, path: '/metrics', interval: '30s' }],
      };
      operatorResource(this, `service-monitor-${target.name}`, options, {
        kind: 'ServiceMonitor',
        name: target.name,
        labels: labelsFor(target.name),
        spec,
      });
    }

    const rules: IPrometheusRule['spec'] = {
      groups: loadRuleGroups() as NonNullable<IPrometheusRule['spec']['groups']>,
    };
    operatorResource(this, 'rules', options, {
      kind: 'PrometheusRule',
      name: 'classpulse-rules',
      labels,
      spec: rules,
    });
  }
}
