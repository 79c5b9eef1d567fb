import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';

export const REGION_LABEL = 'topology.kubernetes.io/region';
export const UNKNOWN_LOCATION = 'unknown';

export interface LocationSources {
  /** PROBE_LOCATION: wins when set. */
  configured: string | undefined;
  /** The pod's node, and a way to reach the Kubernetes API. */
  nodeName: string | undefined;
  kubeConfig: KubeConfig | undefined;
  timeoutMs: number;
  logger: Logger;
  /** Called when the lookup failed (the caller counts it as a `location` error). */
  onLookupFailed(): void;
}

/** Label values become Prometheus labels: keep them to a safe, bounded alphabet. */
function sanitize(region: string): string | null {
  const cleaned = region
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .slice(0, 40);
  return /^[a-z0-9]/.test(cleaned) ? cleaned : null;
}

/**
 * The probe's location: PROBE_LOCATION, else its Kubernetes node's
 * `topology.kubernetes.io/region` label, else "unknown" with a warning. Never throws: a probe
 * that cannot name its region still probes.
 */
export async function resolveLocation(sources: LocationSources): Promise<string> {
  const { configured, nodeName, kubeConfig, logger } = sources;
  if (configured) return configured;
  if (!nodeName || !kubeConfig) {
    logger.warn('no PROBE_LOCATION and no Kubernetes node to ask: reporting as "unknown"');
    return UNKNOWN_LOCATION;
  }
  try {
    const api = kubeConfig.makeApiClient(CoreV1Api);
    const node = await Promise.race([
      api.readNode({ name: nodeName }),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer in ${sources.timeoutMs} ms`)),
          sources.timeoutMs,
        ).unref(),
      ),
    ]);
    const region = node.metadata?.labels?.[REGION_LABEL];
    const location = region ? sanitize(region) : null;
    if (location) return location;
    logger.warn({ nodeName }, `node has no usable ${REGION_LABEL} label: reporting as "unknown"`);
  } catch (error) {
    sources.onLookupFailed();
    logger.warn(
      { nodeName, err: error instanceof Error ? error.message : String(error) },
      'could not read the node from the Kubernetes API: reporting as "unknown"',
    );
  }
  return UNKNOWN_LOCATION;
}
