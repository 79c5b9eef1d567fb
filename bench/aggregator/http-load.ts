/**
 * The load generator: keep-alive HTTP/1.1 over plain sockets, one request in flight per
 * connection (no pipelining, as browsers do), each response awaited before the connection's
 * next request. Requests are pre-built bytes and responses are only framed (status line,
 * Content-Length), so one core of the generator can keep a server's core busy; a `node:http`
 * client spends about as much CPU per request as the bare server does and would be the
 * bottleneck instead.
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RequestBytes } from './beacons.ts';

export interface LoadResult {
  /** Responses received. */
  requests: number;
  /** Responses by status code. */
  statuses: Record<number, number>;
  /** From the first request to the last response. */
  seconds: number;
}

export interface Load {
  /** Sends requests as fast as answers come back for `durationMs`, then waits for the last. */
  run(next: () => RequestBytes, durationMs: number): Promise<LoadResult>;
  close(): void;
}

const HEAD_END = Buffer.from('\r\n\r\n');
/** Longer than any response we wait for; a stuck server fails the run instead of hanging it. */
const RESPONSE_TIMEOUT_MS = 30_000;

/** Status and length of the first complete response in `buffer`, or null if it is incomplete. */
function frame(buffer: Buffer): { status: number; length: number } | null {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = buffer.toString('latin1', 0, headEnd);
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1];
  if (!status) throw new Error(`not an HTTP/1.1 response: ${JSON.stringify(head.slice(0, 80))}`);
  if (/\r\ntransfer-encoding:/i.test(head))
    throw new Error('chunked responses are not expected from a beacon endpoint');
  const declared = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  if (declared === undefined && status !== '204' && status !== '304')
    throw new Error(`a ${status} response without Content-Length`);
  const length = headEnd + HEAD_END.length + Number(declared ?? 0);
  return buffer.length < length ? null : { status: Number(status), length };
}

/** Opens `connections` keep-alive connections to `port` on 127.0.0.1. */
export async function openLoad(port: number, connections: number): Promise<Load> {
  const opening = await Promise.allSettled(
    Array.from(
      { length: connections },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect({ port, host: '127.0.0.1', noDelay: true });
          socket.once('connect', () => {
            socket.off('error', reject);
            resolve(socket);
          });
          socket.once('error', reject);
        }),
    ),
  );
  const sockets = opening.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const refused = opening.find((o) => o.status === 'rejected');
  if (refused) {
    for (const socket of sockets) socket.destroy();
    throw refused.reason;
  }
  let closing = false;
  let used = false;
  // Until a run starts, a connection that fails is remembered and fails the run.
  let earlyError: Error | null = null;
  let fail = (error: Error) => void (earlyError ??= error);
  for (const socket of sockets) {
    socket.on('error', (error) => fail(error));
    socket.on('close', () => {
      if (!closing) fail(new Error('the server closed a keep-alive connection'));
    });
  }
  return {
    run(next, durationMs) {
      if (used) throw new Error('a Load runs once');
      used = true;
      return new Promise<LoadResult>((resolve, reject) => {
        const statuses: Record<number, number> = {};
        let requests = 0;
        let active = sockets.length;
        let failed = false;
        const started = performance.now();
        const deadline = started + durationMs;
        fail = (error: Error) => {
          if (failed) return;
          failed = true;
          clearTimeout(stuck);
          reject(error);
        };
        const stuck = setTimeout(
          () => fail(new Error(`no answer within ${RESPONSE_TIMEOUT_MS} ms of the run's end`)),
          durationMs + RESPONSE_TIMEOUT_MS,
        );
        const send = (socket: Socket) => {
          const [start, rest] = next();
          socket.cork();
          socket.write(start);
          socket.write(rest);
          socket.uncork();
        };
        for (const socket of sockets) {
          let pending: Buffer | null = null;
          socket.on('data', (chunk: Buffer) => {
            let buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
            try {
              for (let response = frame(buffer); response; response = frame(buffer)) {
                requests += 1;
                statuses[response.status] = (statuses[response.status] ?? 0) + 1;
                buffer = buffer.subarray(response.length);
                if (performance.now() < deadline) send(socket);
                else if ((active -= 1) === 0 && !failed) {
                  clearTimeout(stuck);
                  resolve({ requests, statuses, seconds: (performance.now() - started) / 1000 });
                }
              }
            } catch (error) {
              fail(error as Error);
            }
            pending = buffer.length > 0 ? buffer : null;
          });
        }
        if (earlyError) return fail(earlyError);
        for (const socket of sockets) send(socket);
      });
    },
    close() {
      closing = true;
      for (const socket of sockets) socket.destroy();
    },
  };
}
