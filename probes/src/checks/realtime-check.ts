import { PROTOCOL_VERSION } from '@classpulse/realtime/protocol';
import type { TokenService } from '@classpulse/realtime/tokens';
import { io, type Socket } from 'socket.io-client';
import type { Check } from '../check.ts';
import { ProbeFailure } from '../failure.ts';
import { timedRun } from '../run-context.ts';

/** Why a connect failed, from socket.io's connect_error (our typed refusal, or the transport). */
function connectFailure(error: Error & { data?: { code?: string } }): ProbeFailure {
  const code = error.data?.code;
  if (code === 'unauthorized' || code === 'forbidden')
    return new ProbeFailure('connect', 'auth', `refused: ${code}`);
  if (code) return new ProbeFailure('connect', 'protocol', `refused: ${code}`);
  // socket.io reports a refused or failed WebSocket as "websocket error"; the cause has the code.
  const cause = (error as { description?: { error?: { code?: string } } }).description?.error;
  if (cause?.code === 'ECONNREFUSED')
    return new ProbeFailure('connect', 'connection_refused', error.message);
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN')
    return new ProbeFailure('connect', 'dns', error.message);
  return new ProbeFailure('connect', 'connection_refused', error.message);
}

/**
 * Our realtime tier as a student's browser reaches it: a WebSocket connect through the socket.io
 * handshake (with a signed probe token), then a `ping` round trip through the protocol.
 */
export function realtimeCheck(options: { url: string; tokens: TokenService }): Check {
  return {
    kind: 'realtime',
    async tick(context) {
      // Closed whatever happens; a list, because the socket is made inside the timed run.
      const opened: Socket[] = [];
      try {
        const result = await timedRun(
          {
            kind: 'realtime',
            target: context.target,
            probe: context.probe,
            transport: 'websocket',
          },
          context,
          async (run) => {
            const token = await options.tokens.signProbe(context.probe, 300);
            const connected = io(options.url, {
              auth: { v: PROTOCOL_VERSION, token },
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
              timeout: context.phaseTimeoutMs,
            });
            opened.push(connected);
            await run.phase(
              'connect',
              () =>
                new Promise<void>((resolve, reject) => {
                  connected.once('connect', () => resolve());
                  connected.once('connect_error', (error: Error & { data?: { code?: string } }) =>
                    reject(connectFailure(error)),
                  );
                }),
            );
            await run.phase('roundtrip', async () => {
              const sentAt = Date.now();
              const reply = (await connected
                .timeout(context.phaseTimeoutMs)
                .emitWithAck('ping', { sentAt })) as {
                ok?: boolean;
                sentAt?: number;
              };
              if (reply.ok !== true || reply.sentAt !== sentAt)
                throw new ProbeFailure(
                  'roundtrip',
                  'protocol',
                  'the ping was not answered as sent',
                );
            });
          },
        );
        if (!result.ok)
          context.logger.warn(
            {
              phase: result.failure.phase,
              reason: result.failure.reason,
              err: result.failure.message,
            },
            'realtime probe failed',
          );
      } finally {
        for (const socket of opened) socket.disconnect();
      }
    },
  };
}
