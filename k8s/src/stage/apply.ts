import {
  HttpMethod,
  KubernetesObjectApi,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
  type V1APIResource,
} from '@kubernetes/client-node';
import { describeObject } from '../manifests/kube-object.ts';
import { describeApiError, httpStatusOf, type Cluster } from './cluster.ts';
import { FIELD_MANAGER, apiGroup, type KubeObject } from './objects.ts';
import type { StageLog } from './stage-log.ts';

/** API groups a stage can do without, and what their absence means. */
const OPTIONAL_GROUPS: Record<string, string> = {
  'monitoring.coreos.com':
    'the Prometheus Operator is not installed in this cluster (no monitoring.coreos.com CRDs)',
};

/** Operators the stack cannot run without, and how to get them. */
const REQUIRED_OPERATORS: Record<string, string> = {
  'postgresql.cnpg.io':
    ' (the web tier needs the CloudNativePG operator: install it first, see k8s/README.md, "Database")',
};

/**
 * KubernetesObjectApi with server-side apply that sends the object exactly as synthesized, and
 * its discovery lookup opened up (is a kind served, and namespaced?).
 *
 * Why not `patch(object, …, PatchStrategy.ServerSideApply)`: client-node 1.4 writes the body
 * through its generated models, which expect their own field names where those differ from the
 * API's (`_from` for a NetworkPolicy rule's `from`) and drop whatever they do not know; a plain
 * object's `from` is silently dropped, turning "only from the ingress controller" into "from
 * anywhere". Paths, discovery, auth and response handling stay the library's.
 */
export class StageObjectApi extends KubernetesObjectApi {
  async serverSideApply<T extends KubernetesObject>(object: T): Promise<T> {
    const path = await this.specUriPath(object, 'patch');
    const request = this.configuration.baseServer.makeRequestContext(path, HttpMethod.PATCH);
    request.setHeaderParam('Accept', 'application/json, */*;q=0.8');
    request.setHeaderParam('Content-Type', PatchStrategy.ServerSideApply);
    request.setQueryParam('fieldManager', FIELD_MANAGER);
    // The stage owns its objects: take over fields someone changed by hand.
    request.setQueryParam('force', 'true');
    // JSON is YAML, so it is a valid apply-patch+yaml body.
    request.setBody(JSON.stringify(object));
    return this.requestPromise<T>(request);
  }

  /** The resource serving `kind` in `apiVersion`, or undefined when the cluster does not serve it. */
  async servedResource(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    try {
      return await this.resource(apiVersion, kind);
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }
}

export const stageObjectApi = (kubeConfig: KubeConfig) => kubeConfig.makeApiClient(StageObjectApi);

/** Applying stopped at an object; the message is one line for a person. */
export class ApplyError extends Error {
  override name = 'ApplyError';
}

export interface Skipped {
  object: KubeObject;
  reason: string;
}

export interface ApplyResult {
  /** Each applied object with the API's answer (the object as stored). */
  applied: { object: KubeObject; stored: KubernetesObject }[];
  skipped: Skipped[];
}

/**
 * Refuses to apply into a namespace that is still being deleted (an earlier `--delete`): the API
 * would refuse every object in it, one by one.
 */
export async function assertNamespaceWritable(
  api: StageObjectApi,
  cluster: Cluster,
  namespace: string,
): Promise<void> {
  let phase: string | undefined;
  try {
    const existing = await api.read({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace },
    });
    phase = (existing as { status?: { phase?: string } }).status?.phase;
  } catch (error) {
    if (httpStatusOf(error) === 404) return;
    throw new ApplyError(describeApiError(error, cluster, `read namespace ${namespace}`));
  }
  if (phase === 'Terminating')
    throw new ApplyError(
      `namespace ${namespace} is still being deleted (an earlier --delete); wait until \`kubectl get namespace ${namespace}\` finds nothing, then stage again`,
    );
}

/**
 * Server-side applies each object in order, as field manager `classpulse-stage` with force. Namespaced objects go into `namespace`. Objects of an optional API group
 * the cluster does not serve are skipped with one warning per group; any other failure stops.
 */
export async function applyObjects(options: {
  api: StageObjectApi;
  cluster: Cluster;
  namespace: string;
  objects: readonly KubeObject[];
  log: StageLog;
  signal?: AbortSignal;
}): Promise<ApplyResult> {
  const { api, cluster, namespace, log } = options;
  const result: ApplyResult = { applied: [], skipped: [] };
  const warnedGroups = new Set<string>();
  const skip = (object: KubeObject, reason: string) => {
    const group = apiGroup(object.apiVersion);
    if (!warnedGroups.has(group)) {
      warnedGroups.add(group);
      log.warn(`warning: ${reason}; skipping its objects (listed at the end), applying the rest.`);
    }
    result.skipped.push({ object, reason });
  };

  for (const object of options.objects) {
    if (options.signal?.aborted)
      throw new ApplyError(
        `interrupted after ${result.applied.length} objects; those stay applied`,
      );
    const ref = describeObject(object);
    const optional = OPTIONAL_GROUPS[apiGroup(object.apiVersion)];
    let resource: V1APIResource | undefined;
    try {
      resource = await api.servedResource(object.apiVersion, object.kind);
    } catch (error) {
      throw new ApplyError(
        describeApiError(error, cluster, `look up ${object.apiVersion} ${object.kind}`),
      );
    }
    if (!resource) {
      if (optional) {
        skip(object, optional);
        continue;
      }
      throw new ApplyError(
        `cannot apply ${ref}: this cluster does not serve ${object.kind} in ${object.apiVersion}${REQUIRED_OPERATORS[apiGroup(object.apiVersion)] ?? ''}`,
      );
    }
    if (resource.namespaced) {
      const own = object.metadata.namespace;
      if (own !== undefined && own !== namespace)
        throw new ApplyError(
          `refusing to apply ${ref}: it is in namespace ${own}, not ${namespace}`,
        );
      object.metadata.namespace = namespace;
    }
    try {
      const stored = await api.serverSideApply(object);
      result.applied.push({ object, stored });
      log.info(`  applied ${ref}`);
    } catch (error) {
      // The CRD went away between discovery and the request.
      if (optional && httpStatusOf(error) === 404) {
        skip(object, optional);
        continue;
      }
      throw new ApplyError(describeApiError(error, cluster, `apply ${ref}`));
    }
  }
  return result;
}
