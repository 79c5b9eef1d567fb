import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadRealtimeConfig } from '../src/server/index.ts';

describe('realtime config', () => {
  it('runs on defaults with no environment at all', () => {
    const config = loadRealtimeConfig({});
    assert.equal(config.port, 4100);
    assert.equal(config.sqliteSynchronous, 'full');
    assert.equal(config.tokenSecret, undefined);
    assert.ok(config.sqlitePath.endsWith('realtime.sqlite'));
  });

  it('treats empty variables (as copied from .env.example) as unset', () => {
    const config = loadRealtimeConfig({
      REALTIME_TOKEN_SECRET: '',
      REALTIME_PORT: '',
      REALTIME_SQLITE_PATH: '',
    });
    assert.equal(config.port, 4100);
    assert.equal(config.tokenSecret, undefined);
  });

  it('parses units, lists and booleans', () => {
    const config = loadRealtimeConfig({
      REALTIME_PORT: '0',
      REALTIME_CORS_ORIGINS: 'https://a.example, https://b.example',
      REALTIME_WEBSOCKET_ONLY: 'true',
      REALTIME_PRESENCE_GONE_AFTER_MS: '5000',
    });
    assert.equal(config.port, 0);
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(config.websocketOnly, true);
    assert.equal(config.presenceGoneAfterMs, 5000);
  });

  it('runs as one process on SQLite unless a Redis URL makes it one of a cluster', () => {
    assert.equal(loadRealtimeConfig({}).redisUrl, undefined);
    const config = loadRealtimeConfig({
      REALTIME_REDIS_URL: 'redis://redis.internal:6379/0',
      REALTIME_SESSION_LEASE_MS: '5000',
    });
    assert.equal(config.redisUrl, 'redis://redis.internal:6379/0');
    assert.equal(config.redisKeyPrefix, 'cp:');
    assert.equal(config.sessionLeaseMs, 5000);
    assert.throws(
      () => loadRealtimeConfig({ REALTIME_REDIS_URL: 'localhost:6379' }),
      (error: unknown) =>
        error instanceof ConfigError && error.message.includes('redis://host:6379'),
    );
  });

  it('refuses bad values with a message naming every bad variable', () => {
    assert.throws(
      () =>
        loadRealtimeConfig({
          REALTIME_PORT: '70000',
          REALTIME_TOKEN_SECRET: 'short',
          REALTIME_WEBSOCKET_ONLY: 'yes',
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        ['REALTIME_PORT', 'REALTIME_TOKEN_SECRET', 'REALTIME_WEBSOCKET_ONLY'].every((v) =>
          error.message.includes(v),
        ),
    );
  });
});
