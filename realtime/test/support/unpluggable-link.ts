import { connect, createServer, type Socket } from 'node:net';

export interface UnpluggableLink {
  /** Point a client here instead of at the server. */
  url: string;
  /** The network drops: open connections are cut, new ones fail, until `plug()`. */
  unplug(): void;
  plug(): void;
  close(): Promise<void>;
}

/**
 * One student's network, for tests: a TCP pipe to the server's port that can be unplugged like
 * a Wi-Fi that drops. Bytes pass unchanged, so socket.io and WebSocket work through it; the
 * server sees the connection end as a real network loss.
 */
export async function startUnpluggableLink(serverPort: () => number): Promise<UnpluggableLink> {
  const open = new Set<Socket>();
  let plugged = true;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    if (!plugged) return client.destroy();
    track(client);
    client.pause();
    const upstream = connect(serverPort(), '127.0.0.1');
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.once('connect', () => {
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const cut = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    unplug() {
      plugged = false;
      cut();
    },
    plug() {
      plugged = true;
    },
    async close() {
      plugged = false;
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
