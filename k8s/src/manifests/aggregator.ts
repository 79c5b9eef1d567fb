import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { aggregatorCalendarEnv } from '../calendar/aggregator-env.ts';
import { COMPONENT_LABEL, EXPOSURE_LABEL, labelsFor, NAMES, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import {
  env,
  hardenedPods,
  httpProbe,
  image,
  metricsPageTokenSecretEnv,
  namespaced,
  oneAtATime,
  resources,
  serviceSpec,
  surgeStrategy,
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
    const metadata = namespaced(options, NAMES.aggregator, labels);
    const calendar = aggregatorCalendarEnv(options.schoolCalendar);
    // Both Services select every aggregator pod; the exposure label tells them apart.
    const exposed = (name: string, exposure: string) =>
      namespaced(options, name, { ...labels, [EXPOSURE_LABEL]: exposure });

    new k8s.KubeService(this, 'public', {
      metadata: exposed(NAMES.aggregator, 'public'),
      spec: serviceSpec(labels, 'http', PORTS.aggregatorPublic),
    });
    new k8s.KubeService(this, 'internal', {
      metadata: exposed(NAMES.aggregatorInternal, 'internal'),
      spec: serviceSpec(labels, 'metrics', PORTS.aggregatorInternal),
    });

    new k8s.KubeDeployment(this, 'deployment', {
      metadata,
      spec: {
        replicas: options.replicas.aggregator,
        strategy: surgeStrategy,
        ...hardenedPods(labels, {
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
                metricsPageTokenSecretEnv,
                // The school calendar: business rules compare school hours in the schools' zone
                // and leave closed days out of their baselines.
                env.value('AGGREGATOR_SCHOOL_TIME_ZONE', calendar.AGGREGATOR_SCHOOL_TIME_ZONE),
                env.value('AGGREGATOR_SCHOOL_DAYS', calendar.AGGREGATOR_SCHOOL_DAYS),
                env.value(
                  'AGGREGATOR_SCHOOL_CLOSED_DATES',
                  calendar.AGGREGATOR_SCHOOL_CLOSED_DATES,
                ),
              ],
              // Ready when the port beacons arrive on answers; alive while the internal one does.
              readinessProbe: httpProbe('/healthz', 'http'),
              livenessProbe: httpProbe('/healthz', 'metrics', { periodSeconds: 20 }),
              resources: resources({ cpu: ['100m', '1'], memory: ['128Mi', '512Mi'] }),
            },
          ],
        }),
      },
    });

    new k8s.KubePodDisruptionBudget(this, 'pdb', { metadata, spec: oneAtATime(labels) });
  }
}
