import { request, createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * Networks as school students meet them, for tests: real sockets in front of a real server that
 * misbehave the way proxies and firewalls do.
 */
export interface FaultyNetwork {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, open: Set<Socket>): Promise<FaultyNetwork> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function tracker() {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  return { open, track };
}

/**
 * An HTTP proxy that forwards requests to `target` but refuses every WebSocket upgrade with
 * 403, like a school proxy that strips upgrades: long-polling gets through, WebSockets do not.
 */
export async function startUpgradeStrippingProxy(target: string): Promise<FaultyNetwork> {
  const { open, track } = tracker();
  const upstream = new URL(target);
  const server = createHttpServer((req, res) => {
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  server.on('connection', track);
  server.on('upgrade', (_req, socket: Socket) => {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return listen(server, open);
}

/** Accepts TCP connections and never answers: a firewall that drops packets, seen from far away. */
export async function startBlackhole(): Promise<FaultyNetwork> {
  const { open, track } = tracker();
  const server = createServer((socket) => {
    track(socket);
    socket.on('error', () => undefined);
  });
  return listen(server, open);
}

/**
 * A TCP proxy to `port` that delays every chunk by `delayMs` each way, in order: a slow school
 * network. `cut()` drops every connection through it.
 */
export async function startSlowLink(
  port: number,
  delayMs: number,
): Promise<FaultyNetwork & { cut(): void }> {
  const { open, track } = tracker();
  const delayed = (from: Socket, to: Socket) => {
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      queue = queue
        .then(() => new Promise<void>((resolve) => setTimeout(resolve, delayMs)))
        .then(() => {
          if (!to.destroyed) to.write(chunk);
        });
    });
    from.once('close', () => void queue.then(() => to.destroy()));
  };
  const server = createServer((client) => {
    track(client);
    const upstream = connect(port, '127.0.0.1');
    track(upstream);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    delayed(client, upstream);
    delayed(upstream, client);
  });
  const network = await listen(server, open);
  return {
    ...network,
    cut() {
      for (const socket of open) socket.destroy();
    },
  };
}
