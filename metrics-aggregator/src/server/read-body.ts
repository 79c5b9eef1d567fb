import type { IncomingMessage } from 'node:http';

/**
 * Reads the body as text and calls `done` with it, or with `null` once it passes `maxBytes` (the
 * rest is not read). Plain stream events, no promise: on a small beacon an async iterator or a
 * promise per request cost more than validating it (the listeners are inline arrows for the
 * same reason: tsx names every named closure it creates). A client that hangs up mid-body never
 * reaches `done`, so nothing of it is recorded.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  done: (body: string | null) => void,
): void {
  if (Number(req.headers['content-length']) > maxBytes) return done(null);
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    if (size > maxBytes) return;
    size += chunk.length;
    if (size > maxBytes) {
      req.pause();
      done(null);
    } else chunks.push(chunk);
  });
  req.once('end', () => {
    if (size <= maxBytes)
      done(
        chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
      );
  });
}
