import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { COMPONENT_LABEL, EXPOSURE_LABEL, labelsFor, NAMES, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import {
  env,
  firebaseEnv,
  hardenedPods,
  httpProbe,
  image,
  namespaced,
  oneAtATime,
  realtimeTokenSecretEnv,
  resources,
  serviceSpec,
  surgeStrategy,
} from './pod.ts';
import { SECRETS } from './secrets.ts';

/**
 * The socket.io tier, several pods behind one Redis (cluster mode: REALTIME_REDIS_URL; sessions
 * are stored in Redis, or in Firebase when the Firebase Secret is present).
 *
 * Routing: browsers keep socket.io's long-polling fallback (realtime/src/client: transports
 * ['websocket', 'polling']) for schools whose proxies break WebSockets, so the tier does NOT run
 * REALTIME_WEBSOCKET_ONLY; polling requests of one connection must then reach one pod. The
 * ingress gives /socket.io cookie affinity (ingress.ts). That works because the tier is served
 * on the pages' own origin: same-origin XHRs carry the affinity cookie, which socket.io's
 * cross-origin requests (withCredentials: false) would not. WebSocket connections are one
 * request each and need no affinity; any pod takes any socket (realtime/README.md).
 */
/** Browsers keep the polling fallback (see above); the web app's network check follows it. */
export const REALTIME_WEBSOCKET_ONLY = 'false';

export class Realtime extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.realtime, { [COMPONENT_LABEL]: 'realtime' });
    const metadata = namespaced(options, NAMES.realtime, labels);

    new k8s.KubeService(this, 'service', {
      metadata,
      spec: serviceSpec(labels, 'http', PORTS.realtime),
    });
    // /metrics lives on its own port, which the ingress never routes (students reach `http`).
    new k8s.KubeService(this, 'internal', {
      metadata: namespaced(options, NAMES.realtimeInternal, {
        ...labels,
        [EXPOSURE_LABEL]: 'internal',
      }),
      spec: serviceSpec(labels, 'metrics', PORTS.realtimeInternal),
    });

    new k8s.KubeDeployment(this, 'deployment', {
      metadata,
      spec: {
        // No `replicas`: the HorizontalPodAutoscaler owns the count, and an apply must not reset it.
        strategy: surgeStrategy,
        ...hardenedPods(labels, {
          // The tier closes its sockets within REALTIME_SHUTDOWN_GRACE_MS (10 s) on SIGTERM.
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: labels },
            },
          ],
          containers: [
            {
              name: 'realtime',
              image: image(options, 'realtime'),
              ports: [
                { name: 'http', containerPort: PORTS.realtime },
                { name: 'metrics', containerPort: PORTS.realtimeInternal },
              ],
              env: [
                env.value('REALTIME_PORT', String(PORTS.realtime)),
                env.value('REALTIME_INTERNAL_HOST', '0.0.0.0'),
                env.value('REALTIME_INTERNAL_PORT', String(PORTS.realtimeInternal)),
                // Never written in cluster mode; a writable place in case.
                env.value('CLASSPULSE_DATA_DIR', '/tmp/classpulse'),
                env.value('REALTIME_CORS_ORIGINS', `https://${options.host}`),
                env.value('REALTIME_WEBSOCKET_ONLY', REALTIME_WEBSOCKET_ONLY),
                // Joins come through the ingress (and the web tier, Firebase mode): the real
                // source for the per-source join limit is in X-Forwarded-For.
                env.value('REALTIME_TRUSTED_PROXIES', 'private'),
                realtimeTokenSecretEnv,
                env.secret('REDIS_PASSWORD', SECRETS.redis.name, SECRETS.redis.keys.password),
                // Kubernetes expands $(REDIS_PASSWORD) from the variable above.
                env.value(
                  'REALTIME_REDIS_URL',
                  `redis://:$(REDIS_PASSWORD)@${NAMES.redis}:${PORTS.redis}`,
                ),
                ...firebaseEnv(['databaseUrl', 'serviceAccountJson']),
              ],
              readinessProbe: httpProbe('/healthz', 'http'),
              livenessProbe: httpProbe('/healthz', 'http', {
                periodSeconds: 20,
                failureThreshold: 3,
              }),
              // ~20 KB per idle socket: 2 GiB holds a full process's 19,000 with room to spare.
              resources: resources({ cpu: ['500m', '2'], memory: ['512Mi', '2Gi'] }),
            },
          ],
        }),
      },
    });

    new k8s.KubeHorizontalPodAutoscalerV2(this, 'hpa', {
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: NAMES.realtime },
        minReplicas: options.replicas.realtimeMin,
        maxReplicas: options.replicas.realtimeMax,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
          },
        ],
        // Removing a pod reconnects its sockets: scale down slowly, one pod at a time.
        behavior: {
          scaleDown: {
            stabilizationWindowSeconds: 600,
            policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }],
          },
        },
      },
    });

    new k8s.KubePodDisruptionBudget(this, 'pdb', { metadata, spec: oneAtATime(labels) });
  }
}
