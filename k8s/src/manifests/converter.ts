import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { COMPONENT_LABEL, EXPOSURE_LABEL, labelsFor, NAMES, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import {
  env,
  hardenedPods,
  httpProbe,
  image,
  namespaced,
  oneAtATime,
  resources,
  serviceSpec,
  surgeStrategy,
  tmpMount,
} from './pod.ts';

/**
 * What each converter pod is told (web/src/converter/config.ts reads them): conversions at once,
 * and the time and memory each conversion's child process may use before it is killed.
 */
export const CONVERTER_SETTINGS = {
  concurrency: 2,
  timeLimitMs: 120_000,
  memoryLimitMb: 1024,
} as const;

/** The converter's own process (HTTP server, queue, buffers of pages on their way back). */
const SERVER_MEMORY_MI = 512;

/**
 * The container's memory: every conversion at its limit at once, plus the server, so the
 * per-conversion limit fires (a clear "out of memory" for that one file) before the kernel's
 * OOM killer takes the whole pod and every conversion in it. Requested: one conversion.
 */
export const CONVERTER_MEMORY = {
  requestMi: CONVERTER_SETTINGS.memoryLimitMb + SERVER_MEMORY_MI,
  limitMi: CONVERTER_SETTINGS.concurrency * CONVERTER_SETTINGS.memoryLimitMb + SERVER_MEMORY_MI,
} as const;

/** The URL web pods reach the converter at (WEB_CONVERTER_URL). */
export const CONVERTER_URL = `http://${NAMES.converter}:${PORTS.converter}`;

/**
 * The slide converter (issue 22): turns an uploaded PDF or PowerPoint file into page images for
 * the web tier, which POSTs the file to /v1/convert and stores what comes back. It runs apart
 * from the web pods so a heavy import never slows a live class, in its own image: the web image
 * plus LibreOffice Impress and fonts (web/converter.Dockerfile), same layout, its own command.
 *
 * Untrusted files are opened here, so the pod is fenced more tightly than the rest: no egress
 * at all (network-policies.ts: not even DNS; it answers requests and never makes one), only web
 * pods reach its API and only Prometheus its metrics, a read-only root with a scratch /tmp
 * (LibreOffice's profile, the pages being rendered), and each conversion in a child process
 * with a time and memory limit (the settings above).
 */
export class Converter extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor(NAMES.converter, { [COMPONENT_LABEL]: 'slide-converter' });
    const metadata = namespaced(options, NAMES.converter, labels);
    const s = CONVERTER_SETTINGS;

    new k8s.KubeService(this, 'service', {
      metadata,
      spec: serviceSpec(labels, 'http', PORTS.converter, { type: 'ClusterIP' }),
    });
    new k8s.KubeService(this, 'internal', {
      metadata: namespaced(options, NAMES.converterInternal, {
        ...labels,
        [EXPOSURE_LABEL]: 'internal',
      }),
      spec: serviceSpec(labels, 'metrics', PORTS.converterInternal),
    });

    new k8s.KubeDeployment(this, 'deployment', {
      metadata,
      spec: {
        replicas: options.replicas.converter,
        strategy: surgeStrategy,
        ...hardenedPods(labels, {
          // A pod being replaced finishes the conversions it holds (each at most the time limit).
          terminationGracePeriodSeconds: s.timeLimitMs / 1000 + 30,
          containers: [
            {
              name: 'converter',
              image: image(options, 'converter'),
              // The web image's layout (WORKDIR /app/web): the converter is part of web/.
              command: ['node', 'src/converter/main.ts'],
              ports: [
                { name: 'http', containerPort: PORTS.converter },
                { name: 'metrics', containerPort: PORTS.converterInternal },
              ],
              env: [
                env.value('CONVERTER_PORT', String(PORTS.converter)),
                env.value('CONVERTER_INTERNAL_PORT', String(PORTS.converterInternal)),
                env.value('CONVERTER_CONCURRENCY', String(s.concurrency)),
                env.value('CONVERTER_TIME_LIMIT_MS', String(s.timeLimitMs)),
                env.value('CONVERTER_MEMORY_LIMIT_MB', String(s.memoryLimitMb)),
                // On SIGTERM it stops taking work and waits this long for running conversions;
                // the pod's grace period above is longer, so Kubernetes never cuts one short.
                env.value('CONVERTER_SHUTDOWN_GRACE_MS', String(s.timeLimitMs)),
              ],
              readinessProbe: httpProbe('/readyz', 'metrics', { periodSeconds: 5 }),
              // A conversion keeps its child busy, never the server: /healthz stays quick.
              livenessProbe: httpProbe('/healthz', 'metrics', {
                periodSeconds: 20,
                timeoutSeconds: 5,
                failureThreshold: 6,
              }),
              resources: resources({
                cpu: ['1', '2'],
                memory: [`${CONVERTER_MEMORY.requestMi}Mi`, `${CONVERTER_MEMORY.limitMi}Mi`],
              }),
              volumeMounts: [tmpMount],
            },
          ],
          // Room for each running conversion's file, LibreOffice profile and rendered pages.
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('2Gi') } }],
        }),
      },
    });

    new k8s.KubePodDisruptionBudget(this, 'pdb', { metadata, spec: oneAtATime(labels) });
  }
}
