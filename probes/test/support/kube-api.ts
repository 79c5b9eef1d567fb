import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';

export interface KubeApiStandIn {
  /** A KubeConfig pointing at this stand-in, as a pod's in-cluster config would point at the API. */
  kubeConfig: KubeConfig;
  /** Requests seen: method and path, and the bearer token. */
  requests: Array<{ method: string; path: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

/**
 * A small in-process stand-in for the Kubernetes API (no kube-apiserver can run here): it serves
 * `GET /api/v1/nodes/{name}` from `nodes` (labels by node name), 404 for other nodes, and
 * `status` overrides the answer for every request when set.
 */
export async function startKubeApi(
  nodes: Record<string, Record<string, string>>,
  options: { status?: number } = {},
): Promise<KubeApiStandIn> {
  const requests: KubeApiStandIn['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (options.status)
      return json(options.status, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        code: options.status,
      });
    const match = /^\/api\/v1\/nodes\/([^/]+)$/.exec(path);
    const labels = match ? nodes[decodeURIComponent(match[1]!)] : undefined;
    if (req.method !== 'GET' || !labels)
      return json(404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
      });
    json(200, { kind: 'Node', apiVersion: 'v1', metadata: { name: match![1], labels } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    kubeConfig: kubeConfigFor(`http://127.0.0.1:${port}`),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A KubeConfig for an API server at `url`, with a service-account-like bearer token. */
export function kubeConfigFor(url: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'test', server: url, skipTLSVerify: true }],
    users: [{ name: 'probe', token: 'service-account-token' }],
    contexts: [{ name: 'test', cluster: 'test', user: 'probe' }],
    currentContext: 'test',
  });
  return kubeConfig;
}
