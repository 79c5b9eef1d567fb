import type { IncomingMessage } from 'node:http';

/**
 * Reads the body as text and calls `done` with it, or with `null` once it passes `maxBytes` (the
 * rest is not read). Plain stream events, no promise: on a small beacon an async iterator or a
 * promise per request cost more than validating it. A client that hangs up mid-body never
 * reaches `done`, so nothing of it is recorded.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  done: (body: string | null) => void,
): void {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) return done(null);
  let first: Buffer | null = null;
  let more: Buffer[] | null = null;
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause();
      done(null);
    } else if (first === null) first = chunk;
    else (more ??= [first]).push(chunk);
  };
  const onEnd = () =>
    done(more ? Buffer.concat(more).toString('utf8') : (first?.toString('utf8') ?? ''));
  req.on('data', onData);
  req.once('end', onEnd);
}
