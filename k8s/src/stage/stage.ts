import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  synthesize as synthesizeStack,
  toYaml as stackYaml,
  validateObjects as validateStack,
  type StackOptionsInput,
} from '../manifests/synthesize.ts';
import { describeObject } from '../manifests/kube-object.ts';
import { USAGE, defaultHost, parseStageArgs, type StageArgs } from './args.ts';
import {
  ApplyError,
  applyObjects,
  assertNamespaceWritable,
  type ApplyResult,
  stageObjectApi,
  type StageObjectApi,
} from './apply.ts';
import { NoClusterError, loadKubeConfig, selectCluster, type Cluster } from './cluster.ts';
import { readStageEnv, type StageEnv } from './config.ts';
import { deleteStage } from './delete.ts';
import {
  inApplyOrder,
  isNamespace,
  stageNamespace,
  withStageLabels,
  type KubeObject,
} from './objects.ts';
import { waitForRollouts, type WorkloadKind } from './rollout.ts';
import type { StageLog } from './stage-log.ts';
import { ensureStageSecrets, setupLinkCommand } from './stage-secrets.ts';
import { formatUrls, stageUrls } from './urls.ts';

export interface StageDeps {
  log: StageLog;
  /** Unset: the real stack (src/manifests); tests pass a variant where they need a shape. */
  synthesize?: (options: StackOptionsInput) => KubeObject[];
  /** Throws naming the first invalid object; unset: the manifests' schema validation. */
  validateObjects?: (objects: readonly KubeObject[]) => void;
  /** The `--dry-run` output; unset: the manifests' multi-document YAML. */
  toYaml?: (objects: readonly KubeObject[]) => string;
  /** A loaded kubeconfig (tests); unset: loaded from KUBECONFIG, ~/.kube/config or in-cluster. */
  kubeConfig?: KubeConfig;
  env?: StageEnv;
  /** The image tag when neither --tag nor STAGE_IMAGE_TAG gives one; unset: the repo's HEAD. */
  headImageTag?: () => string | undefined;
  /** Aborts waiting (Ctrl-C). */
  signal?: AbortSignal;
  /** How often waits poll or retry (tests shorten it). */
  pollMs?: number;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** `git rev-parse --short HEAD` of this repository, or undefined outside a git checkout. */
export function gitHeadTag(): string | undefined {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() || undefined : undefined;
}

/**
 * `npm run stage -- <name> [options]`: synthesizes the manifests for namespace `stage-<name>`,
 * server-side applies them, waits for the rollouts and prints the URLs; `--delete` removes the
 * stage. Returns the exit code: 0 done, 1 failed, 2 bad arguments.
 */
export async function runStage(argv: readonly string[], deps: StageDeps): Promise<number> {
  const { log } = deps;
  const parsed = parseStageArgs(argv);
  if (parsed.kind === 'help') {
    log.info(USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === 'invalid') {
    log.error(`error: ${parsed.problem}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const args = parsed.args;
  const env = deps.env ?? readStageEnv();
  const namespace = stageNamespace(args.name);

  if (args.delete) return remove(args, deps, env, namespace);

  const imageTag = args.tag ?? env.imageTag ?? (deps.headImageTag ?? gitHeadTag)();
  if (!imageTag) {
    log.error(
      `error: no image tag: pass --tag <tag> or set STAGE_IMAGE_TAG (git rev-parse found no commit)\n\n${USAGE}`,
    );
    return EXIT_USAGE;
  }
  const host = args.host ?? defaultHost(args.name);
  let objects: KubeObject[];
  try {
    const synthesized = (deps.synthesize ?? synthesizeStack)({
      namespace,
      imageTag,
      host,
      ...(args.registry !== undefined && { imageRegistry: args.registry }),
    });
    (deps.validateObjects ?? validateStack)(synthesized);
    objects = inApplyOrder(synthesized).map((o) => withStageLabels(o, args.name));
  } catch (error) {
    log.error(
      `error: cannot synthesize the manifests: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_FAILED;
  }

  if (args.dryRun) {
    log.info((deps.toYaml ?? stackYaml)(objects).trimEnd());
    return EXIT_OK;
  }

  const cluster = connect(args, deps, env);
  if (!cluster) return EXIT_FAILED;
  const api = stageObjectApi(cluster.kubeConfig);
  log.info(
    `Staging ${args.name} (image tag ${imageTag}) into namespace ${namespace}, context "${cluster.context}" (${cluster.server}):`,
  );

  let result: ApplyResult;
  try {
    await assertNamespaceWritable(api, cluster, namespace);
    const apply = (some: KubeObject[]) =>
      applyObjects({
        api,
        cluster,
        namespace,
        objects: some,
        log,
        ...(deps.signal && { signal: deps.signal }),
      });
    // The namespace, then the Secrets the workloads read, then everything else.
    const first = await apply(objects.filter(isNamespace));
    await ensureStageSecrets({ api, cluster, namespace, stage: args.name, log });
    const second = await apply(objects.filter((o) => !isNamespace(o)));
    result = {
      applied: [...first.applied, ...second.applied],
      skipped: [...first.skipped, ...second.skipped],
    };
  } catch (error) {
    if (!(error instanceof ApplyError)) throw error;
    log.error(`error: ${error.message}`);
    return EXIT_FAILED;
  }

  const workloads = result.applied
    .filter(
      ({ object }) =>
        object.apiVersion === 'apps/v1' && ['Deployment', 'StatefulSet'].includes(object.kind),
    )
    .map(({ object }) => ({ kind: object.kind as WorkloadKind, name: object.metadata.name }));
  const rollout = await waitForRollouts({
    api,
    cluster,
    namespace,
    workloads,
    timeoutMs: args.timeoutSeconds * 1000,
    log,
    ...(deps.signal && { signal: deps.signal }),
    ...(deps.pollMs !== undefined && { retryMs: deps.pollMs }),
  });
  if (!rollout.ok) {
    const what =
      rollout.reason === 'timeout'
        ? `the rollout did not finish within ${args.timeoutSeconds}s; not ready:`
        : rollout.reason === 'failed'
          ? 'the rollout failed:'
          : 'stopped waiting for the rollout:';
    log.error([`error: ${what}`, ...rollout.problems.map((p) => `  ${p}`)].join('\n'));
    log.error(
      `The objects stay applied: \`kubectl -n ${namespace} get pods\` to look closer, \`npm run stage -- ${args.name} --delete\` to remove them.`,
    );
    return EXIT_FAILED;
  }

  const stored = await withIngressStatus(
    api,
    result.applied.map((a) => a.stored),
  );
  log.info(`Stage ${args.name} is up (rolled out in ${rollout.seconds}s):`);
  for (const line of formatUrls(
    stageUrls({ namespace, objects: stored, skipped: result.skipped.map((s) => s.object) }),
  ))
    log.info(line);
  if (result.skipped.length > 0) {
    const reasons = [...new Set(result.skipped.map((s) => s.reason))];
    for (const reason of reasons)
      log.warn(
        `Skipped because ${reason}: ${result.skipped
          .filter((s) => s.reason === reason)
          .map((s) => describeObject(s.object))
          .join(', ')}`,
      );
  }
  log.info(`First admin's setup link: ${setupLinkCommand(namespace, `https://${host}`)}`);
  log.info(`Remove it with: npm run stage -- ${args.name} --delete`);
  return EXIT_OK;
}

function connect(args: StageArgs, deps: StageDeps, env: StageEnv): Cluster | undefined {
  try {
    const { kubeConfig, source } = deps.kubeConfig
      ? { kubeConfig: deps.kubeConfig, source: 'the kubeconfig given' }
      : loadKubeConfig(env);
    return selectCluster(kubeConfig, source, args.context);
  } catch (error) {
    if (!(error instanceof NoClusterError)) throw error;
    deps.log.error(`error: ${error.message}`);
    return undefined;
  }
}

/** The stored objects, with each Ingress read again for the address its controller assigned. */
async function withIngressStatus(
  api: StageObjectApi,
  stored: readonly unknown[],
): Promise<unknown[]> {
  return Promise.all(
    stored.map(async (object) => {
      const o = object as {
        apiVersion?: string;
        kind?: string;
        metadata?: { name?: string; namespace?: string };
      };
      if (o.kind !== 'Ingress' || !o.apiVersion || !o.metadata?.name) return object;
      try {
        return await api.read({
          apiVersion: o.apiVersion,
          kind: o.kind,
          metadata: {
            name: o.metadata.name,
            ...(o.metadata.namespace && { namespace: o.metadata.namespace }),
          },
        });
      } catch {
        return object;
      }
    }),
  );
}

async function remove(
  args: StageArgs,
  deps: StageDeps,
  env: StageEnv,
  namespace: string,
): Promise<number> {
  const { log } = deps;
  // The synthesized objects say which cluster-scoped kinds a stage has; the tag does not matter.
  let kinds: { apiVersion: string; kind: string }[] = [];
  try {
    kinds = (deps.synthesize ?? synthesizeStack)({
      namespace,
      imageTag: args.tag ?? 'delete',
      host: args.host ?? defaultHost(args.name),
    })
      .filter((o) => o.metadata.namespace === undefined && o.kind !== 'Namespace')
      .map(({ apiVersion, kind }) => ({ apiVersion, kind }));
  } catch {
    // Deleting must not depend on the manifests building; the usual cluster-scoped kinds remain.
  }
  const cluster = connect(args, deps, env);
  if (!cluster) return EXIT_FAILED;
  log.info(
    `Deleting stage ${args.name} (namespace ${namespace}) on context "${cluster.context}" (${cluster.server}):`,
  );
  const outcome = await deleteStage({
    api: stageObjectApi(cluster.kubeConfig),
    cluster,
    name: args.name,
    namespace,
    kinds,
    timeoutMs: args.timeoutSeconds * 1000,
    log,
    ...(deps.signal && { signal: deps.signal }),
    ...(deps.pollMs !== undefined && { pollMs: deps.pollMs }),
  });
  if (!outcome.ok) {
    log.error(`error: ${outcome.problem}`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
