import { setTimeout as delay } from 'node:timers/promises';
import { Watch } from '@kubernetes/client-node';
import { z } from 'zod';
import type { StageObjectApi } from './apply.ts';
import { describeApiError, httpStatusOf, type Cluster } from './cluster.ts';
import { podHints } from './pod-hints.ts';
import type { StageLog } from './stage-log.ts';

export type WorkloadKind = 'Deployment' | 'StatefulSet';
export interface WorkloadRef {
  kind: WorkloadKind;
  name: string;
}

export type RolloutOutcome =
  | { ok: true; seconds: number }
  | { ok: false; reason: 'timeout' | 'failed' | 'aborted' | 'error'; problems: string[] };

const PLURALS: Record<WorkloadKind, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
};

const conditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
const workloadSchema = z.object({
  metadata: z.object({ name: z.string(), generation: z.number().optional() }),
  spec: z
    .object({
      replicas: z.number().optional(),
      selector: z.object({ matchLabels: z.record(z.string(), z.string()).optional() }).optional(),
      updateStrategy: z.object({ type: z.string().optional() }).optional(),
    })
    .optional(),
  status: z
    .object({
      observedGeneration: z.number().optional(),
      replicas: z.number().optional(),
      updatedReplicas: z.number().optional(),
      readyReplicas: z.number().optional(),
      availableReplicas: z.number().optional(),
      currentRevision: z.string().optional(),
      updateRevision: z.string().optional(),
      conditions: z.array(conditionSchema).optional(),
    })
    .optional(),
});
type Workload = z.infer<typeof workloadSchema>;

interface Progress {
  state: 'waiting' | 'ready' | 'failed';
  /** What it waits for, or how it ended. */
  message: string;
}

/** Where a Deployment's rollout stands, as `kubectl rollout status` judges it. */
export function deploymentProgress(workload: Workload): Progress {
  const { metadata, spec, status = {} } = workload;
  const replicas = spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if ((status.observedGeneration ?? 0) < (metadata.generation ?? 1))
    return { state: 'waiting', message: 'waiting for the controller to see the new spec' };
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return {
      state: 'failed',
      message: `exceeded its progress deadline: ${progressing.message ?? ''}`,
    };
  if (updated < replicas)
    return { state: 'waiting', message: `${updated} of ${replicas} new replicas updated` };
  if ((status.replicas ?? 0) > updated)
    return {
      state: 'waiting',
      message: `${(status.replicas ?? 0) - updated} old replicas pending termination`,
    };
  if (available < replicas)
    return { state: 'waiting', message: `${available} of ${replicas} updated replicas available` };
  return { state: 'ready', message: `${available}/${replicas} available` };
}

/** Where a StatefulSet's rollout stands, as `kubectl rollout status` judges it. */
export function statefulSetProgress(workload: Workload): Progress {
  const { metadata, spec, status = {} } = workload;
  const replicas = spec?.replicas ?? 1;
  const ready = status.readyReplicas ?? 0;
  if ((status.observedGeneration ?? 0) < (metadata.generation ?? 1))
    return { state: 'waiting', message: 'waiting for the controller to see the new spec' };
  if (ready < replicas)
    return { state: 'waiting', message: `${ready} of ${replicas} pods up and passing readiness` };
  if (spec?.updateStrategy?.type !== 'OnDelete' && status.updateRevision !== status.currentRevision)
    return {
      state: 'waiting',
      message: `${status.updatedReplicas ?? 0} of ${replicas} pods on the new revision`,
    };
  if (status.availableReplicas !== undefined && status.availableReplicas < replicas)
    return { state: 'waiting', message: `${status.availableReplicas} of ${replicas} available` };
  return { state: 'ready', message: `${ready}/${replicas} available` };
}

const progressOf = (kind: WorkloadKind, workload: Workload) =>
  kind === 'Deployment' ? deploymentProgress(workload) : statefulSetProgress(workload);

/** Conditions that are not as they should be, for the timeout report. */
const badConditions = (workload: Workload | undefined) =>
  (workload?.status?.conditions ?? [])
    .filter((c) => c.status !== 'True' || c.reason === 'ProgressDeadlineExceeded')
    .map(
      (c) =>
        `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`,
    );

interface Tracked {
  ref: WorkloadRef;
  progress: Progress;
  last: Workload | undefined;
}

/**
 * Waits until every workload has rolled out: lists each kind in the namespace, then watches it from
 * the list's resourceVersion, listing again whenever a watch ends. Prints a line whenever a
 * workload's progress changes. On timeout, names each workload still waiting with its conditions
 * and what its pods are stuck on.
 */
export async function waitForRollouts(options: {
  api: StageObjectApi;
  cluster: Cluster;
  namespace: string;
  workloads: readonly WorkloadRef[];
  timeoutMs: number;
  log: StageLog;
  signal?: AbortSignal;
  /** Pause before listing again after a watch ends or a list fails. */
  retryMs?: number;
}): Promise<RolloutOutcome> {
  const { api, cluster, namespace, log } = options;
  const started = Date.now();
  const retryMs = options.retryMs ?? 1000;
  const tracked = new Map<string, Tracked>(
    options.workloads.map((ref) => [
      `${ref.kind}/${ref.name}`,
      { ref, progress: { state: 'waiting', message: 'not seen yet' }, last: undefined },
    ]),
  );
  if (tracked.size === 0) return { ok: true, seconds: 0 };
  if (options.signal?.aborted) return { ok: false, reason: 'aborted', problems: ['interrupted'] };

  const stop = new AbortController();
  const watches = new Set<AbortController>();
  let settle!: (outcome: RolloutOutcome) => void;
  const settled = new Promise<RolloutOutcome>((resolve) => (settle = resolve));
  let finished = false;
  const finish = (outcome: RolloutOutcome) => {
    if (finished) return;
    finished = true;
    stop.abort();
    for (const controller of watches) controller.abort();
    settle(outcome);
  };

  const checkDone = () => {
    const states = [...tracked.values()].map((t) => t.progress.state);
    if (states.every((s) => s !== 'waiting')) {
      const failed = [...tracked.values()].filter((t) => t.progress.state === 'failed');
      if (failed.length === 0)
        finish({ ok: true, seconds: Math.round((Date.now() - started) / 1000) });
      else
        finish({
          ok: false,
          reason: 'failed',
          problems: failed.map((t) => `${t.ref.kind}/${t.ref.name}: ${t.progress.message}`),
        });
    }
  };

  const update = (kind: WorkloadKind, raw: unknown, deleted = false) => {
    const parsed = workloadSchema.safeParse(raw);
    if (!parsed.success) return;
    const entry = tracked.get(`${kind}/${parsed.data.metadata.name}`);
    if (!entry) return;
    const progress: Progress = deleted
      ? { state: 'waiting', message: 'deleted; waiting for it to come back' }
      : progressOf(kind, parsed.data);
    entry.last = parsed.data;
    if (progress.state === entry.progress.state && progress.message === entry.progress.message)
      return;
    entry.progress = progress;
    const ref = `${kind}/${entry.ref.name}`;
    if (progress.state === 'ready') log.info(`  ${ref} rolled out (${progress.message})`);
    else if (progress.state === 'failed') log.info(`  ${ref} failed: ${progress.message}`);
    else log.info(`  ${ref}: ${progress.message}`);
    checkDone();
  };

  let lastTransient = '';
  const transient = (error: unknown) => {
    const line = describeApiError(error, cluster, `follow the rollouts in ${namespace}`);
    if (line !== lastTransient) log.warn(`warning: ${line}; retrying`);
    lastTransient = line;
  };

  const follow = async (kind: WorkloadKind) => {
    const path = `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}`;
    const watch = new Watch(cluster.kubeConfig);
    while (!finished) {
      let resourceVersion: string | undefined;
      try {
        const list = await api.list('apps/v1', kind, namespace);
        for (const item of list.items) update(kind, item);
        resourceVersion = list.metadata?.resourceVersion;
      } catch (error) {
        const status = httpStatusOf(error);
        if (status === 401 || status === 403) {
          finish({
            ok: false,
            reason: 'error',
            problems: [describeApiError(error, cluster, `list ${PLURALS[kind]} in ${namespace}`)],
          });
          return;
        }
        transient(error);
        await delay(retryMs, undefined, { signal: stop.signal }).catch(() => undefined);
        continue;
      }
      if (finished) return;
      await new Promise<void>((resolve) => {
        let current: AbortController | undefined;
        watch
          .watch(
            path,
            { resourceVersion, allowWatchBookmarks: true },
            (type: string, object: unknown) => {
              if (type === 'ADDED' || type === 'MODIFIED') update(kind, object);
              else if (type === 'DELETED') update(kind, object, true);
              // ERROR (410 Gone: the resourceVersion is too old): list again.
              else if (type === 'ERROR') current?.abort();
            },
            (error: unknown) => {
              if (error && !finished && !(error instanceof Error && error.name === 'AbortError'))
                transient(error);
              resolve();
            },
          )
          .then((controller) => {
            current = controller;
            watches.add(controller);
            if (finished) controller.abort();
          })
          .catch((error: unknown) => {
            transient(error);
            resolve();
          });
      });
      if (!finished)
        await delay(retryMs, undefined, { signal: stop.signal }).catch(() => undefined);
    }
  };

  log.info(
    `Waiting for ${tracked.size} rollout${tracked.size === 1 ? '' : 's'} (up to ${Math.round(options.timeoutMs / 1000)}s):`,
  );
  const timer = setTimeout(
    () => finish({ ok: false, reason: 'timeout', problems: [] }),
    options.timeoutMs,
  );
  const onAbort = () => finish({ ok: false, reason: 'aborted', problems: ['interrupted'] });
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const kinds = [...new Set(options.workloads.map((w) => w.kind))];
  const followers = kinds.map((kind) => follow(kind));

  const outcome = await settled;
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onAbort);
  await Promise.allSettled(followers);
  if (outcome.ok || outcome.reason !== 'timeout') return outcome;

  const problems: string[] = [];
  for (const entry of tracked.values()) {
    if (entry.progress.state === 'ready') continue;
    problems.push(`${entry.ref.kind}/${entry.ref.name}: ${entry.progress.message}`);
    for (const condition of badConditions(entry.last)) problems.push(`    ${condition}`);
    const selector = entry.last?.spec?.selector?.matchLabels;
    if (selector)
      for (const hint of await podHints(api, namespace, selector)) problems.push(`    ${hint}`);
  }
  return { ok: false, reason: 'timeout', problems };
}
