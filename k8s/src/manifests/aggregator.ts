import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { COMPONENT_LABEL, EXPOSURE_LABEL, labelsFor, NAMES, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import {
  containerSecurityContext,
  env,
  httpProbe,
  image,
  namespaced,
  podSecurityContext,
  resources,
  surgeStrategy,
  tmpMount,
  tmpVolume,
} from './pod.ts';

/**
 * The metrics aggregator: its public port takes browsers' beacons (the ingress routes
 * /v1/beacon on the web host to the `aggregator` Service); its internal port serves /metrics to
 * Prometheus only, through a separate Service (`aggregator-internal`) that no ingress names and
 * a NetworkPolicy that admits only Prometheus. Pods are interchangeable: Prometheus sums them.
 */
export class Aggregator extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.aggregator, { [COMPONENT_LABEL]: 'metrics-ingest' });

    new k8s.KubeService(this, 'public', {
      metadata: namespaced(options, NAMES.aggregator, { ...labels, [EXPOSURE_LABEL]: 'public' }),
      spec: {
        selector: labels,
        ports: [
          {
            name: 'http',
            port: PORTS.aggregatorPublic,
            targetPort: k8s.IntOrString.fromString('http'),
          },
        ],
      },
    });
    new k8s.KubeService(this, 'internal', {
      metadata: namespaced(options, NAMES.aggregatorInternal, {
        ...labels,
        [EXPOSURE_LABEL]: 'internal',
      }),
      spec: {
        selector: labels,
        ports: [
          {
            name: 'metrics',
            port: PORTS.aggregatorInternal,
            targetPort: k8s.IntOrString.fromString('metrics'),
          },
        ],
      },
    });

    new k8s.KubeDeployment(this, 'deployment', {
      metadata: namespaced(options, NAMES.aggregator, labels),
      spec: {
        replicas: options.replicas.aggregator,
        strategy: surgeStrategy,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: podSecurityContext,
            containers: [
              {
                name: 'aggregator',
                image: image(options, 'metrics-aggregator'),
                ports: [
                  { name: 'http', containerPort: PORTS.aggregatorPublic },
                  { name: 'metrics', containerPort: PORTS.aggregatorInternal },
                ],
                env: [
                  env.value('AGGREGATOR_PORT', String(PORTS.aggregatorPublic)),
                  env.value('AGGREGATOR_INTERNAL_PORT', String(PORTS.aggregatorInternal)),
                  env.value('AGGREGATOR_CORS_ORIGINS', `https://${options.host}`),
                ],
                // Ready when the port beacons arrive on answers; alive while the internal one does.
                readinessProbe: httpProbe('/healthz', 'http'),
                livenessProbe: httpProbe('/healthz', 'metrics', { periodSeconds: 20 }),
                resources: resources({ cpu: ['100m', '1'], memory: ['128Mi', '512Mi'] }),
                securityContext: containerSecurityContext,
                volumeMounts: [tmpMount],
              },
            ],
            volumes: [tmpVolume],
          },
        },
      },
    });

    new k8s.KubePodDisruptionBudget(this, 'pdb', {
      metadata: namespaced(options, NAMES.aggregator, labels),
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: labels },
      },
    });
  }
}
