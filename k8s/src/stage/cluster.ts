import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ApiException, KubeConfig } from '@kubernetes/client-node';
import { z } from 'zod';
import type { StageEnv } from './config.ts';

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** The cluster a stage goes to: a loaded kubeconfig whose context names a cluster with a server. */
export interface Cluster {
  kubeConfig: KubeConfig;
  context: string;
  server: string;
}

/** No usable cluster in the kubeconfig; raised before any request is made. */
export class NoClusterError extends Error {
  override name = 'NoClusterError';
}

const fixes = (looked: string) =>
  [
    `No Kubernetes cluster configured: ${looked}.`,
    '  To fix: point KUBECONFIG at your kubeconfig file (or put it at ~/.kube/config), then pick a',
    '  cluster with `kubectl config use-context <context>` or pass --context <context>.',
    '  Without a cluster, `npm run stage -- <name> --dry-run` prints the manifests.',
  ].join('\n');

/**
 * Loads the kubeconfig from where `KubeConfig.loadFromDefault()` looks (KUBECONFIG's files, else
 * ~/.kube/config, else the in-cluster service account), but with the environment passed in, and
 * without loadFromDefault's silent fallback to http://localhost:8080 when nothing is there.
 * Missing files in a KUBECONFIG list are skipped, as kubectl does.
 */
export function loadKubeConfig(env: StageEnv): { kubeConfig: KubeConfig; source: string } {
  const kubeConfig = new KubeConfig();
  const load = (file: string, into: KubeConfig) => {
    try {
      if (statSync(file).size === 0) throw new Error('the file is empty');
      into.loadFromFile(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new NoClusterError(fixes(`${file} is not a readable kubeconfig (${reason})`));
    }
  };
  if (env.kubeconfig) {
    const files = env.kubeconfig.split(delimiter).filter(Boolean);
    const present = files.filter((file) => existsSync(file));
    const source = `KUBECONFIG=${env.kubeconfig}`;
    if (present.length === 0)
      throw new NoClusterError(
        fixes(
          `${source}, but ${files.length > 1 ? 'none of these files exists' : 'that file does not exist'}`,
        ),
      );
    const [first, ...rest] = present;
    load(first!, kubeConfig);
    for (const file of rest) {
      const more = new KubeConfig();
      load(file, more);
      kubeConfig.mergeConfig(more);
    }
    return { kubeConfig, source };
  }
  const home = env.home ? join(env.home, '.kube', 'config') : undefined;
  if (home && existsSync(home)) {
    load(home, kubeConfig);
    return { kubeConfig, source: home };
  }
  if (existsSync(SERVICE_ACCOUNT_TOKEN)) {
    kubeConfig.loadFromCluster();
    return { kubeConfig, source: 'the in-cluster service account' };
  }
  throw new NoClusterError(
    fixes(
      `KUBECONFIG is not set, ${home ?? '~/.kube/config (HOME is not set)'} does not exist, and this is not a pod`,
    ),
  );
}

/** Picks the context (the current one unless `--context` names another) and checks it is usable. */
export function selectCluster(
  kubeConfig: KubeConfig,
  source: string,
  contextName: string | undefined,
): Cluster {
  const contexts = kubeConfig.getContexts().map((c) => c.name);
  const available = contexts.length > 0 ? ` (contexts there: ${contexts.join(', ')})` : '';
  if (contexts.length === 0) throw new NoClusterError(fixes(`${source} has no contexts`));
  if (contextName !== undefined) {
    if (!contexts.includes(contextName))
      throw new NoClusterError(fixes(`${source} has no context "${contextName}"${available}`));
    kubeConfig.setCurrentContext(contextName);
  }
  const context = kubeConfig.getCurrentContext();
  if (!context) throw new NoClusterError(fixes(`${source} has no current context${available}`));
  const contextObject = kubeConfig.getContextObject(context);
  if (!contextObject)
    throw new NoClusterError(
      fixes(`${source} names "${context}" as its current context, which it does not define`),
    );
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster?.server)
    throw new NoClusterError(
      fixes(
        `context "${context}" in ${source} names cluster "${contextObject.cluster}", which has no server there`,
      ),
    );
  return { kubeConfig, context, server: cluster.server };
}

const statusSchema = z.object({
  kind: z.literal('Status'),
  message: z.string().optional(),
  reason: z.string().optional(),
  code: z.number().optional(),
});

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
};

const TLS_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** The HTTP status of a failed API call, whichever client part raised it. */
export function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof ApiException) return error.code;
  if (error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number')
    return error.statusCode;
  return undefined;
}

/** The Kubernetes Status message of a failed call, if the API sent one. */
export function statusMessageOf(error: unknown): string | undefined {
  if (!(error instanceof ApiException)) return undefined;
  const body: unknown = typeof error.body === 'string' ? safeJson(error.body) : error.body;
  const status = statusSchema.safeParse(body);
  return status.success ? status.data.message : undefined;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** A network or TLS failure (the API was not reached), as opposed to an answer from it. */
export function isUnreachable(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && (code in NETWORK_ERRORS || TLS_ERRORS.has(code));
}

function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  if (error.cause instanceof Error) return errorCode(error.cause);
  return undefined;
}

/**
 * One line saying what went wrong talking to the cluster, for a person: unreachable, TLS, 401 and
 * 403 each get their own wording; never a stack trace. `doing` says what was attempted
 * ("apply Deployment/web").
 */
export function describeApiError(error: unknown, cluster: Cluster, doing: string): string {
  const code = errorCode(error);
  if (code !== undefined && code in NETWORK_ERRORS)
    return `cannot reach the Kubernetes API at ${cluster.server}: ${NETWORK_ERRORS[code]} (context "${cluster.context}"; is the cluster running? \`kubectl cluster-info\` checks)`;
  if (code !== undefined && TLS_ERRORS.has(code))
    return `cannot reach the Kubernetes API at ${cluster.server}: TLS failed (${code}); the server's certificate does not match the certificate authority in your kubeconfig`;
  const status = httpStatusOf(error);
  const message = statusMessageOf(error);
  switch (status) {
    case undefined:
      return `cannot ${doing}: ${firstLine(error)}`;
    case 401:
      return `the Kubernetes API at ${cluster.server} rejected the credentials of context "${cluster.context}" (401 Unauthorized): log in again or refresh the token`;
    case 403:
      return `cannot ${doing}: forbidden (403)${message ? `: ${message}` : ''}; your credentials in context "${cluster.context}" lack this permission`;
    default:
      return `cannot ${doing}: ${status}${message ? ` ${message}` : ` ${firstLine(error)}`}`;
  }
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
