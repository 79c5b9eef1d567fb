import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { COMPONENT_LABEL, labelsFor, NAMES, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import { env, hardenedPods, namespaced, resources, serviceSpec, volumeClaimSpec } from './pod.ts';
import { SECRETS } from './secrets.ts';

/**
 * The realtime tier's Redis: pub/sub between pods, session leases, and — unless Firebase mode is
 * on — the session store itself. So it is durable: one StatefulSet pod with its own volume and
 * `appendonly yes` + `appendfsync always` (realtime/README.md: an acknowledgement then means
 * Redis fsynced the answer). One replica on purpose: a replicated Redis fails over
 * asynchronously and can lose acknowledged answers; a restart here costs seconds of `unavailable`
 * that clients retry. A password (from a Secret) on top of the NetworkPolicy that admits only
 * the realtime pods.
 */
export class Redis extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.redis, { [COMPONENT_LABEL]: 'store' });
    const ping: k8s.Probe = {
      // redis-cli reads the password from REDISCLI_AUTH.
      exec: { command: ['sh', '-c', 'redis-cli ping | grep -q PONG'] },
      periodSeconds: 10,
      timeoutSeconds: 3,
      failureThreshold: 3,
    };

    const metadata = namespaced(options, NAMES.redis, labels);

    // Headless: the StatefulSet's governing Service; clients resolve it to the one pod.
    new k8s.KubeService(this, 'service', {
      metadata,
      spec: serviceSpec(labels, 'redis', PORTS.redis, { clusterIp: 'None' }),
    });

    new k8s.KubeStatefulSet(this, 'statefulset', {
      metadata,
      spec: {
        serviceName: NAMES.redis,
        replicas: 1,
        ...hardenedPods(labels, {
          // redis-server writes nothing outside --dir.
          tmp: false,
          containers: [
            {
              name: 'redis',
              image: options.redisImage,
              // Bypasses the image's entrypoint (which would chown and switch users as root).
              command: ['redis-server'],
              args: [
                '--dir',
                '/data',
                '--appendonly',
                'yes',
                '--appendfsync',
                'always',
                '--save',
                '',
                // Below the memory limit: a full Redis refuses writes instead of being OOM-killed.
                '--maxmemory',
                '768mb',
                '--maxmemory-policy',
                'noeviction',
                '--requirepass',
                '$(REDIS_PASSWORD)',
              ],
              ports: [{ name: 'redis', containerPort: PORTS.redis }],
              env: [
                env.secret('REDIS_PASSWORD', SECRETS.redis.name, SECRETS.redis.keys.password),
                env.secret('REDISCLI_AUTH', SECRETS.redis.name, SECRETS.redis.keys.password),
              ],
              readinessProbe: ping,
              livenessProbe: { ...ping, periodSeconds: 20, failureThreshold: 6 },
              resources: resources({ cpu: ['100m', '1'], memory: ['256Mi', '1Gi'] }),
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
            },
          ],
        }),
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels },
            spec: volumeClaimSpec(options, options.storage.redis),
          },
        ],
      },
    });
  }
}
