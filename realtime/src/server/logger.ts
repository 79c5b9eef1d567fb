import { pino, type Logger } from 'pino';

/** Namespaced, levelled logger. Tokens and secrets are redacted wherever they appear. */
export function createLogger(level: string, name = 'realtime'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        'token',
        '*.token',
        'auth',
        '*.auth',
        'secret',
        '*.secret',
        'authorization',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  });
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
