import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { aggregatorCalendarEnv } from '../src/calendar/aggregator-env.ts';
import { DEFAULT_SCHOOL_CALENDAR, schoolCalendarSchema } from '../src/calendar/school-calendar.ts';
import { loadDashboards } from '../src/dashboards/dashboard-files.ts';
import {
  ALERTMANAGER_DIR,
  CONFIG_SECRET_KEY,
  CONFIG_SECRET_NAME,
} from '../src/manifests/alertmanager.ts';
import { CONVERTER_MEMORY, CONVERTER_SETTINGS, CONVERTER_URL } from '../src/manifests/converter.ts';
import { labelsFor, REGION_LABEL } from '../src/manifests/labels.ts';
import { PROMETHEUS_POD_LABELS } from '../src/manifests/network-policies.ts';
import { BASELINE_LOOKBACK_DAYS, PROMETHEUS_RETENTION } from '../src/manifests/monitoring.ts';
import { SECRET_ENV_NAMES, SECRETS } from '../src/manifests/secrets.ts';
import {
  APPLY_ORDER,
  ObjectValidationError,
  StackOptionsError,
  synthesize,
  toYaml,
  validateObjects,
  type KubeObject,
  type StackOptionsInput,
} from '../src/manifests/synthesize.ts';
import { generatedAlertmanagerConfig } from './support/alertmanager.ts';
import { compareSnapshot, firstDifference } from './support/snapshot.ts';

const OPTIONS: StackOptionsInput = {
  namespace: 'classpulse',
  imageTag: '0123abcd',
  imageRegistry: 'registry.example/classpulse',
  host: 'classpulse.example.org',
  regions: ['us-east1', 'europe-west1', 'asia-southeast1'],
};
const SNAPSHOT = fileURLToPath(new URL('./snapshots/stack.yaml', import.meta.url));
const RULES_DIR = fileURLToPath(new URL('../prometheus/rules/', import.meta.url));

const objects = synthesize(OPTIONS);
const ref = (o: KubeObject) => `${o.kind}/${o.metadata.name}`;
const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
const named = (kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(found, `${kind}/${name} is synthesized`);
  return found;
};

// Just enough of the shapes to walk them; validateObjects checks them in full.
interface Port {
  name?: string;
  containerPort: number;
  protocol?: string;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: unknown;
  tcpSocket?: unknown;
}
interface Container {
  name: string;
  image: string;
  ports?: Port[];
  env?: EnvVar[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
    seccompProfile?: { type: string };
  };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    containers: Container[];
    nodeSelector?: Record<string, string>;
    serviceAccountName?: string;
    automountServiceAccountToken?: boolean;
    securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  };
}
interface Workload extends KubeObject {
  spec: { template: PodTemplate; selector: { matchLabels: Record<string, string> } };
}
interface ServiceObject extends KubeObject {
  spec: {
    selector: Record<string, string>;
    ports: Array<{ name: string; port: number; targetPort: string | number }>;
  };
}

const workloads = objects.filter(
  (o) => o.kind === 'Deployment' || o.kind === 'StatefulSet',
) as Workload[];
const services = ofKind('Service') as ServiceObject[];
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);
const containerPortMatches = (container: Container, target: string | number) =>
  (container.ports ?? []).some((p) =>
    typeof target === 'number' ? p.containerPort === target : p.name === target,
  );

/** A duration like 30d, 4w or 720h, in days. */
function durationDays(duration: string): number {
  const units: Record<string, number> = { y: 365, w: 7, d: 1, h: 1 / 24, m: 1 / 1440 };
  let days = 0;
  const parts = duration.match(/\d+[ywdhm]/g) ?? [];
  assert.equal(parts.join(''), duration, `"${duration}" is a Prometheus duration`);
  for (const part of parts) days += Number(part.slice(0, -1)) * units[part.slice(-1)]!;
  return days;
}

describe('synthesized stack', () => {
  it('passes validation by kubernetes-models and @kubernetes-models/prometheus-operator', () => {
    assert.doesNotThrow(() => validateObjects(objects));
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of ['Prometheus', 'Alertmanager', 'ServiceMonitor', 'PrometheusRule'])
      assert.ok(kinds.has(kind), `has a ${kind}`);
  });

  it('rejects a broken object, naming it, and any kind it cannot check', () => {
    const broken = structuredClone(named('Deployment', 'web')) as Workload;
    delete (broken.spec as Partial<Workload['spec']>).selector;
    assert.throws(
      () => validateObjects([...objects.slice(0, 3), broken]),
      (error: Error) =>
        error instanceof ObjectValidationError &&
        error.message.includes('Deployment/web') &&
        error.message.includes('selector'),
    );
    const badPort = structuredClone(named('Service', 'realtime')) as ServiceObject;
    (badPort.spec.ports[0] as { port: unknown }).port = 'not-a-number';
    assert.throws(() => validateObjects([badPort]), /Service\/realtime/);
    assert.throws(
      () =>
        validateObjects([
          { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'gadget' } },
        ]),
      /Unknown kind example\.com\/v1\/Widget for Widget\/gadget/,
    );
  });

  it('matches the snapshot byte for byte', () => {
    const yaml = toYaml(objects);
    const result = compareSnapshot(SNAPSHOT, yaml);
    const hint =
      'If the change is intended, rewrite it: cd k8s && UPDATE_SNAPSHOTS=1 npm exec -- node --test test/manifests.test.ts';
    if (result.status === 'missing') assert.fail(`No snapshot at ${SNAPSHOT}. ${hint}`);
    if (result.status === 'differs')
      assert.fail(
        `The synthesized YAML differs from test/snapshots/stack.yaml at ${firstDifference(result.expected ?? '', yaml)}\n${hint}`,
      );
  });

  it('is deterministic, and its YAML reads back as the same objects under YAML 1.1', () => {
    assert.equal(toYaml(synthesize(OPTIONS)), toYaml(objects));
    const documents = parseAllDocuments(toYaml(objects), { version: '1.1' });
    assert.ok(Array.isArray(documents));
    assert.deepEqual(
      documents.map((d) => d.toJS() as unknown),
      objects,
      'no value changes type when Kubernetes (YAML 1.1) reads it, e.g. "yes" stays a string',
    );
  });

  it('comes in apply order: the namespace first, then by kind', () => {
    assert.equal(ref(objects[0]!), 'Namespace/classpulse');
    const ranks = objects.map((o) => (APPLY_ORDER as readonly string[]).indexOf(o.kind));
    assert.ok(!ranks.includes(-1), 'every kind has a place in APPLY_ORDER');
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
    );
    const names = objects.map(ref);
    assert.equal(new Set(names).size, names.length, 'no object twice');
    for (const object of objects)
      if (!['Namespace', 'ClusterRole', 'ClusterRoleBinding'].includes(object.kind))
        assert.equal(object.metadata.namespace, 'classpulse', `${ref(object)} is namespaced`);
  });

  it('gives every container probes, requests and limits, and a non-root, locked-down context', () => {
    assert.ok(workloads.length >= 5);
    for (const workload of workloads) {
      const pod = workload.spec.template.spec;
      assert.equal(pod.securityContext?.runAsNonRoot, true, `${ref(workload)} pod runAsNonRoot`);
      assert.ok(
        matches(workload.spec.selector.matchLabels, workload.spec.template.metadata.labels),
      );
      if (!pod.serviceAccountName)
        assert.equal(pod.automountServiceAccountToken, false, `${ref(workload)} mounts no token`);
      for (const container of pod.containers) {
        const what = `${ref(workload)} container ${container.name}`;
        assert.ok(container.readinessProbe, `${what} has a readiness probe`);
        assert.ok(container.livenessProbe, `${what} has a liveness probe`);
        for (const probe of [container.readinessProbe, container.livenessProbe]) {
          if (probe?.httpGet)
            assert.ok(
              containerPortMatches(container, probe.httpGet.port),
              `${what} probes a port it has`,
            );
        }
        for (const resource of ['cpu', 'memory']) {
          assert.ok(container.resources?.requests?.[resource], `${what} requests ${resource}`);
          assert.ok(container.resources?.limits?.[resource], `${what} limits ${resource}`);
        }
        const security = container.securityContext;
        assert.equal(security?.runAsNonRoot, true, `${what} runAsNonRoot`);
        assert.equal(security?.runAsUser, 10001, `${what} runs as 10001`);
        assert.equal(security?.allowPrivilegeEscalation, false, `${what} no privilege escalation`);
        assert.equal(security?.readOnlyRootFilesystem, true, `${what} read-only root`);
        assert.deepEqual(security?.capabilities?.drop, ['ALL'], `${what} drops capabilities`);
        assert.equal(security?.seccompProfile?.type, 'RuntimeDefault', `${what} seccomp`);
        assert.ok(!/:latest$|^[^:]+$/.test(container.image), `${what} pins its image`);
      }
    }
  });

  it('runs our images at the given registry and tag', () => {
    const images = workloads.flatMap((w) => w.spec.template.spec.containers.map((c) => c.image));
    for (const service of ['web', 'realtime', 'metrics-aggregator', 'probes', 'converter'])
      assert.ok(
        images.includes(`registry.example/classpulse/classpulse-${service}:0123abcd`),
        `runs classpulse-${service}`,
      );
  });

  it("selects some pod with every Service, on ports that pod's container has", () => {
    for (const service of services) {
      const pods = workloads
        .map((w) => w.spec.template)
        .filter((t) => matches(service.spec.selector, t.metadata.labels));
      assert.ok(
        Object.keys(service.spec.selector).length > 0 && pods.length > 0,
        `${ref(service)} selects a pod`,
      );
      for (const port of service.spec.ports)
        for (const pod of pods)
          assert.ok(
            pod.spec.containers.some((c) => containerPortMatches(c, port.targetPort)),
            `${ref(service)} port ${port.name} → ${port.targetPort} exists on the pod`,
          );
    }
  });

  it('routes the Ingress paths to Services and ports that exist', () => {
    const routes: string[] = [];
    for (const ingress of ofKind('Ingress')) {
      const spec = ingress.spec as {
        rules: Array<{
          host: string;
          http: {
            paths: Array<{
              path: string;
              backend: { service: { name: string; port: { number: number } } };
            }>;
          };
        }>;
        tls: Array<{ hosts: string[] }>;
      };
      for (const rule of spec.rules) {
        assert.equal(rule.host, 'classpulse.example.org');
        assert.ok(
          spec.tls.some((t) => t.hosts.includes(rule.host)),
          `${ref(ingress)} has TLS`,
        );
        for (const path of rule.http.paths) {
          const { name, port } = path.backend.service;
          const service = services.find((s) => s.metadata.name === name);
          assert.ok(service, `${ref(ingress)} ${path.path} → Service ${name}`);
          assert.ok(service.spec.ports.some((p) => p.port === port.number));
          routes.push(`${path.path} → ${name}`);
        }
      }
    }
    assert.deepEqual(routes.sort(), [
      '/ → web',
      '/socket.io → realtime',
      '/v1/beacon → aggregator',
    ]);
    const realtime = named('Ingress', 'realtime');
    assert.equal(
      realtime.metadata.annotations?.['nginx.ingress.kubernetes.io/affinity'],
      'cookie',
      'long-polling needs sticky routing',
    );
  });

  it('selects a Service with the named port from every ServiceMonitor', () => {
    const monitors = ofKind('ServiceMonitor');
    assert.deepEqual(monitors.map((m) => m.metadata.name).sort(), [
      'aggregator',
      'converter',
      'probes',
      'realtime',
      'web',
    ]);
    for (const monitor of monitors) {
      const spec = monitor.spec as {
        selector: { matchLabels: Record<string, string> };
        endpoints: Array<{ port: string; path: string }>;
      };
      const selected = services.filter((s) =>
        matches(spec.selector.matchLabels, s.metadata.labels),
      );
      assert.equal(selected.length, 1, `${ref(monitor)} selects one Service`);
      for (const endpoint of spec.endpoints) {
        assert.equal(endpoint.path, '/metrics');
        assert.ok(
          selected[0]!.spec.ports.some((p) => p.name === endpoint.port),
          `${ref(monitor)}: Service ${selected[0]!.metadata.name} has port ${endpoint.port}`,
        );
      }
    }
    // The aggregator's public Service never feeds Prometheus, nor the internal one the ingress.
    const aggregator = named('ServiceMonitor', 'aggregator').spec as {
      selector: { matchLabels: Record<string, string> };
    };
    assert.ok(
      !matches(aggregator.selector.matchLabels, named('Service', 'aggregator').metadata.labels),
    );
  });

  it('pins one probe Deployment to each region', () => {
    const probes = workloads.filter((w) => w.metadata.name.startsWith('probes-'));
    assert.deepEqual(
      probes.map((p) => p.spec.template.spec.nodeSelector?.[REGION_LABEL]),
      OPTIONS.regions,
    );
    for (const probe of probes) {
      const pod = probe.spec.template.spec;
      const env = pod.containers[0]!.env ?? [];
      assert.equal(pod.serviceAccountName, 'probes');
      assert.ok(
        env.some(
          (e) =>
            e.name === 'PROBE_NODE_NAME' && JSON.stringify(e.valueFrom).includes('spec.nodeName'),
        ),
        `${ref(probe)} knows its node`,
      );
      assert.ok(!env.some((e) => e.name === 'PROBE_LOCATION'), 'the region comes from the node');
    }
    const role = named('ClusterRole', 'classpulse-probes-read-nodes') as KubeObject & {
      rules: Array<{ resources: string[]; verbs: string[] }>;
    };
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]);
    const single = synthesize({ ...OPTIONS, regions: ['southamerica-east1'] });
    assert.deepEqual(
      single
        .filter((o) => o.kind === 'Deployment' && o.metadata.name.startsWith('probes-'))
        .map(ref),
      ['Deployment/probes-southamerica-east1'],
    );
  });

  it('deploys every alert of every rule file in the PrometheusRule, unchanged', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.yml'));
    const fileGroups = files.flatMap(
      (f) => (parse(readFileSync(join(RULES_DIR, f), 'utf8')) as { groups: unknown[] }).groups,
    );
    const alertsIn = (groups: unknown[]) =>
      groups
        .flatMap((g) => (g as { rules: Array<{ alert?: string }> }).rules)
        .map((r) => r.alert)
        .filter((a): a is string => a !== undefined)
        .sort();
    const rule = named('PrometheusRule', 'classpulse-rules').spec as { groups: unknown[] };
    assert.ok(alertsIn(fileGroups).length >= 2);
    assert.deepEqual(alertsIn(rule.groups), alertsIn(fileGroups));
    const byName = (groups: unknown[]) =>
      Object.fromEntries(groups.map((g) => [(g as { name: string }).name, g]));
    assert.deepEqual(
      byName(rule.groups),
      byName(fileGroups),
      'the groups are the files, key for key',
    );
    const prometheus = named('Prometheus', 'classpulse').spec as {
      ruleSelector: { matchLabels: Record<string, string> };
    };
    assert.ok(
      matches(
        prometheus.ruleSelector.matchLabels,
        named('PrometheusRule', 'classpulse-rules').metadata.labels,
      ),
    );
  });

  it('keeps at least the 22 days the alert baseline reaches back', () => {
    assert.equal(BASELINE_LOOKBACK_DAYS, 36, '5 weeks offset + a clock change');
    const retention = (named('Prometheus', 'classpulse').spec as { retention: string }).retention;
    assert.equal(retention, PROMETHEUS_RETENTION);
    assert.ok(durationDays(retention) >= BASELINE_LOOKBACK_DAYS, `${retention} ≥ 36 days`);
    const storage = (named('Prometheus', 'classpulse').spec as { storage?: unknown }).storage;
    assert.ok(storage, 'on a volume, so a restart keeps the history');
  });

  it('ships alertmanager.yml and its templates as the config Secret and mounts the Slack Secret', () => {
    const secret = named('Secret', CONFIG_SECRET_NAME) as KubeObject & {
      stringData: Record<string, string>;
    };
    const shipped = secret.stringData[CONFIG_SECRET_KEY] ?? '';
    assert.equal(shipped, generatedAlertmanagerConfig(DEFAULT_SCHOOL_CALENDAR));
    const written = readFileSync(join(ALERTMANAGER_DIR, 'alertmanager.yml'), 'utf8');
    assert.ok(shipped.startsWith(written.trimEnd()), 'the file as written, then the intervals');
    for (const template of readdirSync(ALERTMANAGER_DIR).filter((f) => f.endsWith('.tmpl')))
      assert.ok(secret.stringData[template], `template ${template} is next to the config`);
    const spec = named('Alertmanager', 'classpulse').spec as {
      configSecret: string;
      secrets: string[];
    };
    assert.equal(spec.configSecret, CONFIG_SECRET_NAME);
    assert.deepEqual(spec.secrets, [SECRETS.alertmanagerSlack.name]);
    const config = parse(shipped) as {
      global: Record<string, unknown>;
    };
    assert.equal(
      config.global.slack_api_url_file,
      '/etc/alertmanager/secrets/alertmanager-slack/url',
    );
    assert.ok(!('slack_api_url' in config.global), 'no Slack URL in the config');
  });

  it('puts no secret value in any object', () => {
    const visit = (value: unknown, where: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${where}[${i}]`));
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (
          typeof record.name === 'string' &&
          (SECRET_ENV_NAMES as readonly string[]).includes(record.name) &&
          ('value' in record || 'valueFrom' in record)
        ) {
          assert.ok(!('value' in record), `${where}: ${record.name} has a literal value`);
          assert.ok(
            (record.valueFrom as EnvVar['valueFrom'])?.secretKeyRef,
            `${where}: ${record.name} comes from a Secret`,
          );
        }
        for (const [key, v] of Object.entries(record)) visit(v, `${where}.${key}`);
      } else if (typeof value === 'string') {
        assert.ok(
          !/hooks\.slack\.com|-----BEGIN [A-Z ]*PRIVATE KEY/.test(value),
          `${where}: a secret`,
        );
      }
    };
    for (const object of objects) visit(object, ref(object));
    // The one Secret we create holds configuration only.
    assert.deepEqual(ofKind('Secret').map(ref), [`Secret/${CONFIG_SECRET_NAME}`]);
    const envNames = workloads.flatMap((w) =>
      w.spec.template.spec.containers.flatMap((c) => (c.env ?? []).map((e) => e.name)),
    );
    for (const name of ['REALTIME_TOKEN_SECRET', 'WEB_SESSION_SECRET', 'REDIS_PASSWORD'])
      assert.ok(envNames.includes(name), `${name} is checked because it is used`);
  });

  it('defines every $(VAR) a container refers to before it', () => {
    for (const workload of workloads)
      for (const container of workload.spec.template.spec.containers) {
        const env = container.env ?? [];
        const strings = [
          ...env.map((e, i) => ({
            text: e.value ?? '',
            defined: env.slice(0, i).map((d) => d.name),
          })),
          ...[...((container as { args?: string[] }).args ?? [])].map((text) => ({
            text,
            defined: env.map((d) => d.name),
          })),
        ];
        for (const { text, defined } of strings)
          for (const [, name] of text.matchAll(/\$\(([A-Z0-9_]+)\)/g))
            assert.ok(defined.includes(name!), `${ref(workload)}: $(${name}) is defined first`);
      }
  });

  it('denies ingress by default and admits every port a Service exposes from somewhere', () => {
    interface Policy {
      spec: {
        podSelector: { matchLabels?: Record<string, string> };
        policyTypes: string[];
        ingress?: Array<{ ports?: Array<{ port: number }> }>;
      };
    }
    const policies = ofKind('NetworkPolicy') as Array<KubeObject & Policy>;
    assert.ok(
      policies.some(
        (p) => Object.keys(p.spec.podSelector.matchLabels ?? {}).length === 0 && !p.spec.ingress,
      ),
      'a default-deny policy selects every pod',
    );
    for (const service of services) {
      const pod = workloads.find((w) =>
        matches(service.spec.selector, w.spec.template.metadata.labels),
      )!;
      for (const port of service.spec.ports) {
        const containerPort = pod.spec.template.spec.containers
          .flatMap((c) => c.ports ?? [])
          .find((p) => p.name === port.targetPort || p.containerPort === port.targetPort)!;
        assert.ok(
          policies.some(
            (p) =>
              matches(p.spec.podSelector.matchLabels ?? {}, pod.spec.template.metadata.labels) &&
              (p.spec.ingress ?? []).some((rule) =>
                (rule.ports ?? []).some((q) => q.port === containerPort.containerPort),
              ),
          ),
          `${ref(service)} port ${port.name} is reachable by someone`,
        );
      }
    }
  });

  it('scales web out over PostgreSQL: two replicas or more, rolled and evicted one at a time', () => {
    const web = named('Deployment', 'web').spec as {
      replicas: number;
      strategy: { type: string; rollingUpdate: { maxUnavailable: number; maxSurge: number } };
      template: {
        spec: {
          initContainers: Array<{ name: string; command: string[]; env: Env[] }>;
          containers: Array<{
            env: Env[];
            readinessProbe: { httpGet: { path: string; port: string } };
            livenessProbe: { httpGet: { path: string; port: string } };
            volumeMounts: Array<{ name: string }>;
          }>;
        };
      };
    };
    type Env = { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
    assert.ok(web.replicas >= 2);
    assert.equal(web.strategy.type, 'RollingUpdate');
    assert.deepEqual(web.strategy.rollingUpdate, { maxUnavailable: 0, maxSurge: 1 });
    assert.equal(
      (named('PodDisruptionBudget', 'web').spec as { maxUnavailable: number }).maxUnavailable,
      1,
    );
    assert.ok(
      !objects.some((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.name === 'web-data'),
    );
    const [migrate] = web.template.spec.initContainers;
    assert.deepEqual(
      migrate?.command,
      ['node', 'src/cli/migrate.ts'],
      'migrations before it serves',
    );
    const [container] = web.template.spec.containers;
    const databaseUrl = container?.env.find((e) => e.name === 'DATABASE_URL');
    assert.deepEqual(databaseUrl?.valueFrom?.secretKeyRef, {
      name: 'classpulse-db-app',
      key: 'uri',
    });
    assert.deepEqual(migrate?.env, [databaseUrl]);
    assert.deepEqual(container?.readinessProbe.httpGet, { path: '/readyz', port: 'metrics' });
    assert.deepEqual(container?.livenessProbe.httpGet, { path: '/healthz', port: 'metrics' });
    assert.ok(!container?.volumeMounts.some((m) => m.name === 'data'), 'no volume of its own');

    const database = named('Cluster', 'classpulse-db').spec as {
      instances: number;
      backup: { barmanObjectStore: { destinationPath: string }; retentionPolicy: string };
    };
    assert.equal(database.instances, 3);
    assert.match(database.backup.barmanObjectStore.destinationPath, /^s3:\/\//);
    assert.equal(database.backup.retentionPolicy, '30d');
    const nightly = named('ScheduledBackup', 'classpulse-db-nightly').spec as {
      cluster: { name: string };
    };
    assert.equal(nightly.cluster.name, 'classpulse-db');
    const hpa = named('HorizontalPodAutoscaler', 'realtime').spec as {
      scaleTargetRef: { name: string };
      minReplicas: number;
      metrics: Array<{ resource: { name: string } }>;
    };
    assert.equal(hpa.scaleTargetRef.name, 'realtime');
    assert.ok(hpa.minReplicas >= 2);
    assert.equal(hpa.metrics[0]?.resource.name, 'cpu');
    assert.ok(!('replicas' in (named('Deployment', 'realtime').spec as object)), 'the HPA owns it');
    assert.equal(
      (named('PodDisruptionBudget', 'realtime').spec as { maxUnavailable: number }).maxUnavailable,
      1,
    );
  });

  it('emits one Grafana dashboard ConfigMap per dashboard file', () => {
    const dashboards = loadDashboards();
    const maps = ofKind('ConfigMap').filter((c) => c.metadata.labels?.grafana_dashboard === '1');
    assert.equal(maps.length, dashboards.length);
    for (const dashboard of dashboards) {
      const map = named('ConfigMap', `grafana-dashboard-${dashboard.uid}`) as KubeObject & {
        data: Record<string, string>;
      };
      assert.equal(map.data[dashboard.fileName], dashboard.json);
    }
  });
});

describe('slide converter', () => {
  interface ConverterContainer extends Container {
    command: string[];
    volumeMounts: Array<{ name: string; mountPath: string }>;
  }
  const deployment = named('Deployment', 'converter') as Workload & {
    spec: {
      replicas: number;
      template: {
        spec: {
          containers: ConverterContainer[];
          volumes: Array<{ name: string; emptyDir?: { sizeLimit?: string } }>;
          terminationGracePeriodSeconds: number;
        };
      };
    };
  };
  const pod = deployment.spec.template.spec;
  const [container] = pod.containers;
  const podLabels = deployment.spec.template.metadata.labels;
  /** Kubernetes quantities in Mi (the converter's are written in Mi or Gi). */
  const mebibytes = (q: string) => {
    const match = /^(\d+)(Mi|Gi)$/.exec(q);
    assert.ok(match, `${q} is written in Mi or Gi`);
    return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
  };

  it('runs the web image’s converter command with its settings, two replicas, one evicted at a time', () => {
    assert.equal(pod.containers.length, 1);
    assert.equal(container?.image, 'registry.example/classpulse/classpulse-converter:0123abcd');
    assert.deepEqual(container?.command, ['node', 'src/converter/main.ts']);
    const values = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value]));
    assert.deepEqual(values, {
      CONVERTER_PORT: '8090',
      CONVERTER_INTERNAL_PORT: '9090',
      CONVERTER_CONCURRENCY: '2',
      CONVERTER_TIME_LIMIT_MS: '120000',
      CONVERTER_MEMORY_LIMIT_MB: '1024',
      CONVERTER_SHUTDOWN_GRACE_MS: '120000',
    });
    assert.deepEqual(
      (container?.ports ?? []).map((p) => [p.name, p.containerPort]),
      [
        ['http', 8090],
        ['metrics', 9090],
      ],
    );
    assert.deepEqual(container?.readinessProbe?.httpGet, { path: '/readyz', port: 'metrics' });
    assert.deepEqual(container?.livenessProbe?.httpGet, { path: '/healthz', port: 'metrics' });
    assert.ok(deployment.spec.replicas >= 2);
    assert.equal(
      (named('PodDisruptionBudget', 'converter').spec as { maxUnavailable: number }).maxUnavailable,
      1,
    );
    assert.ok(
      pod.terminationGracePeriodSeconds * 1000 > Number(values.CONVERTER_SHUTDOWN_GRACE_MS) &&
        Number(values.CONVERTER_SHUTDOWN_GRACE_MS) >= CONVERTER_SETTINGS.timeLimitMs,
      'a pod being replaced may finish the conversion it holds',
    );
  });

  it('limits CPU and memory so every conversion at its own limit still fits the pod', () => {
    const { requests, limits } = container?.resources ?? {};
    assert.deepEqual(
      { requests, limits },
      {
        requests: { cpu: '1', memory: '1536Mi' },
        limits: { cpu: '2', memory: '2560Mi' },
      },
    );
    assert.equal(mebibytes(limits!.memory!), CONVERTER_MEMORY.limitMi);
    assert.ok(
      mebibytes(limits!.memory!) >
        CONVERTER_SETTINGS.concurrency * CONVERTER_SETTINGS.memoryLimitMb,
      'the per-conversion limit fires before the pod is OOM-killed',
    );
    assert.ok(mebibytes(requests!.memory!) > CONVERTER_SETTINGS.memoryLimitMb);
    const tmp = pod.volumes.find((v) => v.name === 'tmp');
    assert.equal(tmp?.emptyDir?.sizeLimit, '2Gi', 'a scratch /tmp over the read-only root');
    assert.ok(container?.volumeMounts.some((m) => m.name === 'tmp' && m.mountPath === '/tmp'));
    assert.equal(container?.securityContext?.readOnlyRootFilesystem, true);
  });

  it('sends no packet out: one policy with Egress and no rule, and none that opens egress', () => {
    interface Policy {
      metadata: { name: string };
      spec: {
        podSelector: { matchLabels?: Record<string, string> };
        policyTypes: string[];
        egress?: unknown[];
        ingress?: Array<{
          from: Array<{ podSelector?: { matchLabels: Record<string, string> } }>;
          ports: Array<{ port: number; protocol: string }>;
        }>;
      };
    }
    const policies = (ofKind('NetworkPolicy') as Array<KubeObject & Policy>).filter((p) =>
      matches(p.spec.podSelector.matchLabels ?? {}, podLabels),
    );
    const denyEgress = policies.filter((p) => p.spec.policyTypes.includes('Egress'));
    assert.deepEqual(
      denyEgress.map((p) => p.metadata.name),
      ['converter-deny-egress'],
    );
    for (const policy of denyEgress)
      assert.ok(!policy.spec.egress || policy.spec.egress.length === 0, 'no egress rule at all');
    assert.ok(
      policies.every((p) => !p.spec.egress),
      'no other policy selecting converter pods allows any egress',
    );
    // Ingress: the web pods on the API port, Prometheus on the metrics port, nobody else.
    const admitted = policies.flatMap((p) =>
      (p.spec.ingress ?? []).flatMap((rule) =>
        rule.from.flatMap((peer) =>
          rule.ports.map((port) => ({ peer: peer.podSelector?.matchLabels, port: port.port })),
        ),
      ),
    );
    assert.deepEqual(admitted, [
      { peer: labelsFor('web'), port: 8090 },
      { peer: PROMETHEUS_POD_LABELS, port: 9090 },
    ]);
  });

  it('is reached by web at WEB_CONVERTER_URL through a ClusterIP Service, and scraped', () => {
    const service = named('Service', 'converter') as ServiceObject & { spec: { type: string } };
    assert.equal(service.spec.type, 'ClusterIP');
    assert.deepEqual(service.spec.ports, [{ name: 'http', port: 8090, targetPort: 'http' }]);
    assert.equal(CONVERTER_URL, 'http://converter:8090');
    const web = named('Deployment', 'web') as Workload;
    const url = web.spec.template.spec.containers[0]!.env?.find(
      (e) => e.name === 'WEB_CONVERTER_URL',
    );
    assert.equal(url?.value, CONVERTER_URL);
    const monitor = named('ServiceMonitor', 'converter').spec as {
      selector: { matchLabels: Record<string, string> };
      endpoints: Array<{ port: string }>;
    };
    const scraped = services.filter((s) =>
      matches(monitor.selector.matchLabels, s.metadata.labels),
    );
    assert.deepEqual(
      scraped.map((s) => s.metadata.name),
      ['converter-internal'],
    );
    assert.deepEqual(
      monitor.endpoints.map((e) => e.port),
      ['metrics'],
    );
  });
});

describe('stack options', () => {
  const rejects = (input: Partial<StackOptionsInput>, message: RegExp) =>
    assert.throws(
      () => synthesize({ ...OPTIONS, ...input }),
      (error: Error) => error instanceof StackOptionsError && message.test(error.message),
    );

  it('rejects a namespace that is not a DNS-1123 label, saying so', () => {
    rejects({ namespace: 'Class_Pulse' }, /namespace: namespace must be a DNS-1123 label/);
    rejects({ namespace: 'a'.repeat(64) }, /namespace: namespace must have at most 63 characters/);
  });

  it('rejects a "latest" tag, no regions, a repeated region, a host with a scheme', () => {
    rejects({ imageTag: 'latest' }, /imageTag must name a build/);
    rejects({ regions: [] }, /regions must name at least one region/);
    rejects({ regions: ['us-east1', 'us-east1'] }, /regions must not repeat/);
    rejects({ host: 'https://classpulse.example.org' }, /host must be a DNS name/);
  });

  it('rejects a school calendar it cannot deploy, saying what is wrong', () => {
    rejects(
      { schoolCalendar: { timeZone: 'America/NewYork' } },
      /schoolCalendar\.timeZone: timeZone "America\/NewYork" is not a known IANA time zone/,
    );
    rejects(
      { schoolCalendar: { schoolDays: ['monday', 'monday'] } },
      /schoolCalendar\.schoolDays: schoolDays must not repeat a day/,
    );
    rejects(
      {
        schoolCalendar: {
          closures: [{ name: 'Spring break', from: '2026-04-10', to: '2026-04-03' }],
        },
      },
      /schoolCalendar\.closures\.0\.to: "Spring break" ends \(2026-04-03\) before it starts/,
    );
    rejects(
      { schoolCalendar: { holidays: { fromYear: 2025, toYear: 2045 } } },
      /schoolCalendar\.holidays: holidays may span at most 15 years/,
    );
    rejects(
      { schoolCalendar: { weekends: [] } as never },
      /schoolCalendar: Unrecognized key: "weekends"/,
    );
  });

  it('builds Alertmanager’s intervals and the aggregator’s calendar from the same option', () => {
    const schoolCalendar: StackOptionsInput['schoolCalendar'] = {
      timeZone: 'America/Chicago',
      schoolDays: ['monday', 'tuesday', 'wednesday', 'thursday'],
      holidays: { preset: 'none' },
      closures: [{ name: 'Spring break', from: '2026-03-16', to: '2026-03-20' }],
    };
    const stack = synthesize({ ...OPTIONS, schoolCalendar });
    const parsed = schoolCalendarSchema.parse(schoolCalendar);
    const secret = stack.find((o) => o.kind === 'Secret') as KubeObject & {
      stringData: Record<string, string>;
    };
    assert.equal(secret.stringData[CONFIG_SECRET_KEY], generatedAlertmanagerConfig(parsed));
    const aggregator = stack.find(
      (o) => o.kind === 'Deployment' && o.metadata.name === 'aggregator',
    ) as Workload;
    const env = aggregator.spec.template.spec.containers[0]!.env ?? [];
    const values = Object.fromEntries(env.map((e) => [e.name, e.value]));
    assert.deepEqual(
      {
        AGGREGATOR_SCHOOL_TIME_ZONE: values.AGGREGATOR_SCHOOL_TIME_ZONE,
        AGGREGATOR_SCHOOL_DAYS: values.AGGREGATOR_SCHOOL_DAYS,
        AGGREGATOR_SCHOOL_CLOSED_DATES: values.AGGREGATOR_SCHOOL_CLOSED_DATES,
      },
      {
        AGGREGATOR_SCHOOL_TIME_ZONE: 'America/Chicago',
        AGGREGATOR_SCHOOL_DAYS: 'mon,tue,wed,thu',
        AGGREGATOR_SCHOOL_CLOSED_DATES: '2026-03-16..2026-03-20',
      },
    );
    assert.deepEqual(aggregatorCalendarEnv(parsed), {
      AGGREGATOR_SCHOOL_TIME_ZONE: 'America/Chicago',
      AGGREGATOR_SCHOOL_DAYS: 'mon,tue,wed,thu',
      AGGREGATOR_SCHOOL_CLOSED_DATES: '2026-03-16..2026-03-20',
    });
  });

  it('needs only a namespace and a tag (what staging passes), with defaults for the rest', () => {
    const minimal = synthesize({ namespace: 'stage-demo', imageTag: 'abc' });
    assert.doesNotThrow(() => validateObjects(minimal));
    const ingress = minimal.find((o) => o.kind === 'Ingress')!;
    assert.match(JSON.stringify(ingress), /stage-demo\.classpulse\.example/);
    assert.ok(minimal.some((o) => o.metadata.name === 'stage-demo-probes-read-nodes'));
  });
});
