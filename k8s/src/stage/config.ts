import { z } from 'zod';

/**
 * What the staging CLI reads from the environment; the only stage module that reads `process.env`.
 * The Kubernetes client itself also reads KUBECONFIG, HOME and the in-cluster variables.
 */
const envSchema = z.object({
  /** The image tag to deploy when `--tag` is not given (CI sets it); unset: `git rev-parse`. */
  STAGE_IMAGE_TAG: z.string().min(1).optional(),
  /** kubeconfig files, separated like PATH; unset: ~/.kube/config, then in-cluster. */
  KUBECONFIG: z.string().optional(),
  HOME: z.string().optional(),
});

export interface StageEnv {
  imageTag: string | undefined;
  kubeconfig: string | undefined;
  home: string | undefined;
}

export function readStageEnv(env: NodeJS.ProcessEnv = process.env): StageEnv {
  const parsed = envSchema.parse({
    STAGE_IMAGE_TAG: env.STAGE_IMAGE_TAG || undefined,
    KUBECONFIG: env.KUBECONFIG,
    HOME: env.HOME || undefined,
  });
  return { imageTag: parsed.STAGE_IMAGE_TAG, kubeconfig: parsed.KUBECONFIG, home: parsed.HOME };
}
