import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { describeObject } from '../manifests/kube-object.ts';
import type { StageObjectApi } from './apply.ts';
import { describeApiError, httpStatusOf, type Cluster } from './cluster.ts';
import { STAGE_LABEL } from './objects.ts';
import type { StageLog } from './stage-log.ts';

export interface KindRef {
  apiVersion: string;
  kind: string;
}

/** Cluster-scoped kinds a stage may create, searched by label even if today's manifests lack them. */
export const CLUSTER_SCOPED_KINDS: readonly KindRef[] = [
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' },
];

const namespaceSchema = z.object({
  metadata: z.object({ labels: z.record(z.string(), z.string()).optional() }),
  status: z
    .object({
      phase: z.string().optional(),
      conditions: z
        .array(z.object({ type: z.string(), status: z.string(), message: z.string().optional() }))
        .optional(),
    })
    .optional(),
});
const listedSchema = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.object({ name: z.string() }),
});

export type DeleteOutcome = { ok: true } | { ok: false; problem: string };

class DeleteError extends Error {}

/**
 * Removes a stage: the cluster-scoped objects labelled `classpulse.dev/stage=<name>`, then the
 * namespace (the API deletes everything in it), waiting until the namespace is gone. A stage that
 * does not exist is not an error. A namespace `stage-<name>` without the stage label is left alone.
 */
export async function deleteStage(options: {
  api: StageObjectApi;
  cluster: Cluster;
  name: string;
  namespace: string;
  /** Kinds to search besides CLUSTER_SCOPED_KINDS (those of the synthesized objects). */
  kinds: readonly KindRef[];
  timeoutMs: number;
  log: StageLog;
  signal?: AbortSignal;
  pollMs?: number;
}): Promise<DeleteOutcome> {
  const { api, cluster, name, namespace, log } = options;
  const namespaceRef = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } };
  const call = async <T>(doing: string, request: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await request();
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw new DeleteError(describeApiError(error, cluster, doing));
    }
  };

  try {
    const existing = await call(`read namespace ${namespace}`, () => api.read(namespaceRef));
    if (existing) {
      const labels = namespaceSchema.safeParse(existing).data?.metadata.labels ?? {};
      if (labels[STAGE_LABEL] !== name)
        return {
          ok: false,
          problem: `namespace ${namespace} exists but was not created by \`npm run stage\` (it has no ${STAGE_LABEL}=${name} label); leaving it alone`,
        };
    }

    let removed = 0;
    const seen = new Set<string>();
    for (const { apiVersion, kind } of [...CLUSTER_SCOPED_KINDS, ...options.kinds]) {
      if (seen.has(`${apiVersion} ${kind}`)) continue;
      seen.add(`${apiVersion} ${kind}`);
      const resource = await call(`look up ${apiVersion} ${kind}`, () =>
        api.servedResource(apiVersion, kind),
      );
      if (!resource || resource.namespaced) continue;
      const list = await call(`list ${kind} objects labelled ${STAGE_LABEL}=${name}`, () =>
        api.list(
          apiVersion,
          kind,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          `${STAGE_LABEL}=${name}`,
        ),
      );
      for (const item of list?.items ?? []) {
        const listed = listedSchema.parse(item);
        const ref = describeObject({ kind, metadata: listed.metadata });
        await call(`delete ${ref}`, () =>
          api.delete({ apiVersion, kind, metadata: { name: listed.metadata.name } }),
        );
        log.info(`  deleted ${ref}`);
        removed++;
      }
    }

    if (!existing) {
      log.info(
        removed > 0
          ? `Stage ${name} has no namespace ${namespace}; removed ${removed} leftover cluster-scoped object${removed === 1 ? '' : 's'}.`
          : `Stage ${name} does not exist (no namespace ${namespace}); nothing to delete.`,
      );
      return { ok: true };
    }

    await call(`delete namespace ${namespace}`, () => api.delete(namespaceRef));
    log.info(`Deleting namespace ${namespace} and everything in it…`);
    const started = Date.now();
    const deadline = started + options.timeoutMs;
    let last: z.infer<typeof namespaceSchema> | undefined;
    for (;;) {
      const current = await call(`read namespace ${namespace}`, () => api.read(namespaceRef));
      if (!current) break;
      last = namespaceSchema.safeParse(current).data;
      if (Date.now() >= deadline) {
        const pending = (last?.status?.conditions ?? [])
          .filter((c) => c.status === 'True' && c.message)
          .map((c) => `${c.type}: ${c.message}`);
        return {
          ok: false,
          problem: `namespace ${namespace} is still ${last?.status?.phase ?? 'there'} after ${Math.round(options.timeoutMs / 1000)}s${pending.length > 0 ? ` (${pending.join('; ')})` : ''}; \`kubectl get namespace ${namespace} -o yaml\` shows what it waits for`,
        };
      }
      try {
        await delay(options.pollMs ?? 1000, undefined, { signal: options.signal });
      } catch {
        return { ok: false, problem: 'interrupted while waiting for the namespace to go' };
      }
    }
    log.info(`Stage ${name} deleted in ${Math.round((Date.now() - started) / 1000)}s.`);
    return { ok: true };
  } catch (error) {
    if (error instanceof DeleteError) return { ok: false, problem: error.message };
    throw error;
  }
}
