import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import FirebaseServer from 'firebase-server';
import { rtdbRestHandler } from './rtdb-rest.ts';

export const DATABASE_RULES = JSON.parse(
  readFileSync(new URL('../../firebase/database.rules.json', import.meta.url), 'utf8'),
) as object;

export interface RtdbServer {
  /** host:port, as FIREBASE_DATABASE_EMULATOR_HOST and connectDatabaseEmulator take it. */
  host: string;
  port: number;
  /** A database URL whose namespace is this test's (the server keeps one tree whatever it is). */
  databaseUrl: string;
  server: FirebaseServer;
  stop(): Promise<void>;
}

/**
 * A local server speaking the Realtime Database WebSocket protocol (and the REST API probes
 * use, rtdb-rest.ts): firebase-server 1.1.0 with
 * our patch (patches/firebase-server+1.1.0.patch), the official emulator being unable to run
 * here. Port 0: the HTTP server listens first, so the handshake can name the real port.
 */
export async function startRtdbServer(
  options: { rules?: object | null } = {},
): Promise<RtdbServer> {
  const http = createServer();
  let rest: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  http.on('request', (req, res) => rest?.(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const server = new FirebaseServer({ server: http }, host);
  if (options.rules !== null) server.setRules(options.rules ?? DATABASE_RULES);
  rest = rtdbRestHandler(server);
  return {
    host,
    port,
    databaseUrl: `http://${host}?ns=classpulse-test`,
    server,
    async stop() {
      // Clients of an attached WebSocket server outlive close(): end them, or SDKs keep a
      // socket (and the test process) alive.
      for (const socket of (server as unknown as { wss: { clients: Set<{ terminate(): void }> } })
        .wss.clients)
        socket.terminate();
      await server.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
