import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { synthesize } from '../src/manifests/synthesize.ts';
import { STAGE_LABEL, inApplyOrder, withStageLabels } from '../src/stage/objects.ts';
import { runStage, type StageDeps } from '../src/stage/stage.ts';
import { KubeApiStandin, type StoredObject } from './support/kube-api-standin.ts';
import { runStageCli } from './support/stage-cli.ts';

const NAME = 'demo';
const NS = `stage-${NAME}`;
const HOST = `${NAME}.stage.classpulse.example`;
const TAG = 'abc1234';
/** A hung wait fails the test instead of the run. */
const TIMEOUT = { timeout: 30_000 };
const NO_ENV = { imageTag: undefined, kubeconfig: undefined, home: undefined };

/** What the stage should apply: the real stack for the namespace, labelled, in apply order. */
const expected = inApplyOrder(synthesize({ namespace: NS, imageTag: TAG, host: HOST })).map((o) =>
  withStageLabels(o, NAME),
);
const isMonitoring = (o: { apiVersion: string }) =>
  o.apiVersion.startsWith('monitoring.coreos.com/');
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);
const workloads = expected.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
/** The Secrets a stage generates when its namespace lacks them (src/stage/stage-secrets.ts). */
const GENERATED_SECRETS = [
  'classpulse-realtime',
  'classpulse-web',
  'classpulse-metrics',
  'classpulse-redis',
  'classpulse-db-backup',
  'alertmanager-slack',
];
const isGenerated = (o: StoredObject) =>
  o.kind === 'Secret' && GENERATED_SECRETS.includes(o.metadata.name);
const clusterRoleBinding = expected.find((o) => o.kind === 'ClusterRoleBinding')!;

let scratch: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'classpulse-stage-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The CLI's output, kept line by line, with a way to wait for a line. */
function captureLog() {
  const lines: { level: 'info' | 'warn' | 'error'; line: string }[] = [];
  const changed = new EventEmitter();
  const push = (level: 'info' | 'warn' | 'error') => (text: string) => {
    for (const line of text.split('\n')) lines.push({ level, line });
    changed.emit('line');
  };
  const text = (level?: 'info' | 'warn' | 'error') =>
    lines
      .filter((l) => level === undefined || l.level === level)
      .map((l) => l.line)
      .join('\n');
  const waitFor = async (pattern: RegExp) => {
    while (!pattern.test(text())) await once(changed, 'line');
  };
  return { log: { info: push('info'), warn: push('warn'), error: push('error') }, text, waitFor };
}

/** Runs `npm run stage -- <argv>` in this process against the stand-in (or `extra.kubeConfig`). */
function startStage(
  argv: string[],
  standin: KubeApiStandin | undefined,
  extra: Partial<StageDeps> = {},
) {
  const out = captureLog();
  let settled = false;
  const code = runStage(argv, {
    log: out.log,
    env: NO_ENV,
    pollMs: 20,
    headImageTag: () => TAG,
    ...(standin && { kubeConfig: standin.kubeConfig() }),
    ...extra,
  }).finally(() => (settled = true));
  return { out, code, settled: () => settled };
}

/** Every workload the stage applies becomes ready as soon as the CLI watches deployments. */
function readyOnWatch(standin: KubeApiStandin) {
  standin.events.on('watch', ({ plural }: { plural: string }) => {
    if (plural === 'deployments') standin.markReady(NS);
  });
}

async function withStandin(
  options: Parameters<typeof KubeApiStandin.start>[0],
  body: (standin: KubeApiStandin) => Promise<void>,
) {
  const standin = await KubeApiStandin.start(options);
  try {
    await body(standin);
  } finally {
    await standin.close();
  }
}

describe('npm run stage -- <name>', () => {
  it(
    'server-side applies every synthesized object, the namespace first, labelled, into stage-<name>',
    TIMEOUT,
    () =>
      withStandin({}, async (standin) => {
        standin.events.on('watch', ({ plural }: { plural: string }) => {
          if (plural !== 'deployments') return;
          // The ingress controller gives the Ingresses an address while the pods start.
          for (const name of ['web', 'realtime'])
            standin.setStatus('networking.k8s.io/v1', 'Ingress', NS, name, {
              loadBalancer: { ingress: [{ ip: '203.0.113.7' }] },
            });
          standin.markReady(NS);
        });
        const run = startStage([NAME, '--tag', TAG], standin);
        assert.equal(await run.code, 0, run.out.text());
        assert.match(
          run.out.text('info'),
          new RegExp(`Ingress address: +203\\.0\\.113\\.7 \\(DNS for ${HOST} must point there\\)`),
        );

        const applies = standin.applies();
        for (const request of applies) {
          assert.equal(request.contentType, 'application/apply-patch+yaml', request.path);
          assert.equal(request.query.fieldManager, 'classpulse-stage', request.path);
          assert.equal(request.query.force, 'true', request.path);
        }
        // The namespace, the Secrets the workloads need (generated), then the rest of the stack.
        assert.equal(applies[0]!.path, `/api/v1/namespaces/${NS}`);
        const generated = applies.slice(1, 1 + GENERATED_SECRETS.length);
        assert.deepEqual(
          generated.map((r) => r.path),
          GENERATED_SECRETS.map((name) => `/api/v1/namespaces/${NS}/secrets/${name}`),
        );
        for (const request of generated) {
          const secret = request.body as StoredObject & { stringData: Record<string, string> };
          assert.equal(secret.metadata.labels?.[STAGE_LABEL], NAME);
          assert.ok(Object.values(secret.stringData).every((value) => value.length >= 32));
        }
        const synthesized = [applies[0]!, ...applies.slice(1 + GENERATED_SECRETS.length)];
        assert.deepEqual(
          synthesized.map((r) => (r.body as StoredObject).kind),
          expected.map((o) => o.kind),
        );
        for (const [index, request] of synthesized.entries()) {
          const object = expected[index]!;
          const what = `${object.kind}/${object.metadata.name}`;
          // Exactly what was synthesized: client-node's own patch() would drop a NetworkPolicy
          // rule's `from` here (see StageObjectApi).
          assert.deepEqual(request.body, object, `the body of ${what} is the synthesized object`);
          const body = request.body as StoredObject;
          assert.equal(body.metadata.labels?.['app.kubernetes.io/part-of'], 'classpulse', what);
          assert.equal(body.metadata.labels?.[STAGE_LABEL], NAME, what);
          if (CLUSTER_SCOPED.has(body.kind)) assert.equal(body.metadata.namespace, undefined, what);
          else {
            assert.equal(body.metadata.namespace, NS, what);
            assert.match(request.path, new RegExp(`/namespaces/${NS}/`), what);
          }
          assert.ok(
            standin.get(body.apiVersion, body.kind, body.metadata.name, body.metadata.namespace),
            `${what} is stored`,
          );
        }
        assert.ok(standin.requests.every((r) => r.authorization === 'Bearer test-token'));
        assert.ok(standin.requests.every((r) => r.method === 'GET' || r.method === 'PATCH'));
      }),
  );

  it(
    'waits while a workload is not ready, then prints the URLs read from the Ingresses',
    TIMEOUT,
    () =>
      withStandin({}, async (standin) => {
        const run = startStage([NAME], standin);
        await standin.watchOpened('deployments');
        await standin.watchOpened('statefulsets');
        await run.out.waitFor(/Deployment\/web: 0 of 2 updated replicas available/);
        assert.equal(run.settled(), false);
        assert.doesNotMatch(run.out.text(), /rolled out|is up|Teacher/);

        standin.markReady(NS, 'web');
        await run.out.waitFor(/Deployment\/web rolled out \(2\/2 available\)/);
        assert.equal(run.settled(), false, 'the other workloads are still rolling out');
        assert.doesNotMatch(run.out.text(), /is up|Teacher/);
        assert.doesNotMatch(run.out.text(), /Deployment\/realtime rolled out/);

        standin.markReady(NS);
        assert.equal(await run.code, 0, run.out.text());
        const out = run.out.text('info');
        for (const workload of workloads)
          assert.match(out, new RegExp(`${workload.kind}/${workload.metadata.name} rolled out`));
        assert.match(out, /Stage demo is up/);
        assert.match(out, new RegExp(`App: +https://${HOST}/\n`));
        assert.match(out, new RegExp(`Teacher: +https://${HOST}/teacher\n`));
        assert.match(out, new RegExp(`Students: +https://${HOST}/join\n`));
        assert.match(out, new RegExp(`Realtime: +wss://${HOST}/socket.io/\n`));
        assert.match(
          out,
          /Prometheus: +kubectl -n stage-demo port-forward svc\/prometheus-operated 9090/,
        );
        assert.match(out, /Ingress address: +none yet/);
        assert.match(
          out,
          /First admin's setup link: kubectl -n stage-demo exec deploy\/web -c web -- node src\/cli\/setup-link\.ts https:\/\/\S+/,
        );
        assert.match(out, /npm run stage -- demo --delete/);
        assert.equal(run.out.text('error'), '');

        // It listed each kind once, then followed a watch from the list's resourceVersion.
        const base = `/apis/apps/v1/namespaces/${NS}`;
        const gets = standin.requests.filter((r) => r.method === 'GET' && r.path.startsWith(base));
        const watches = gets.filter((r) => r.query.watch === 'true');
        assert.deepEqual(watches.map((r) => r.path).sort(), [
          `${base}/deployments`,
          `${base}/statefulsets`,
        ]);
        assert.ok(watches.every((r) => Number(r.query.resourceVersion) > 0));
        assert.equal(gets.length - watches.length, 2, 'one list per kind, no polling');
      }),
  );

  it(
    'fails after --timeout naming the stuck workload, its conditions and what its pods wait on',
    TIMEOUT,
    () =>
      withStandin({}, async (standin) => {
        const web = workloads.find((o) => o.metadata.name === 'web')!;
        const selector = (web.spec as { selector: { matchLabels: Record<string, string> } })
          .selector;
        standin.put({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'web-7d9c-x2k4p', namespace: NS, labels: selector.matchLabels },
          status: {
            phase: 'Pending',
            containerStatuses: [
              {
                name: 'web',
                restartCount: 0,
                state: {
                  waiting: {
                    reason: 'ImagePullBackOff',
                    message: `Back-off pulling image "ghcr.io/classpulse/classpulse-web:${TAG}"`,
                  },
                },
              },
            ],
          },
        });
        standin.events.on('watch', ({ plural }: { plural: string }) => {
          if (plural !== 'deployments') return;
          for (const w of workloads)
            if (w.metadata.name !== 'web') standin.markReady(NS, w.metadata.name);
        });
        const run = startStage([NAME, '--timeout', '1'], standin);
        assert.equal(await run.code, 1);
        const error = run.out.text('error');
        assert.match(error, /the rollout did not finish within 1s; not ready:/);
        assert.match(error, /Deployment\/web: 0 of 2 updated replicas available/);
        assert.match(
          error,
          /Available=False MinimumReplicasUnavailable: Deployment does not have minimum availability\./,
        );
        assert.match(
          error,
          /pod web-7d9c-x2k4p: container web: ImagePullBackOff: Back-off pulling image "ghcr\.io\/classpulse\/classpulse-web:abc1234"/,
        );
        assert.doesNotMatch(error, /Deployment\/realtime/);
        assert.match(error, /The objects stay applied/);
        assert.doesNotMatch(run.out.text(), /Teacher/);
      }),
  );

  it(
    'without the Prometheus Operator: warns, applies the rest, succeeds and lists what it skipped',
    TIMEOUT,
    () =>
      withStandin({ monitoring: false }, async (standin) => {
        readyOnWatch(standin);
        const run = startStage([NAME], standin);
        assert.equal(await run.code, 0, run.out.text());
        const applied = standin
          .applies()
          .map((r) => r.body as StoredObject)
          .filter((o) => !isGenerated(o));
        assert.deepEqual(
          applied.map((o) => `${o.kind}/${o.metadata.name}`),
          expected.filter((o) => !isMonitoring(o)).map((o) => `${o.kind}/${o.metadata.name}`),
        );
        assert.ok(standin.applies().every((r) => !r.path.includes('monitoring.coreos.com')));
        const warnings = run.out.text('warn');
        assert.equal(warnings.match(/Prometheus Operator is not installed/g)?.length, 2, warnings);
        const skipped = expected.filter(isMonitoring).map((o) => `${o.kind}/${o.metadata.name}`);
        assert.ok(skipped.length >= 4);
        assert.match(warnings, new RegExp(`^Skipped because .*: ${skipped.join(', ')}$`, 'm'));
        assert.match(run.out.text('info'), /Prometheus: +not deployed \(the Prometheus Operator/);
        assert.match(run.out.text('info'), /Teacher: +https:\/\/demo\.stage\.classpulse\.example/);
      }),
  );

  it('keeps the Secrets a namespace already has; staging again changes no spec', TIMEOUT, () =>
    withStandin({}, async (standin) => {
      readyOnWatch(standin);
      standin.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
      standin.put({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'classpulse-web', namespace: NS },
        stringData: { 'session-secret': 'chosen-by-the-operator-chosen-by-the-operator' },
      });
      assert.equal(await startStage([NAME], standin).code, 0);
      assert.ok(standin.applies().every((r) => !r.path.endsWith('/secrets/classpulse-web')));
      const kept = standin.get('v1', 'Secret', 'classpulse-web', NS)!;
      assert.deepEqual(kept.stringData, {
        'session-secret': 'chosen-by-the-operator-chosen-by-the-operator',
      });
      const generations = () =>
        workloads.map(
          (w) => standin.get(w.apiVersion, w.kind, w.metadata.name, NS)!.metadata.generation,
        );
      const before = generations();

      const again = startStage([NAME], standin);
      assert.equal(await again.code, 0, again.out.text());
      assert.deepEqual(generations(), before, 'the same manifests change no spec');
      assert.doesNotMatch(again.out.text(), /generated Secret/);
    }),
  );

  it(
    'prints the labelled manifests as YAML with --dry-run, with no cluster configured',
    TIMEOUT,
    async () => {
      const run = startStage([NAME, '--dry-run'], undefined);
      assert.equal(await run.code, 0);
      const documents = parseAllDocuments(run.out.text('info')).map(
        (d) => d.toJS() as StoredObject,
      );
      assert.deepEqual(documents, expected);
      assert.equal(documents[0]!.kind, 'Namespace');
    },
  );
});

describe('npm run stage -- <name> --delete', () => {
  const seed = (standin: KubeApiStandin, stage = NAME) => {
    standin.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `stage-${stage}`, labels: { [STAGE_LABEL]: stage } },
    });
    standin.put({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: `stage-${stage}`, labels: { [STAGE_LABEL]: stage } },
      spec: { replicas: 1 },
    });
    for (const kind of ['ClusterRole', 'ClusterRoleBinding'])
      standin.put({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind,
        metadata: { name: `stage-${stage}-probes-read-nodes`, labels: { [STAGE_LABEL]: stage } },
      });
  };

  it(
    'deletes the labelled cluster-scoped objects and the namespace, and waits until it is gone',
    TIMEOUT,
    () =>
      withStandin({}, async (standin) => {
        seed(standin);
        seed(standin, 'other');
        const run = startStage([NAME, '--delete'], standin);
        assert.equal(await run.code, 0, run.out.text());
        const rbac = 'rbac.authorization.k8s.io/v1';
        assert.equal(standin.get('v1', 'Namespace', NS), undefined);
        assert.equal(standin.get('apps/v1', 'Deployment', 'web', NS), undefined);
        assert.equal(
          standin.get(rbac, 'ClusterRoleBinding', clusterRoleBinding.metadata.name),
          undefined,
        );
        assert.equal(standin.get(rbac, 'ClusterRole', clusterRoleBinding.metadata.name), undefined);
        assert.ok(standin.get('v1', 'Namespace', 'stage-other'), 'another stage stays');
        assert.ok(standin.get(rbac, 'ClusterRoleBinding', 'stage-other-probes-read-nodes'));
        const deletes = standin.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
        assert.deepEqual(deletes, [
          `/apis/${rbac}/clusterroles/stage-demo-probes-read-nodes`,
          `/apis/${rbac}/clusterrolebindings/stage-demo-probes-read-nodes`,
          `/api/v1/namespaces/${NS}`,
        ]);
        const labelled = standin.requests.filter((r) => r.query.labelSelector);
        assert.ok(labelled.every((r) => r.query.labelSelector === `${STAGE_LABEL}=demo`));
        const out = run.out.text('info');
        assert.match(out, /deleted ClusterRoleBinding\/stage-demo-probes-read-nodes/);
        assert.match(out, /Deleting namespace stage-demo/);
        assert.match(out, /Stage demo deleted/);
      }),
  );

  it('says so and exits 0 when the stage does not exist', TIMEOUT, () =>
    withStandin({}, async (standin) => {
      const run = startStage(['gone', '--delete'], standin);
      assert.equal(await run.code, 0);
      assert.match(
        run.out.text('info'),
        /Stage gone does not exist \(no namespace stage-gone\); nothing to delete\./,
      );
      assert.equal(standin.requests.filter((r) => r.method === 'DELETE').length, 0);
    }),
  );

  it('fails clearly when the namespace does not go within --timeout', TIMEOUT, () =>
    withStandin({ namespaceDeletionMs: 'never' }, async (standin) => {
      seed(standin);
      const run = startStage([NAME, '--delete', '--timeout', '1'], standin);
      assert.equal(await run.code, 1);
      assert.match(
        run.out.text('error'),
        /namespace stage-demo is still Terminating after 1s \(NamespaceContentRemaining: Some resources are remaining/,
      );
    }),
  );

  it('leaves alone a namespace stage-<name> it did not create', TIMEOUT, () =>
    withStandin({}, async (standin) => {
      standin.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
      const run = startStage([NAME, '--delete'], standin);
      assert.equal(await run.code, 1);
      assert.match(run.out.text('error'), /was not created by `npm run stage`.*leaving it alone/);
      assert.equal(standin.requests.filter((r) => r.method === 'DELETE').length, 0);
      assert.ok(standin.get('v1', 'Namespace', NS));
    }),
  );
});

describe('npm run stage: errors', () => {
  const noCluster = /^error: No Kubernetes cluster configured: /;
  const assertFixes = (error: string) => {
    assert.match(error, noCluster);
    assert.match(error, /kubectl config use-context <context>/);
    assert.match(error, /--dry-run/);
  };

  it('fails before any request when KUBECONFIG names a missing file', TIMEOUT, async () => {
    const kubeconfig = join(scratch, 'missing', 'config');
    const run = startStage([NAME], undefined, { env: { ...NO_ENV, kubeconfig } });
    assert.equal(await run.code, 1);
    assertFixes(run.out.text('error'));
    assert.match(
      run.out.text('error'),
      new RegExp(`KUBECONFIG=${kubeconfig}, but that file does not exist`),
    );
  });

  it(
    'fails before any request when the kubeconfig is empty, has no current context, or no such --context',
    TIMEOUT,
    () =>
      withStandin({}, async (standin) => {
        const empty = join(scratch, 'empty-config');
        writeFileSync(empty, '');
        const noCurrent = join(scratch, 'no-current-context');
        const config = JSON.parse(standin.kubeconfigFile()) as Record<string, unknown>;
        delete config['current-context'];
        writeFileSync(noCurrent, JSON.stringify(config));
        const home = join(scratch, 'home');
        mkdirSync(home, { recursive: true });

        const cases: [Partial<StageDeps>, RegExp][] = [
          [
            { env: { ...NO_ENV, kubeconfig: empty } },
            /is not a readable kubeconfig \(the file is empty\)/,
          ],
          [
            { env: { ...NO_ENV, kubeconfig: noCurrent } },
            /has no current context \(contexts there: standin\)/,
          ],
          [
            { env: { ...NO_ENV, home } },
            new RegExp(
              `KUBECONFIG is not set, ${home}/.kube/config does not exist, and this is not a pod`,
            ),
          ],
        ];
        for (const [deps, message] of cases) {
          const run = startStage([NAME], undefined, deps);
          assert.equal(await run.code, 1);
          assertFixes(run.out.text('error'));
          assert.match(run.out.text('error'), message);
        }
        const run = startStage([NAME, '--context', 'prod'], standin);
        assert.equal(await run.code, 1);
        assert.match(run.out.text('error'), /has no context "prod" \(contexts there: standin\)/);
        assert.equal(standin.requests.length, 0);
      }),
  );

  it('says in one line that the API is unreachable (a closed port)', TIMEOUT, async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    server.close();
    await once(server, 'close');
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'gone', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
      users: [{ name: 'someone', token: 'token' }],
      contexts: [{ name: 'gone', cluster: 'gone', user: 'someone' }],
      currentContext: 'gone',
    });
    const run = startStage([NAME], undefined, { kubeConfig });
    assert.equal(await run.code, 1);
    assert.equal(
      run.out.text('error'),
      `error: cannot reach the Kubernetes API at http://127.0.0.1:${port}: connection refused (context "gone"; is the cluster running? \`kubectl cluster-info\` checks)`,
    );
  });

  it('names the object the API forbids, and stops there', TIMEOUT, () =>
    withStandin({}, async (standin) => {
      standin.forbid('PATCH', 'clusterrolebindings');
      const run = startStage([NAME], standin);
      assert.equal(await run.code, 1);
      const name = clusterRoleBinding.metadata.name;
      assert.equal(
        run.out.text('error'),
        `error: cannot apply ClusterRoleBinding/${name}: forbidden (403): clusterrolebindings.rbac.authorization.k8s.io "${name}" is forbidden: User "tester" cannot patch resource "clusterrolebindings" in API group "rbac.authorization.k8s.io" at the cluster scope; your credentials in context "standin" lack this permission`,
      );
      const last = standin.applies().at(-1)!.body as StoredObject;
      assert.equal(last.kind, 'ClusterRoleBinding', 'nothing is applied after the refusal');
    }),
  );

  it('says when the API rejects the credentials (401)', TIMEOUT, () =>
    withStandin({}, async (standin) => {
      const run = startStage([NAME], undefined, { kubeConfig: standin.kubeConfig('expired') });
      assert.equal(await run.code, 1);
      assert.match(
        run.out.text('error'),
        /^error: the Kubernetes API at http:\/\/127\.0\.0\.1:\d+ rejected the credentials of context "standin" \(401 Unauthorized\)/,
      );
      assert.equal(standin.applies().length, 0);
    }),
  );

  it('exits 2 with the usage on bad arguments', TIMEOUT, async () => {
    const cases: [string[], RegExp][] = [
      [['Bad_Name'], /<name> "Bad_Name": lowercase letters, digits and "-"/],
      [[], /the stage <name> is missing/],
      [['a'.repeat(41)], /at most 40 characters/],
      [[NAME, '--timeout', 'soon'], /--timeout: a whole number of seconds/],
      [[NAME, '--tag', 'has space'], /--tag: an image tag/],
      [[NAME, '--host', 'https://x.example'], /--host: a lowercase DNS name/],
      [[NAME, '--bogus'], /Unknown option '--bogus'/],
      [[NAME, '--dry-run', '--delete'], /--dry-run and --delete cannot be combined/],
    ];
    for (const [argv, problem] of cases) {
      const run = startStage(argv, undefined);
      assert.equal(await run.code, 2, argv.join(' '));
      assert.match(run.out.text('error'), problem);
      assert.match(run.out.text('error'), /Usage: npm run stage -- <name> \[options\]/);
    }
  });
});

describe('the stage CLI as a process', () => {
  it(
    'stages end to end against the stand-in from a kubeconfig file, and reports its errors',
    TIMEOUT,
    () =>
      withStandin({}, async (standin) => {
        readyOnWatch(standin);
        const kubeconfig = join(scratch, 'kubeconfig');
        writeFileSync(kubeconfig, standin.kubeconfigFile());
        const [staged, badName, noCluster] = await Promise.all([
          runStageCli([NAME, '--timeout', '5'], {
            KUBECONFIG: kubeconfig,
            STAGE_IMAGE_TAG: 'e2e-tag',
          }),
          runStageCli(['Bad_Name'], {}),
          runStageCli([NAME], { KUBECONFIG: join(scratch, 'nowhere') }),
        ]);

        assert.equal(staged.code, 0, staged.stderr);
        assert.match(
          staged.stdout,
          /Staging demo \(image tag e2e-tag\) into namespace stage-demo, context "standin"/,
        );
        assert.match(staged.stdout, /applied Namespace\/stage-demo/);
        assert.match(
          staged.stdout,
          /Teacher: +https:\/\/demo\.stage\.classpulse\.example\/teacher/,
        );
        assert.match(
          staged.stdout,
          /Realtime: +wss:\/\/demo\.stage\.classpulse\.example\/socket\.io\//,
        );
        const web = standin.get('apps/v1', 'Deployment', 'web', NS)!;
        const containers = (web.spec as { template: { spec: { containers: { image: string }[] } } })
          .template.spec.containers;
        assert.ok(containers.every((c) => c.image.endsWith(':e2e-tag')));
        assert.equal(standin.applies().length, expected.length + GENERATED_SECRETS.length);

        assert.equal(badName.code, 2);
        assert.match(badName.stderr, /Usage: npm run stage/);
        assert.equal(noCluster.code, 1);
        assert.match(noCluster.stderr, /No Kubernetes cluster configured: KUBECONFIG=.*nowhere/);
        assert.doesNotMatch(noCluster.stderr, /\n\s+at /, 'no stack trace');
      }),
  );
});
