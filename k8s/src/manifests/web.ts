import { BEACON_PATH } from '@classpulse/metrics-aggregator/catalog';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { COMPONENT_LABEL, labelsFor, NAMES, PORTS } from './labels.ts';
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
  tmpMount,
  tmpVolume,
  volumeClaimSpec,
} from './pod.ts';
import { SECRETS } from './secrets.ts';
import { REALTIME_WEBSOCKET_ONLY } from './realtime.ts';

const DATA_DIR = '/data';

/**
 * The Next.js app. It keeps decks and the session library in SQLite (WEB_SQLITE_PATH under
 * CLASSPULSE_DATA_DIR) and uploads next to it, so it runs as exactly one replica on a
 * ReadWriteOnce volume, replaced with `Recreate`: two pods would be two writers of one SQLite
 * file (or, on two nodes, two diverging copies). Live classes do not depend on it staying up —
 * sockets go to the realtime tier — so a restart costs page loads for seconds, not answers.
 * Scaling it out needs the web data in a shared database first.
 *
 * There is no separate production entry besides the embedded launcher (which would also start a
 * realtime tier and an aggregator in-process), so the image runs `next start` on the built app;
 * the ingress sends /v1/beacon to the aggregator and /socket.io to the realtime tier.
 */
export class Web extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.web, { [COMPONENT_LABEL]: 'frontend' });
    const metadata = namespaced(options, NAMES.web, labels);
    const publicUrl = `https://${options.host}`;

    new k8s.KubePersistentVolumeClaim(this, 'data', {
      metadata: namespaced(options, NAMES.webData, labels),
      spec: volumeClaimSpec(options, options.storage.web),
    });

    new k8s.KubeService(this, 'service', {
      metadata,
      spec: serviceSpec(labels, 'http', PORTS.web),
    });

    new k8s.KubeDeployment(this, 'deployment', {
      metadata,
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        ...hardenedPods(labels, {
          containers: [
            {
              name: 'web',
              image: image(options, 'web'),
              ports: [{ name: 'http', containerPort: PORTS.web }],
              env: [
                env.value('CLASSPULSE_DATA_DIR', DATA_DIR),
                env.value('REALTIME_INTERNAL_URL', `http://${NAMES.realtime}:${PORTS.realtime}`),
                // Same origin as the pages: socket.io's /socket.io path is routed to the
                // realtime tier by the ingress (see realtime.ts for why).
                env.value('REALTIME_PUBLIC_URL', publicUrl),
                env.value('METRICS_BEACON_URL', BEACON_PATH),
                // The network check tests the polling fallback only where the tier offers it.
                env.value('REALTIME_WEBSOCKET_ONLY', REALTIME_WEBSOCKET_ONLY),
                env.value('WS_DARK_LAUNCH_SHARE', String(options.students.darkLaunchShare)),
                ...(options.students.transport
                  ? [env.value('DEFAULT_STUDENT_TRANSPORT', options.students.transport)]
                  : []),
                realtimeTokenSecretEnv,
                env.secret('WEB_SESSION_SECRET', SECRETS.web.name, SECRETS.web.keys.sessionSecret),
                ...firebaseEnv(['databaseUrl', 'serviceAccountJson', 'webApiKey', 'authDomain']),
              ],
              // /healthz answers from Next without touching SQLite or the realtime tier.
              readinessProbe: httpProbe('/healthz', 'http', {
                periodSeconds: 10,
                timeoutSeconds: 5,
              }),
              livenessProbe: httpProbe('/healthz', 'http', {
                periodSeconds: 20,
                timeoutSeconds: 5,
                failureThreshold: 6,
              }),
              resources: resources({ cpu: ['250m', '1'], memory: ['384Mi', '1Gi'] }),
              // Lists /tmp itself (here and in `volumes`) to keep its place between data and cache:
              // left to hardenedPods it would go last, and a reordered template rolls the pod.
              volumeMounts: [
                { name: 'data', mountPath: DATA_DIR },
                tmpMount,
                // Next writes its image and fetch caches here at runtime.
                { name: 'next-cache', mountPath: '/app/web/.next/cache' },
              ],
            },
          ],
          volumes: [
            { name: 'data', persistentVolumeClaim: { claimName: NAMES.webData } },
            tmpVolume,
            { name: 'next-cache', emptyDir: { sizeLimit: k8s.Quantity.fromString('512Mi') } },
          ],
        }),
      },
    });
  }
}
