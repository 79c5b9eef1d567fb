import { connect, createServer, type Socket } from 'node:net';

export interface TcpBalancer {
  url: string;
  close(): Promise<void>;
}

/**
 * A layer-4 load balancer for tests: each new connection goes to the first backend (in the order
 * `backends()` gives now) that accepts it, like a balancer whose health check dropped a dead pod.
 * Connections are piped byte for byte, so socket.io, HTTP and WebSocket pass unchanged.
 */
export async function startTcpBalancer(backends: () => number[]): Promise<TcpBalancer> {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    client.pause();
    const tryBackend = (ports: number[]) => {
      const [port, ...rest] = ports;
      if (port === undefined) return client.destroy();
      const upstream = connect(port, '127.0.0.1');
      let connected = false;
      upstream.on('error', () => {
        if (connected) client.destroy();
        else tryBackend(rest); // refused: that backend is down
      });
      upstream.once('connect', () => {
        connected = true;
        track(upstream);
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.resume();
      });
    };
    tryBackend(backends());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
