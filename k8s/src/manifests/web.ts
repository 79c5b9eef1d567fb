import { BEACON_PATH } from '@classpulse/metrics-aggregator/catalog';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { DATABASE_APP_SECRET } from './database.ts';
import { CONVERTER_URL } from './converter.ts';
import { COMPONENT_LABEL, EXPOSURE_LABEL, labelsFor, NAMES, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import {
  env,
  firebaseEnv,
  oidcEnv,
  hardenedPods,
  httpProbe,
  image,
  namespaced,
  oneAtATime,
  metricsPageTokenSecretEnv,
  realtimeTokenSecretEnv,
  resources,
  serviceSpec,
  surgeStrategy,
  tmpMount,
  tmpVolume,
} from './pod.ts';
import { SECRETS } from './secrets.ts';
import { REALTIME_WEBSOCKET_ONLY } from './realtime.ts';

/**
 * The Next.js app, stateless over PostgreSQL (the CloudNativePG `Cluster` of database.ts: its
 * accounts, decks, session library, uploads and audit), so it runs as several replicas, rolls
 * without downtime (surge first, never below the wanted count) and survives a drained node (a
 * PodDisruptionBudget). Each pod first runs the migrations in an init container; Kysely's
 * migrator takes a lock in the database, so of pods starting together one migrates and the
 * others find nothing left to do, once per rollout.
 *
 * The image runs the production server (web/src/production/main.ts): Next on `http`; /metrics,
 * /healthz and /readyz on `metrics`, behind a separate Service only Prometheus reaches. Ready
 * means "reaches the database": a replica that cannot leaves the Service instead of failing
 * requests. The ingress sends /v1/beacon to the aggregator and /socket.io to the realtime tier.
 */
export class Web extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.web, { [COMPONENT_LABEL]: 'frontend' });
    const metadata = namespaced(options, NAMES.web, labels);
    const publicUrl = `https://${options.host}`;
    const databaseUrl = env.secret(
      'DATABASE_URL',
      DATABASE_APP_SECRET.name,
      DATABASE_APP_SECRET.key,
    );

    new k8s.KubeService(this, 'service', {
      metadata,
      spec: serviceSpec(labels, 'http', PORTS.web),
    });
    new k8s.KubeService(this, 'internal', {
      metadata: namespaced(options, NAMES.webInternal, { ...labels, [EXPOSURE_LABEL]: 'internal' }),
      spec: serviceSpec(labels, 'metrics', PORTS.webInternal),
    });

    new k8s.KubeDeployment(this, 'deployment', {
      metadata,
      spec: {
        replicas: options.replicas.web,
        strategy: surgeStrategy,
        ...hardenedPods(labels, {
          initContainers: [
            {
              name: 'migrate',
              image: image(options, 'web'),
              command: ['node', 'src/cli/migrate.ts'],
              env: [databaseUrl],
              resources: resources({ cpu: ['100m', '500m'], memory: ['128Mi', '256Mi'] }),
            },
          ],
          containers: [
            {
              name: 'web',
              image: image(options, 'web'),
              ports: [
                { name: 'http', containerPort: PORTS.web },
                { name: 'metrics', containerPort: PORTS.webInternal },
              ],
              env: [
                databaseUrl,
                env.value('REALTIME_INTERNAL_URL', `http://${NAMES.realtime}:${PORTS.realtime}`),
                // Deck imports are converted by the converter Deployment (converter.ts).
                env.value('WEB_CONVERTER_URL', CONVERTER_URL),
                // Same origin as the pages: socket.io's /socket.io path is routed to the
                // realtime tier by the ingress (see realtime.ts for why).
                env.value('REALTIME_PUBLIC_URL', publicUrl),
                env.value('METRICS_BEACON_URL', BEACON_PATH),
                // Longer than ingress-nginx's upstream keep-alive (60 s): the ingress must never
                // reuse a connection the pod is just closing (a 502 for a POST it cannot retry).
                env.value('WEB_KEEP_ALIVE_TIMEOUT_MS', '75000'),
                // The network check tests the polling fallback only where the tier offers it.
                env.value('REALTIME_WEBSOCKET_ONLY', REALTIME_WEBSOCKET_ONLY),
                env.value('WS_DARK_LAUNCH_SHARE', String(options.students.darkLaunchShare)),
                ...(options.students.transport
                  ? [env.value('DEFAULT_STUDENT_TRANSPORT', options.students.transport)]
                  : []),
                realtimeTokenSecretEnv,
                env.secret('WEB_SESSION_SECRET', SECRETS.web.name, SECRETS.web.keys.sessionSecret),
                metricsPageTokenSecretEnv,
                ...firebaseEnv(['databaseUrl', 'serviceAccountJson', 'webApiKey', 'authDomain']),
                ...oidcEnv(),
              ],
              // Ready: it reaches PostgreSQL. Alive: the process answers (a database outage
              // must not restart every pod).
              readinessProbe: httpProbe('/readyz', 'metrics', {
                periodSeconds: 5,
                timeoutSeconds: 3,
              }),
              livenessProbe: httpProbe('/healthz', 'metrics', {
                periodSeconds: 20,
                timeoutSeconds: 5,
                failureThreshold: 6,
              }),
              resources: resources({ cpu: ['250m', '1'], memory: ['384Mi', '1Gi'] }),
              volumeMounts: [
                tmpMount,
                // Next writes its image and fetch caches here at runtime.
                { name: 'next-cache', mountPath: '/app/web/.next/cache' },
              ],
            },
          ],
          volumes: [
            tmpVolume,
            { name: 'next-cache', emptyDir: { sizeLimit: k8s.Quantity.fromString('512Mi') } },
          ],
        }),
      },
    });
    new k8s.KubePodDisruptionBudget(this, 'pdb', { metadata, spec: oneAtATime(labels) });
  }
}
