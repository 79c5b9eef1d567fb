import { PART_OF, PART_OF_LABEL } from '../manifests/labels.ts';
import type { KubeObject } from '../manifests/synthesize.ts';

/** The objects a stage applies (as synthesized), and the labels that mark them as the stage's. */
export type { KubeObject };

export const STAGE_LABEL = 'classpulse.dev/stage';
export const FIELD_MANAGER = 'classpulse-stage';

export const stageNamespace = (name: string) => `stage-${name}`;

/** `apps` for `apps/v1`, `` (core) for `v1`. */
export const apiGroup = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';

/** A copy with the stage's labels added (the synthesized object is left as it is). */
export function withStageLabels(object: KubeObject, stage: string): KubeObject {
  const copy = structuredClone(object);
  copy.metadata.labels = {
    ...copy.metadata.labels,
    [PART_OF_LABEL]: PART_OF,
    [STAGE_LABEL]: stage,
  };
  return copy;
}

export const isNamespace = (o: Pick<KubeObject, 'apiVersion' | 'kind'>) =>
  o.apiVersion === 'v1' && o.kind === 'Namespace';

/** Namespace objects first, everything else in the order given. */
export function inApplyOrder(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects.filter(isNamespace), ...objects.filter((o) => !isNamespace(o))];
}
