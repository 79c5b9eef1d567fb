import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface DelayProxy {
  /** host:port to connect to instead of the target. */
  host: string;
  /** Added to every chunk from the target to the client. */
  delayMs: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of `target` (host:port) that holds every chunk coming back from the
 * target for `delayMs`, in order: a slow network between a probe and the database.
 */
export async function startDelayProxy(target: string, delayMs: number): Promise<DelayProxy> {
  const [targetHost, targetPort] = target.split(':') as [string, string];
  const sockets = new Set<Socket>();
  const proxy: DelayProxy = { host: '', delayMs, close: async () => undefined };
  const server: Server = createServer((client) => {
    const upstream = connect(Number(targetPort), targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    // Delayed by a chain of timers, so chunks keep their order.
    let chain = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      chain = chain.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => (client.write(chunk), resolve()), proxy.delayMs),
          ),
      );
    });
    upstream.on('end', () => void chain.then(() => client.end()));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => void chain.then(() => client.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
