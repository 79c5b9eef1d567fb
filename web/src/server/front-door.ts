import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebRefusalReason } from '@classpulse/metrics-aggregator/catalog';
import type { HttpLimits } from './config.ts';
import { webMetrics } from './web-metrics.ts';

/**
 * What every request meets before the app (both launchers: `npm start` and the production
 * server): deadlines (`serverOptions`) and a connection cap (`hardenServer`), then a well-formed Host, a body within
 * its route's limit, and HSTS where configured. Each refusal is counted by reason.
 */

/** Room for the multipart envelope (boundaries, part headers) around an uploaded image. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
export const UPLOAD_PATH = '/api/uploads';
export const IMPORT_PATH = '/api/imports';

/** The two routes that take files, and how large a file each takes. */
export interface FileLimits {
  uploadMaxBytes: number;
  importMaxBytes: number;
}

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
/** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const HOST = new RegExp(
  `^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?$`,
);

/** A Host (or each X-Forwarded-Host) that could name us; anything else never reaches a header. */
export function wellFormedHost(value: string | undefined): boolean {
  if (value === undefined || value.length > 260) return false;
  return value.split(',').every((part) => HOST.test(part.trim()));
}

function refuse(reason: WebRefusalReason): void {
  webMetrics().refused.inc({ reason });
}

/**
 * `createServer` options: deadlines for the headers (slowloris) and the whole request, keep-alive,
 * and how often Node checks them (its default, 30 s, would let a slow client linger that long).
 */
export function serverOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(5_000, Math.ceil(limits.headersTimeoutMs / 2)),
  };
}

/** The connection cap, and a short answer to malformed requests; both counted. */
export function hardenServer(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = 100;
  server.on('drop', () => refuse('connection_limit'));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    refuse(timeout ? 'timeout' : 'bad_request');
    socket.end(
      timeout
        ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'
        : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
    );
  });
}

/** The most a request to this path may send: an upload's image, or any other route's body. */
export function bodyLimitFor(path: string, limits: HttpLimits, files: FileLimits): number {
  if (path === UPLOAD_PATH) return files.uploadMaxBytes + MULTIPART_OVERHEAD_BYTES;
  if (path === IMPORT_PATH) return files.importMaxBytes + MULTIPART_OVERHEAD_BYTES;
  return limits.bodyMaxBytes;
}

/**
 * Checks a request before the app sees it. False when it was answered here (400 for a malformed
 * Host or X-Forwarded-Host, 411 for a body without a declared length, 413 for one declared over
 * the limit; neither is read). Routes read within their own, smaller limits (request-body.ts).
 */
export function admitRequest(
  req: IncomingMessage,
  res: ServerResponse,
  limits: HttpLimits,
  files: FileLimits,
): boolean {
  const forwardedHost = req.headers['x-forwarded-host'];
  if (
    !wellFormedHost(req.headers.host) ||
    (forwardedHost !== undefined && !wellFormedHost(String(forwardedHost)))
  ) {
    refuse('bad_host');
    answer(res, 400, 'bad_host', 'The Host header is not a host name.');
    return false;
  }
  // A body must say how long it is, so the limit holds before a byte is read (browsers always
  // do; only a hand-made client streams one). Next would otherwise buffer it for the proxy.
  if (req.headers['transfer-encoding'] !== undefined) {
    refuse('length_required');
    answer(res, 411, 'length_required', 'Send the request with a Content-Length.');
    return false;
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > bodyLimitFor(path, limits, files)) {
    refuse('too_large');
    answer(res, 413, 'too_large', 'The request is too large.');
    return false;
  }
  if (limits.hstsMaxAgeSeconds > 0 && servedOverHttps(req))
    res.setHeader(
      'strict-transport-security',
      `max-age=${limits.hstsMaxAgeSeconds}; includeSubDomains`,
    );
  return true;
}

function servedOverHttps(req: IncomingMessage): boolean {
  if ('encrypted' in req.socket && req.socket.encrypted === true) return true;
  const proto = req.headers['x-forwarded-proto'];
  return typeof proto === 'string' && proto.split(',')[0]?.trim() === 'https';
}

/** The web API's error shape; the connection closes, so an unread body is never read. */
function answer(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(JSON.stringify({ ok: false, code, message }));
}
