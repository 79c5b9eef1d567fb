import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { webConfig } from './config.ts';
import { getSession, teacherTokenFor } from './sessions.ts';

/** Why a session's data could not be had from the realtime tier, as pages and downloads say it. */
export type RealtimeFailure = { ok: false; status: number; message: string };

/** Where the realtime tier serves a session (`path`: '' for its state, '/health', …). */
export function realtimeSessionUrl(sessionId: string, path = ''): string {
  return `${webConfig().realtimeInternalUrl}/v1/sessions/${encodeURIComponent(sessionId)}${path}`;
}

/**
 * Asks the realtime tier about a session as `teacherId` (a fresh teacher token), uncached, with an
 * optional JSON body; null when the tier cannot be reached. Whether this teacher may ask is the
 * caller's to check first.
 */
export async function fetchRealtimeAs(
  teacherId: string,
  sessionId: string,
  path: string,
  { method = 'GET', body }: { method?: 'GET' | 'DELETE' | 'POST'; body?: unknown } = {},
): Promise<Response | null> {
  const token = await teacherTokenFor(teacherId, sessionId);
  try {
    return await fetch(realtimeSessionUrl(sessionId, path), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return null;
  }
}

/**
 * GETs one of the teacher's sessions from the realtime tier with a fresh teacher token, uncached.
 * A session that is not this teacher's is never asked for. The answer is the tier's, once it is a
 * 2xx; reading its body is the caller's.
 */
export async function getFromRealtime(
  teacherId: string,
  sessionId: string,
  path = '',
): Promise<{ ok: true; response: Response } | RealtimeFailure> {
  if (!(await getSession(teacherId, sessionId)))
    return { ok: false, status: 404, message: 'This session does not exist.' };
  const response = await fetchRealtimeAs(teacherId, sessionId, path);
  if (!response)
    return { ok: false, status: 503, message: 'The live-session service is not reachable.' };
  if (response.status === 404)
    return { ok: false, status: 404, message: 'This session no longer exists.' };
  if (!response.ok)
    return { ok: false, status: 503, message: 'The live-session service did not answer.' };
  return { ok: true, response };
}

/** A streamed answer of the realtime tier: its bytes as the reader takes them. */
export interface RealtimeStream {
  /** Pauses the connection while the reader is not reading (backpressure). */
  body: AsyncIterable<Uint8Array>;
  /** Stops reading and closes the connection (the reader went away). */
  destroy(): void;
}

/**
 * Like `getFromRealtime`, for an answer that streams (a million-answer report): over `node:http`
 * rather than the app's `fetch`, whose Next.js wrapper is built for answers read whole, so the
 * bytes flow only as fast as the browser downloads them and stop when it goes away.
 */
export async function streamFromRealtime(
  teacherId: string,
  sessionId: string,
  path: string,
): Promise<({ ok: true } & RealtimeStream) | RealtimeFailure> {
  if (!(await getSession(teacherId, sessionId)))
    return { ok: false, status: 404, message: 'This session does not exist.' };
  const token = await teacherTokenFor(teacherId, sessionId);
  const url = new URL(realtimeSessionUrl(sessionId, path));
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  const response = await new Promise<IncomingMessage | null>((resolve) => {
    const request = get(url, { headers: { authorization: `Bearer ${token}` } }, resolve);
    request.on('error', () => resolve(null));
  });
  if (!response)
    return { ok: false, status: 503, message: 'The live-session service is not reachable.' };
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.destroy();
    return status === 404
      ? { ok: false, status: 404, message: 'This session no longer exists.' }
      : { ok: false, status: 503, message: 'The live-session service did not answer.' };
  }
  return { ok: true, body: response, destroy: () => response.destroy() };
}
