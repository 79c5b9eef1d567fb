import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RealtimeMetrics } from './metrics.ts';

export interface InternalServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The operators' port: /metrics (Prometheus) and /healthz. Kept off the public port, which
 * students' browsers reach, so the tier's inner numbers are not public.
 */
export async function startInternalServer(
  host: string,
  port: number,
  metrics: RealtimeMetrics,
  isHealthy: () => boolean,
): Promise<InternalServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics' && req.method === 'GET') {
      void metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        },
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (path === '/healthz') {
      const healthy = isHealthy();
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'shutting-down' }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, code: 'not_found', message: 'Not found.' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
