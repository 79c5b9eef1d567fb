import { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * Request/reply between realtime processes over Redis pub/sub: how a process that holds a
 * student's socket hands the student's command to the process that owns the session, and gets
 * the acknowledgement back. Each process listens on `<prefix>rpc:<processId>`. Delivery is
 * at-most-once (pub/sub): callers time out and retry, and commands are idempotent (answer ids).
 */
export interface ProcessRpcOptions {
  url: string;
  keyPrefix: string;
  processId: string;
}

export type RpcHandler = (payload: unknown, from: string) => Promise<unknown>;

export interface ProcessRpc {
  readonly processId: string;
  /** Rejects with `RpcTimeoutError` when no reply came in time (the target may be gone). */
  request(target: string, payload: unknown, timeoutMs: number): Promise<unknown>;
  serve(handler: RpcHandler): void;
  close(): Promise<void>;
}

export class RpcTimeoutError extends Error {}
/** The target ran the request and failed; `message` is its error's message. */
export class RpcRemoteError extends Error {}

const envelopeSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('req'), id: z.string(), from: z.string(), payload: z.unknown() }),
  z.object({ t: z.literal('ok'), id: z.string(), result: z.unknown() }),
  z.object({ t: z.literal('err'), id: z.string(), error: z.string() }),
]);
type Envelope = z.infer<typeof envelopeSchema>;

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export async function createProcessRpc(options: ProcessRpcOptions): Promise<ProcessRpc> {
  const channel = (processId: string) => `${options.keyPrefix}rpc:${processId}`;
  const publisher = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(options.url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(channel(options.processId));

  const pending = new Map<string, Pending>();
  let handler: RpcHandler | null = null;
  const send = (target: string, envelope: Envelope) =>
    publisher.publish(channel(target), JSON.stringify(envelope));

  const onRequest = (request: Extract<Envelope, { t: 'req' }>) => {
    const serve = handler;
    if (!serve) return; // not serving: the caller times out
    Promise.resolve()
      .then(() => serve(request.payload, request.from))
      .then(
        (result) => send(request.from, { t: 'ok', id: request.id, result }),
        (error: unknown) =>
          send(request.from, {
            t: 'err',
            id: request.id,
            error: error instanceof Error ? error.message : String(error),
          }),
      )
      .catch(() => undefined); // Redis away: the caller times out and retries
  };

  subscriber.on('message', (_channel: string, raw: string) => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return; // not JSON: not ours
    }
    const parsed = envelopeSchema.safeParse(json);
    if (!parsed.success) return;
    const envelope = parsed.data;
    if (envelope.t === 'req') return onRequest(envelope);
    const waiting = pending.get(envelope.id);
    if (!waiting) return; // timed out already
    pending.delete(envelope.id);
    clearTimeout(waiting.timer);
    if (envelope.t === 'ok') waiting.resolve(envelope.result);
    else waiting.reject(new RpcRemoteError(envelope.error));
  });

  // A request's id only pairs it with its reply, which comes back on this process's own channel:
  // a counter is unique there (and costs no random bytes per cross-process event).
  let lastRequestId = 0;
  return {
    processId: options.processId,
    request(target, payload, timeoutMs) {
      const id = String(++lastRequestId);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new RpcTimeoutError(`no reply from ${target} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        send(target, { t: 'req', id, from: options.processId, payload }).catch((error: unknown) => {
          pending.delete(id);
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
    serve(next) {
      handler = next;
    },
    async close() {
      handler = null;
      for (const [id, waiting] of pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new RpcTimeoutError('closed'));
        pending.delete(id);
      }
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
