import { randomBytes } from 'node:crypto';
import { SECRETS } from '../manifests/secrets.ts';
import { ApplyError, type StageObjectApi } from './apply.ts';
import { describeApiError, httpStatusOf, type Cluster } from './cluster.ts';
import { withStageLabels } from './objects.ts';
import type { StageLog } from './stage-log.ts';

const hex = (bytes: number) => () => randomBytes(bytes).toString('hex');

/**
 * The Secrets the stack reads but never creates (k8s/README.md, "Secrets to create"), generated
 * for a stage so that one command brings it up. Firebase mode stays off (its Secret is optional).
 * A stage never posts to Slack: its Alertmanager's webhook URL goes nowhere; create
 * `alertmanager-slack` in the namespace before staging to try the real one.
 */
const GENERATED: { name: string; values: Record<string, () => string> }[] = [
  { name: SECRETS.realtime.name, values: { [SECRETS.realtime.keys.tokenSecret]: hex(32) } },
  { name: SECRETS.web.name, values: { [SECRETS.web.keys.sessionSecret]: hex(32) } },
  { name: SECRETS.metrics.name, values: { [SECRETS.metrics.keys.pageTokenSecret]: hex(32) } },
  { name: SECRETS.redis.name, values: { [SECRETS.redis.keys.password]: hex(24) } },
  // A stage's backups go to the placeholder bucket with placeholder keys: they fail there, and
  // nothing leaves the cluster. Create `classpulse-db-backup` before staging to try real ones.
  {
    name: SECRETS.databaseBackup.name,
    values: {
      [SECRETS.databaseBackup.keys.accessKeyId]: () => 'stage-has-no-object-storage-access-key',
      [SECRETS.databaseBackup.keys.secretAccessKey]: hex(20),
    },
  },
  {
    name: SECRETS.alertmanagerSlack.name,
    values: {
      // The discard port: Alertmanager's sends fail there, and nothing leaves the cluster.
      [SECRETS.alertmanagerSlack.keys.url]: () =>
        'http://127.0.0.1:9/classpulse-stage-has-no-slack',
      [SECRETS.alertmanagerSlack.keys.deadmansSwitchToken]: hex(16),
    },
  },
];

/**
 * The command that prints a one-time link creating the stage's first admin (never run here: the
 * link would land in CI logs). It refuses once an admin exists.
 */
export const setupLinkCommand = (namespace: string, publicUrl: string) =>
  `kubectl -n ${namespace} exec deploy/web -c web -- node src/cli/setup-link.ts ${publicUrl}`;

/**
 * Creates each Secret the namespace lacks, with random values; Secrets already there (an earlier
 * run, or made by hand) are left exactly as they are.
 */
export async function ensureStageSecrets(options: {
  api: StageObjectApi;
  cluster: Cluster;
  namespace: string;
  stage: string;
  log: StageLog;
}): Promise<void> {
  const { api, cluster, namespace, log } = options;
  for (const { name, values } of GENERATED) {
    const ref = `Secret/${name}`;
    try {
      await api.read({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace } });
      continue;
    } catch (error) {
      if (httpStatusOf(error) !== 404)
        throw new ApplyError(describeApiError(error, cluster, `read ${ref}`));
    }
    const secret = withStageLabels(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace },
        type: 'Opaque',
        stringData: Object.fromEntries(Object.entries(values).map(([key, make]) => [key, make()])),
      },
      options.stage,
    );
    try {
      await api.serverSideApply(secret);
    } catch (error) {
      throw new ApplyError(describeApiError(error, cluster, `create ${ref}`));
    }
    log.info(`  generated ${ref}`);
  }
}
