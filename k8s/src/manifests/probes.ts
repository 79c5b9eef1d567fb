import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import {
  COMPONENT_LABEL,
  labelsFor,
  NAMES,
  PORTS,
  PROBE_REGION_LABEL,
  REGION_LABEL,
} from './labels.ts';
import type { StackOptions } from './options.ts';
import {
  env,
  firebaseEnv,
  hardenedPods,
  httpProbe,
  image,
  namespaced,
  realtimeTokenSecretEnv,
  resources,
  serviceSpec,
} from './pod.ts';

/** Name of a region's probe Deployment. */
export const probeDeploymentName = (region: string) => `${NAMES.probes}-${region}`;

/**
 * Synthetic probes, one Deployment per region, each pinned to that region's nodes. A probe names
 * its location from its node's `topology.kubernetes.io/region` label, read through the API
 * (probes/src/location.ts: PROBE_NODE_NAME from the downward API, a ServiceAccount that may get
 * nodes), so the label says where it really ran. It checks the public host — web, the socket
 * tier through the ingress — as a student's browser would, and Firebase when its Secret exists.
 */
export class Probes extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.probes, { [COMPONENT_LABEL]: 'synthetic-monitoring' });
    const publicUrl = `https://${options.host}`;
    // ClusterRoles are cluster-wide: the namespace in the name keeps stacks apart.
    const nodeReader = `${options.namespace}-probes-read-nodes`;

    new k8s.KubeServiceAccount(this, 'service-account', {
      metadata: namespaced(options, NAMES.probes, labels),
    });
    new k8s.KubeClusterRole(this, 'node-reader', {
      metadata: { name: nodeReader, labels },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
    });
    new k8s.KubeClusterRoleBinding(this, 'node-reader-binding', {
      metadata: { name: nodeReader, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: nodeReader },
      subjects: [{ kind: 'ServiceAccount', name: NAMES.probes, namespace: options.namespace }],
    });

    // One Service over every region's pods: what the ServiceMonitor scrapes. Not-ready pods
    // stay listed: a misconfigured probe is not ready but serves the metric that says why.
    new k8s.KubeService(this, 'service', {
      metadata: namespaced(options, NAMES.probes, labels),
      spec: serviceSpec(labels, 'metrics', PORTS.probes, { publishNotReadyAddresses: true }),
    });

    for (const region of options.regions) {
      const podLabels = { ...labels, [PROBE_REGION_LABEL]: region };
      new k8s.KubeDeployment(this, `deployment-${region}`, {
        metadata: namespaced(options, probeDeploymentName(region), podLabels),
        spec: {
          replicas: 1,
          ...hardenedPods(podLabels, {
            serviceAccountName: NAMES.probes,
            // The probe reads its node through the API with this account's token.
            automountServiceAccountToken: true,
            nodeSelector: { [REGION_LABEL]: region },
            containers: [
              {
                name: 'probe',
                image: image(options, 'probes'),
                ports: [{ name: 'metrics', containerPort: PORTS.probes }],
                env: [
                  env.value('PROBE_PORT', String(PORTS.probes)),
                  env.field('PROBE_NODE_NAME', 'spec.nodeName'),
                  env.value('PROBE_TARGET', options.probeTarget),
                  env.value('PROBE_WEB_URL', publicUrl),
                  env.value('PROBE_REALTIME_URL', publicUrl),
                  realtimeTokenSecretEnv,
                  ...firebaseEnv(['databaseUrl', 'serviceAccountJson', 'webApiKey']),
                ],
                // /readyz: the probe loop is alive (and its configuration valid).
                readinessProbe: httpProbe('/readyz', 'metrics', { periodSeconds: 15 }),
                livenessProbe: httpProbe('/healthz', 'metrics', { periodSeconds: 20 }),
                resources: resources({ cpu: ['50m', '500m'], memory: ['128Mi', '512Mi'] }),
              },
            ],
          }),
        },
      });
    }
  }
}
