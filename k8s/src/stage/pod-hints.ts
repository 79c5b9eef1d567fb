import { z } from 'zod';
import type { StageObjectApi } from './apply.ts';

const containerStatusSchema = z.object({
  name: z.string(),
  restartCount: z.number().optional(),
  state: z
    .object({
      waiting: z
        .object({ reason: z.string().optional(), message: z.string().optional() })
        .optional(),
    })
    .optional(),
  lastState: z
    .object({
      terminated: z
        .object({ reason: z.string().optional(), exitCode: z.number().optional() })
        .optional(),
    })
    .optional(),
});
const podSchema = z.object({
  metadata: z.object({ name: z.string() }),
  status: z
    .object({
      conditions: z
        .array(
          z.object({
            type: z.string(),
            status: z.string(),
            reason: z.string().optional(),
            message: z.string().optional(),
          }),
        )
        .optional(),
      initContainerStatuses: z.array(containerStatusSchema).optional(),
      containerStatuses: z.array(containerStatusSchema).optional(),
    })
    .optional(),
});

/** Waiting reasons that are just a container starting up. */
const NORMAL_WAITING = new Set(['ContainerCreating', 'PodInitializing']);
const MAX_PODS = 3;

/**
 * What the pods behind a stuck workload are waiting on (ImagePullBackOff, CrashLoopBackOff, no
 * node to run on), as lines for the timeout report. Best effort: an error yields no hints.
 */
export async function podHints(
  api: StageObjectApi,
  namespace: string,
  matchLabels: Record<string, string>,
): Promise<string[]> {
  const selector = Object.entries(matchLabels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  let items: unknown[];
  try {
    ({ items } = await api.list(
      'v1',
      'Pod',
      namespace,
      undefined,
      undefined,
      undefined,
      undefined,
      selector,
    ));
  } catch {
    return [];
  }
  const hints: string[] = [];
  for (const item of items.slice(0, MAX_PODS)) {
    const pod = podSchema.safeParse(item);
    if (!pod.success) continue;
    const { name } = pod.data.metadata;
    const status = pod.data.status ?? {};
    const unscheduled = status.conditions?.find(
      (c) => c.type === 'PodScheduled' && c.status === 'False',
    );
    if (unscheduled)
      hints.push(`pod ${name}: not scheduled: ${unscheduled.message ?? unscheduled.reason ?? ''}`);
    for (const container of [
      ...(status.initContainerStatuses ?? []),
      ...(status.containerStatuses ?? []),
    ]) {
      const waiting = container.state?.waiting;
      if (waiting?.reason && !NORMAL_WAITING.has(waiting.reason)) {
        const last = container.lastState?.terminated;
        const exit = last
          ? `; last exit: ${last.reason ?? 'code'} ${last.exitCode ?? ''}`.trimEnd()
          : '';
        hints.push(
          `pod ${name}: container ${container.name}: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}${exit}`,
        );
      }
    }
  }
  if (items.length > MAX_PODS) hints.push(`(and ${items.length - MAX_PODS} more pods)`);
  return hints;
}
