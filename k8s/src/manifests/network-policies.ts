import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { labelsFor, NAMES, PART_OF, PART_OF_LABEL, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import { namespaced } from './pod.ts';

/** Pod labels of the operator-managed pods (set through their CRs' podMetadata). */
export const PROMETHEUS_POD_LABELS = labelsFor('prometheus');
export const ALERTMANAGER_POD_LABELS = labelsFor('alertmanager');

type Peer = k8s.NetworkPolicyPeer;
const pods = (labels: Record<string, string>): Peer => ({ podSelector: { matchLabels: labels } });
const namespace = (name: string): Peer => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});
const tcp = (port: number): k8s.NetworkPolicyPort => ({
  protocol: 'TCP',
  port: k8s.IntOrString.fromNumber(port),
});

/**
 * Ingress is denied to every pod in the namespace unless a policy below admits it: the ingress
 * controller reaches the public ports, Prometheus the metrics ports, web the realtime tier's
 * internal API and PostgreSQL, the realtime tier Redis.
 *
 * Egress stays open, deliberately: the pods talk to Firebase and Google's token endpoints,
 * whose addresses are Google's rotating ranges that an IP-based NetworkPolicy cannot name, and
 * the probes fetch the public host (through the load balancer) like a browser. A "DNS + 443
 * anywhere" egress rule would add little over open egress for the same upkeep.
 *
 * The one exception is the slide converter, which opens teachers' untrusted files and only ever
 * answers requests: it may not send a single packet (no egress rule at all, not even DNS), so a
 * file that exploits LibreOffice or pdf.js can neither fetch nor send anything.
 */
export class NetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const ingressController = namespace(options.ingress.namespace);
    const prometheus = pods(PROMETHEUS_POD_LABELS);
    const policy = (
      name: string,
      podLabels: Record<string, string>,
      rules: Array<{ from: Peer[]; ports: k8s.NetworkPolicyPort[] }>,
    ) =>
      new k8s.KubeNetworkPolicy(this, name, {
        metadata: namespaced(options, name, { [PART_OF_LABEL]: PART_OF }),
        spec: { podSelector: { matchLabels: podLabels }, policyTypes: ['Ingress'], ingress: rules },
      });

    new k8s.KubeNetworkPolicy(this, 'default-deny', {
      metadata: namespaced(options, 'default-deny-ingress', { [PART_OF_LABEL]: PART_OF }),
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });

    policy('web-ingress', labelsFor(NAMES.web), [
      { from: [ingressController], ports: [tcp(PORTS.web)] },
      { from: [prometheus], ports: [tcp(PORTS.webInternal)] },
    ]);
    // The database (CloudNativePG instance pods carry cnpg.io/cluster): the web tier and its
    // migrations; the instances among themselves (replication, status); the operator (status
    // and management); Prometheus (the instances' exporter, through the operator's PodMonitor).
    const databasePods = { 'cnpg.io/cluster': NAMES.database };
    policy('database-ingress', databasePods, [
      { from: [pods(labelsFor(NAMES.web))], ports: [tcp(PORTS.postgres)] },
      { from: [pods(databasePods)], ports: [tcp(PORTS.postgres), tcp(PORTS.cnpgStatus)] },
      {
        from: [namespace(options.database.operatorNamespace)],
        ports: [tcp(PORTS.postgres), tcp(PORTS.cnpgStatus)],
      },
      { from: [prometheus], ports: [tcp(9187)] },
    ]);
    policy('realtime-ingress', labelsFor(NAMES.realtime), [
      // Browsers' sockets, through the ingress controller.
      { from: [ingressController], ports: [tcp(PORTS.realtime)] },
      // The web app's route handlers call /v1/sessions in-cluster.
      { from: [pods(labelsFor(NAMES.web))], ports: [tcp(PORTS.realtime)] },
      // /metrics, on its own internal port.
      { from: [prometheus], ports: [tcp(PORTS.realtimeInternal)] },
    ]);
    policy('redis-ingress', labelsFor(NAMES.redis), [
      { from: [pods(labelsFor(NAMES.realtime))], ports: [tcp(PORTS.redis)] },
    ]);
    policy('aggregator-ingress', labelsFor(NAMES.aggregator), [
      { from: [ingressController], ports: [tcp(PORTS.aggregatorPublic)] },
      { from: [prometheus], ports: [tcp(PORTS.aggregatorInternal)] },
    ]);
    policy('converter-ingress', labelsFor(NAMES.converter), [
      // Only the web tier sends files to convert; Prometheus reads /metrics.
      { from: [pods(labelsFor(NAMES.web))], ports: [tcp(PORTS.converter)] },
      { from: [prometheus], ports: [tcp(PORTS.converterInternal)] },
    ]);
    new k8s.KubeNetworkPolicy(this, 'converter-deny-egress', {
      metadata: namespaced(options, 'converter-deny-egress', { [PART_OF_LABEL]: PART_OF }),
      // Egress in policyTypes and no egress rules: every outgoing connection is dropped.
      spec: {
        podSelector: { matchLabels: labelsFor(NAMES.converter) },
        policyTypes: ['Egress'],
      },
    });
    policy('probes-ingress', labelsFor(NAMES.probes), [
      { from: [prometheus], ports: [tcp(PORTS.probes)] },
    ]);
    policy('prometheus-ingress', PROMETHEUS_POD_LABELS, [
      // Grafana queries it.
      { from: [namespace(options.monitoringNamespace)], ports: [tcp(PORTS.prometheus)] },
    ]);
    policy('alertmanager-ingress', ALERTMANAGER_POD_LABELS, [
      { from: [prometheus], ports: [tcp(PORTS.alertmanager)] },
      { from: [namespace(options.monitoringNamespace)], ports: [tcp(PORTS.alertmanager)] },
      // Replicas gossip silences and notifications to each other.
      {
        from: [pods(ALERTMANAGER_POD_LABELS)],
        ports: [
          tcp(PORTS.alertmanager),
          tcp(PORTS.alertmanagerMesh),
          { protocol: 'UDP', port: k8s.IntOrString.fromNumber(PORTS.alertmanagerMesh) },
        ],
      },
    ]);
  }
}
