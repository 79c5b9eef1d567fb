import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';

/**
 * An in-process stand-in for the Kubernetes API (no kube-apiserver can run here): just enough for
 * the staging CLI. It serves discovery for the kinds it knows, server-side apply (PATCH with
 * application/apply-patch+yaml: create or replace, generation bumped on a spec change), GET of
 * objects and lists (with equality label selectors), watches (newline-delimited JSON events, from
 * a resourceVersion), DELETE (a namespace turns Terminating, then goes with its contents), bearer
 * token auth, and Kubernetes Status errors (401, 403, 404, 415, 422). Workloads it stores never
 * become ready by themselves: tests say when (markReady, setStatus). It records every request.
 */

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

const type = (
  groupVersion: string,
  kind: string,
  plural: string,
  namespaced = true,
): ResourceType => {
  const [group, version] = groupVersion.includes('/')
    ? (groupVersion.split('/') as [string, string])
    : ['', groupVersion];
  return { group, version, kind, plural, namespaced };
};

export const BUILT_IN_TYPES: readonly ResourceType[] = [
  type('v1', 'Namespace', 'namespaces', false),
  type('v1', 'ServiceAccount', 'serviceaccounts'),
  type('v1', 'Secret', 'secrets'),
  type('v1', 'ConfigMap', 'configmaps'),
  type('v1', 'Service', 'services'),
  type('v1', 'Pod', 'pods'),
  type('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims'),
  type('apps/v1', 'Deployment', 'deployments'),
  type('apps/v1', 'StatefulSet', 'statefulsets'),
  type('apps/v1', 'DaemonSet', 'daemonsets'),
  type('batch/v1', 'Job', 'jobs'),
  type('batch/v1', 'CronJob', 'cronjobs'),
  type('networking.k8s.io/v1', 'Ingress', 'ingresses'),
  type('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies'),
  type('autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers'),
  type('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets'),
  type('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false),
  type('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  type('rbac.authorization.k8s.io/v1', 'Role', 'roles'),
  type('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings'),
];

/** The Prometheus Operator's CRDs: served only when `monitoring` is on. */
export const MONITORING_TYPES: readonly ResourceType[] = [
  type('monitoring.coreos.com/v1', 'ServiceMonitor', 'servicemonitors'),
  type('monitoring.coreos.com/v1', 'PodMonitor', 'podmonitors'),
  type('monitoring.coreos.com/v1', 'PrometheusRule', 'prometheusrules'),
  type('monitoring.coreos.com/v1', 'Prometheus', 'prometheuses'),
  type('monitoring.coreos.com/v1', 'Alertmanager', 'alertmanagers'),
  type('monitoring.coreos.com/v1alpha1', 'AlertmanagerConfig', 'alertmanagerconfigs'),
];

/** CloudNativePG's CRDs: served unless `database` is off (the web tier cannot run without them). */
export const DATABASE_TYPES: readonly ResourceType[] = [
  type('postgresql.cnpg.io/v1', 'Cluster', 'clusters'),
  type('postgresql.cnpg.io/v1', 'ScheduledBackup', 'scheduledbackups'),
];

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  authorization: string | undefined;
  /** The body parsed as YAML (JSON is YAML), or undefined without one. */
  body: unknown;
}

export interface StoredObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    generation?: number;
    resourceVersion?: string;
    deletionTimestamp?: string;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown> & { replicas?: number };
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StandinOptions {
  /** Serve the Prometheus Operator's CRDs (monitoring.coreos.com). Default true. */
  monitoring?: boolean;
  /** Serve CloudNativePG's CRDs (postgresql.cnpg.io). Default true. */
  database?: boolean;
  /** The bearer token it accepts. Default `test-token`. */
  token?: string;
  /** How long a deleted namespace stays Terminating. Default 20 ms; `never`: it stays. */
  namespaceDeletionMs?: number | 'never';
}

interface WatchEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: ResourceType;
  object: StoredObject;
}

interface Route {
  resource: ResourceType;
  namespace: string | undefined;
  name: string | undefined;
}

const groupVersionOf = (r: ResourceType) => (r.group ? `${r.group}/${r.version}` : r.version);
const qualified = (r: ResourceType) => (r.group ? `${r.plural}.${r.group}` : r.plural);
const copy = <T>(value: T): T => structuredClone(value);

export class KubeApiStandin {
  readonly requests: RecordedRequest[] = [];
  /** 'request' (RecordedRequest), 'watch' ({ plural, namespace }) when a watch opens. */
  readonly events = new EventEmitter();
  readonly token: string;
  private readonly types: ResourceType[];
  private readonly store = new Map<string, StoredObject>();
  private readonly history: WatchEvent[] = [];
  private readonly watchers = new Set<(event: WatchEvent) => void>();
  private readonly forbidden: { method: string; plural: string }[] = [];
  private readonly deletionMs: number | 'never';
  private rv = 100;
  private server = createServer((req, res) => void this.handle(req, res));
  url = '';

  private constructor(options: StandinOptions) {
    this.token = options.token ?? 'test-token';
    this.types = [
      ...BUILT_IN_TYPES,
      ...(options.monitoring === false ? [] : MONITORING_TYPES),
      ...(options.database === false ? [] : DATABASE_TYPES),
    ];
    this.deletionMs = options.namespaceDeletionMs ?? 20;
  }

  static async start(options: StandinOptions = {}): Promise<KubeApiStandin> {
    const standin = new KubeApiStandin(options);
    standin.server.listen(0, '127.0.0.1');
    await once(standin.server, 'listening');
    standin.url = `http://127.0.0.1:${(standin.server.address() as AddressInfo).port}`;
    return standin;
  }

  /** A kubeconfig for this server: context `standin`, user `tester` with the token (or `token`). */
  kubeConfig(token = this.token): KubeConfig {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'standin', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'tester', token }],
      contexts: [{ name: 'standin', cluster: 'standin', user: 'tester' }],
      currentContext: 'standin',
    });
    return kubeConfig;
  }

  /** The same kubeconfig as file contents (JSON, which kubeconfig readers take as YAML). */
  kubeconfigFile(): string {
    return this.kubeConfig().exportConfig();
  }

  async close(): Promise<void> {
    this.watchers.clear();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  /** Answer 403 to every `method` request on `plural` (e.g. PATCH clusterrolebindings). */
  forbid(method: string, plural: string): void {
    this.forbidden.push({ method, plural });
  }

  /** Stores an object as if someone had created it earlier. */
  put(object: StoredObject): StoredObject {
    const resource = this.typeOf(object.apiVersion, object.kind);
    const stored = copy(object);
    stored.metadata.generation ??= 1;
    stored.metadata.uid ??= randomUUID();
    if (resource.kind === 'Namespace') stored.status ??= { phase: 'Active' };
    return this.save(
      resource,
      stored,
      this.get(object.apiVersion, object.kind, object.metadata.name, object.metadata.namespace)
        ? 'MODIFIED'
        : 'ADDED',
    );
  }

  get(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): StoredObject | undefined {
    const resource = this.typeOf(apiVersion, kind);
    const found = this.store.get(
      this.key(resource, resource.namespaced ? namespace : undefined, name),
    );
    return found && copy(found);
  }

  /** Every stored object, in the order first stored. */
  all(): StoredObject[] {
    return [...this.store.values()].map(copy);
  }

  /** The apply requests (PATCH), in order. */
  applies(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'PATCH');
  }

  /** Sets an object's status as its controller would, and tells watchers. */
  setStatus(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
    status: Record<string, unknown>,
  ): void {
    const resource = this.typeOf(apiVersion, kind);
    const stored = this.store.get(this.key(resource, namespace, name));
    if (!stored) throw new Error(`stand-in: no ${kind} ${namespace ?? ''}/${name}`);
    this.save(resource, { ...copy(stored), status: copy(status) }, 'MODIFIED');
  }

  /** Marks workloads rolled out: one by name, or every Deployment and StatefulSet in `namespace`. */
  markReady(namespace: string, name?: string): void {
    for (const object of this.store.values()) {
      if (object.apiVersion !== 'apps/v1' || object.metadata.namespace !== namespace) continue;
      if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
      if (name !== undefined && object.metadata.name !== name) continue;
      const replicas = object.spec?.replicas ?? 1;
      const generation = object.metadata.generation ?? 1;
      this.setStatus(
        'apps/v1',
        object.kind,
        namespace,
        object.metadata.name,
        object.kind === 'Deployment'
          ? {
              observedGeneration: generation,
              replicas,
              updatedReplicas: replicas,
              readyReplicas: replicas,
              availableReplicas: replicas,
              conditions: [
                {
                  type: 'Available',
                  status: 'True',
                  reason: 'MinimumReplicasAvailable',
                  message: 'Deployment has minimum availability.',
                },
                {
                  type: 'Progressing',
                  status: 'True',
                  reason: 'NewReplicaSetAvailable',
                  message: `ReplicaSet "${object.metadata.name}-7d9c" has successfully progressed.`,
                },
              ],
            }
          : {
              observedGeneration: generation,
              replicas,
              readyReplicas: replicas,
              currentReplicas: replicas,
              updatedReplicas: replicas,
              availableReplicas: replicas,
              currentRevision: `${object.metadata.name}-${generation}`,
              updateRevision: `${object.metadata.name}-${generation}`,
            },
      );
    }
  }

  /** Resolves when a watch on `plural` is open (at once if one is). */
  async watchOpened(plural: string): Promise<void> {
    if (this.openWatches.has(plural)) return;
    for (;;) {
      const [opened] = (await once(this.events, 'watch')) as [{ plural: string }];
      if (opened.plural === plural) return;
    }
  }

  private readonly openWatches = new Map<string, number>();

  private typeOf(apiVersion: string, kind: string): ResourceType {
    const resource = [...BUILT_IN_TYPES, ...MONITORING_TYPES, ...DATABASE_TYPES].find(
      (r) => groupVersionOf(r) === apiVersion && r.kind === kind,
    );
    if (!resource) throw new Error(`stand-in: unknown ${apiVersion} ${kind}`);
    return resource;
  }

  private key(resource: ResourceType, namespace: string | undefined, name: string) {
    return `${resource.group}/${resource.plural}/${namespace ?? ''}/${name}`;
  }

  private save(
    resource: ResourceType,
    object: StoredObject,
    eventType: WatchEvent['type'],
  ): StoredObject {
    this.rv++;
    object.metadata.resourceVersion = String(this.rv);
    this.store.set(this.key(resource, object.metadata.namespace, object.metadata.name), object);
    this.emit({ rv: this.rv, type: eventType, resource, object: copy(object) });
    return copy(object);
  }

  private remove(resource: ResourceType, object: StoredObject) {
    this.rv++;
    this.store.delete(this.key(resource, object.metadata.namespace, object.metadata.name));
    this.emit({
      rv: this.rv,
      type: 'DELETED',
      resource,
      object: {
        ...copy(object),
        metadata: { ...object.metadata, resourceVersion: String(this.rv) },
      },
    });
  }

  private emit(event: WatchEvent) {
    this.history.push(event);
    for (const watcher of this.watchers) watcher(event);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://standin');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? parseYaml(text) : undefined;
    } catch {
      body = text;
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
      body,
    };
    this.requests.push(request);
    this.events.emit('request', request);

    if (request.authorization !== `Bearer ${this.token}`)
      return this.status(res, 401, 'Unauthorized', 'Unauthorized');
    if (request.method === 'GET' && this.discovery(res, url.pathname)) return;
    const route = this.route(url.pathname);
    if (!route)
      return this.status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const { resource, namespace, name } = route;
    const verb =
      { GET: name ? 'get' : 'list', PATCH: 'patch', DELETE: 'delete' }[request.method] ??
      request.method.toLowerCase();
    if (this.forbidden.some((f) => f.method === request.method && f.plural === resource.plural))
      return this.status(
        res,
        403,
        'Forbidden',
        `${qualified(resource)}${name ? ` "${name}"` : ''} is forbidden: User "tester" cannot ${verb} resource "${resource.plural}" in API group "${resource.group}" ${namespace ? `in the namespace "${namespace}"` : 'at the cluster scope'}`,
      );

    if (request.method === 'GET' && name) return this.read(res, route, name);
    if (request.method === 'GET' && request.query.watch === 'true')
      return this.watch(req, res, route, request.query);
    if (request.method === 'GET') return this.list(res, route, request.query.labelSelector);
    if (request.method === 'PATCH' && name) return this.apply(res, route, name, request);
    if (request.method === 'DELETE' && name) return this.delete(res, route, name);
    return this.status(res, 405, 'MethodNotAllowed', `${request.method} is not supported here`);
  }

  /** GET /api/v1 and /apis/<group>/<version>: the resource lists the client discovers kinds from. */
  private discovery(res: ServerResponse, path: string): boolean {
    const groupVersion =
      path === '/api/v1'
        ? 'v1'
        : /^\/apis\/[^/]+\/[^/]+$/.test(path)
          ? path.slice('/apis/'.length)
          : undefined;
    if (!groupVersion) return false;
    const resources = this.types.filter((r) => groupVersionOf(r) === groupVersion);
    if (resources.length === 0) {
      this.status(res, 404, 'NotFound', 'the server could not find the requested resource');
      return true;
    }
    this.json(res, 200, {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion,
      resources: resources.map((r) => ({
        name: r.plural,
        singularName: r.kind.toLowerCase(),
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      })),
    });
    return true;
  }

  private route(path: string): Route | undefined {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    let group: string;
    let version: string | undefined;
    let rest: string[];
    if (parts[0] === 'api') [group, version, rest] = ['', parts[1], parts.slice(2)];
    else if (parts[0] === 'apis')
      [group, version, rest] = [parts[1] ?? '', parts[2], parts.slice(3)];
    else return undefined;
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) [namespace, rest] = [rest[1], rest.slice(2)];
    if (rest.length < 1 || rest.length > 2) return undefined;
    const resource = this.types.find(
      (r) => r.group === group && r.version === version && r.plural === rest[0],
    );
    if (!resource || (namespace !== undefined && !resource.namespaced)) return undefined;
    if (resource.namespaced && namespace === undefined && rest[1] !== undefined) return undefined;
    return { resource, namespace, name: rest[1] };
  }

  private notFound(res: ServerResponse, resource: ResourceType, name: string) {
    this.status(res, 404, 'NotFound', `${qualified(resource)} "${name}" not found`, {
      name,
      kind: resource.plural,
    });
  }

  private read(res: ServerResponse, { resource, namespace }: Route, name: string) {
    const found = this.store.get(this.key(resource, namespace, name));
    if (!found) return this.notFound(res, resource, name);
    this.json(res, 200, found);
  }

  private matching(
    resource: ResourceType,
    namespace: string | undefined,
    labelSelector: string | undefined,
  ) {
    const requirements = (labelSelector ?? '')
      .split(',')
      .filter(Boolean)
      .map((term) => {
        const [key = '', value] = term.split(/!=|==|=/);
        return { key, value, negated: term.includes('!=') };
      });
    return [...this.store.values()].filter((o) => {
      if (o.apiVersion !== groupVersionOf(resource) || o.kind !== resource.kind) return false;
      if (namespace !== undefined && o.metadata.namespace !== namespace) return false;
      const labels = o.metadata.labels ?? {};
      return requirements.every(({ key, value, negated }) =>
        value === undefined
          ? key in labels
          : negated
            ? labels[key] !== value
            : labels[key] === value,
      );
    });
  }

  private list(
    res: ServerResponse,
    { resource, namespace }: Route,
    labelSelector: string | undefined,
  ) {
    this.json(res, 200, {
      apiVersion: groupVersionOf(resource),
      kind: `${resource.kind}List`,
      metadata: { resourceVersion: String(this.rv) },
      items: this.matching(resource, namespace, labelSelector),
    });
  }

  private watch(
    req: IncomingMessage,
    res: ServerResponse,
    { resource, namespace }: Route,
    query: Record<string, string>,
  ) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
    const matches = (e: WatchEvent) =>
      e.resource === resource &&
      (namespace === undefined || e.object.metadata.namespace === namespace);
    const send = (e: Pick<WatchEvent, 'type' | 'object'>) =>
      res.write(`${JSON.stringify({ type: e.type, object: e.object })}\n`);
    const from = query.resourceVersion ? Number(query.resourceVersion) : undefined;
    if (from === undefined)
      for (const object of this.matching(resource, namespace, undefined))
        send({ type: 'ADDED', object });
    else for (const e of this.history) if (e.rv > from && matches(e)) send(e);
    const watcher = (e: WatchEvent) => {
      if (matches(e)) send(e);
    };
    this.watchers.add(watcher);
    this.openWatches.set(resource.plural, (this.openWatches.get(resource.plural) ?? 0) + 1);
    const timer = query.timeoutSeconds
      ? setTimeout(() => res.end(), Number(query.timeoutSeconds) * 1000)
      : undefined;
    req.socket.on('close', () => {
      clearTimeout(timer);
      this.watchers.delete(watcher);
      const open = (this.openWatches.get(resource.plural) ?? 1) - 1;
      if (open > 0) this.openWatches.set(resource.plural, open);
      else this.openWatches.delete(resource.plural);
    });
    this.events.emit('watch', { plural: resource.plural, namespace });
  }

  /** Server-side apply, simplified: the applied configuration replaces the stored one. */
  private apply(
    res: ServerResponse,
    { resource, namespace }: Route,
    name: string,
    request: RecordedRequest,
  ) {
    if (request.contentType !== 'application/apply-patch+yaml')
      return this.status(
        res,
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml (got ${request.contentType})`,
      );
    const fieldManager = request.query.fieldManager;
    if (!fieldManager)
      return this.status(
        res,
        400,
        'BadRequest',
        'PATCH request with apply content type must have fieldManager',
      );
    const body = request.body as StoredObject | undefined;
    if (!body || typeof body !== 'object' || !body.metadata)
      return this.status(res, 400, 'BadRequest', 'the body is not an object');
    if (body.apiVersion !== groupVersionOf(resource) || body.kind !== resource.kind)
      return this.status(
        res,
        400,
        'BadRequest',
        `${body.apiVersion} ${body.kind} sent to ${qualified(resource)}`,
      );
    if (body.metadata.name !== name)
      return this.status(
        res,
        400,
        'BadRequest',
        'the name of the object does not match the name on the URL',
      );
    if (
      resource.namespaced &&
      body.metadata.namespace !== undefined &&
      body.metadata.namespace !== namespace
    )
      return this.status(
        res,
        400,
        'BadRequest',
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    if (resource.namespaced) {
      const ns = this.store.get(
        this.key(this.typeOf('v1', 'Namespace'), undefined, namespace ?? ''),
      );
      if (!ns)
        return this.status(res, 404, 'NotFound', `namespaces "${namespace}" not found`, {
          name: namespace,
          kind: 'namespaces',
        });
      if (ns.metadata.deletionTimestamp)
        return this.status(
          res,
          403,
          'Forbidden',
          `${qualified(resource)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        );
    }
    const key = this.key(resource, namespace, name);
    const existing = this.store.get(key);
    const generation = !existing
      ? 1
      : JSON.stringify(existing.spec) === JSON.stringify(body.spec)
        ? (existing.metadata.generation ?? 1)
        : (existing.metadata.generation ?? 1) + 1;
    const stored: StoredObject = {
      ...copy(body),
      metadata: {
        ...copy(body.metadata),
        ...(resource.namespaced && { namespace }),
        uid: existing?.metadata.uid ?? randomUUID(),
        creationTimestamp: existing?.metadata.creationTimestamp ?? new Date().toISOString(),
        generation,
        managedFields: [{ manager: fieldManager, operation: 'Apply', apiVersion: body.apiVersion }],
      },
    };
    const status =
      generation === existing?.metadata.generation ? existing.status : this.initialStatus(stored);
    if (status) stored.status = copy(status);
    const saved = this.save(resource, stored, existing ? 'MODIFIED' : 'ADDED');
    this.json(res, existing ? 200 : 201, saved);
  }

  /** What a controller would report right after a change: a namespace is active, a workload not ready. */
  private initialStatus(object: StoredObject): Record<string, unknown> | undefined {
    const generation = object.metadata.generation ?? 1;
    const replicas = object.spec?.replicas ?? 1;
    if (object.kind === 'Namespace') return { phase: 'Active' };
    if (object.kind === 'Deployment')
      return {
        observedGeneration: generation,
        replicas,
        // The new ReplicaSet's pods exist but are not ready yet.
        updatedReplicas: replicas,
        readyReplicas: 0,
        availableReplicas: 0,
        unavailableReplicas: replicas,
        conditions: [
          {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${object.metadata.name}-7d9c" is progressing.`,
          },
        ],
      };
    if (object.kind === 'StatefulSet')
      return {
        observedGeneration: generation,
        replicas,
        readyReplicas: 0,
        currentReplicas: 0,
        updatedReplicas: 0,
        availableReplicas: 0,
        currentRevision: `${object.metadata.name}-${generation - 1}`,
        updateRevision: `${object.metadata.name}-${generation}`,
      };
    return undefined;
  }

  private delete(res: ServerResponse, { resource, namespace }: Route, name: string) {
    const stored = this.store.get(this.key(resource, namespace, name));
    if (!stored) return this.notFound(res, resource, name);
    if (resource.kind !== 'Namespace') {
      this.remove(resource, stored);
      return this.json(res, 200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, kind: resource.plural },
      });
    }
    if (!stored.metadata.deletionTimestamp) {
      const terminating: StoredObject = {
        ...copy(stored),
        metadata: { ...copy(stored.metadata), deletionTimestamp: new Date().toISOString() },
        status: {
          phase: 'Terminating',
          conditions: [
            {
              type: 'NamespaceContentRemaining',
              status: 'True',
              reason: 'SomeResourcesRemain',
              message: 'Some resources are remaining: pods. has 2 resource instances',
            },
          ],
        },
      };
      this.json(res, 200, this.save(resource, terminating, 'MODIFIED'));
      if (this.deletionMs !== 'never')
        setTimeout(() => this.finishNamespace(name), this.deletionMs);
      return;
    }
    this.json(res, 200, stored);
  }

  private finishNamespace(name: string) {
    for (const object of [...this.store.values()]) {
      if (object.metadata.namespace === name)
        this.remove(this.typeOf(object.apiVersion, object.kind), object);
    }
    const namespace = this.store.get(this.key(this.typeOf('v1', 'Namespace'), undefined, name));
    if (namespace) this.remove(this.typeOf('v1', 'Namespace'), namespace);
  }

  private status(
    res: ServerResponse,
    code: number,
    reason: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    this.json(res, code, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details && { details }),
      code,
    });
  }

  private json(res: ServerResponse, code: number, body: unknown) {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
