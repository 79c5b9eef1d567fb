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

  it('turns Firebase mode on with a database URL, and says what is missing or malformed', () => {
    assert.equal(loadRealtimeConfig({}).firebase, undefined);
    const url = 'https://classpulse-default-rtdb.europe-west1.firebasedatabase.app';
    const refuses = (env: Record<string, string>, fragment: string) =>
      assert.throws(
        () => loadRealtimeConfig({ FIREBASE_DATABASE_URL: url, ...env }),
        (error: unknown) => error instanceof ConfigError && error.message.includes(fragment),
        fragment,
      );
    refuses({}, 'FIREBASE_SERVICE_ACCOUNT_JSON or FIREBASE_SERVICE_ACCOUNT_FILE');
    refuses({ FIREBASE_SERVICE_ACCOUNT_JSON: '{not json' }, 'is not JSON');
    refuses(
      { FIREBASE_SERVICE_ACCOUNT_JSON: JSON.stringify({ type: 'service_account' }) },
      'no project_id',
    );
    refuses({ FIREBASE_SERVICE_ACCOUNT_FILE: '/nonexistent/key.json' }, 'cannot be read');
    refuses({ FIREBASE_DATABASE_EMULATOR_HOST: '127.0.0.1:9000' }, 'FIREBASE_PROJECT_ID');
    assert.throws(
      () => loadRealtimeConfig({ FIREBASE_DATABASE_URL: 'not a url' }),
      (error: unknown) =>
        error instanceof ConfigError && error.message.includes('FIREBASE_DATABASE_URL'),
    );
    const key = {
      type: 'service_account',
      project_id: 'classpulse-prod',
      client_email: 'realtime@classpulse-prod.iam.gserviceaccount.com',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----\n',
    };
    const config = loadRealtimeConfig({
      FIREBASE_DATABASE_URL: url,
      FIREBASE_SERVICE_ACCOUNT_JSON: JSON.stringify(key),
    });
    assert.equal(config.firebase?.projectId, 'classpulse-prod');
    assert.equal(config.firebase?.databaseUrl, url);
    const emulated = loadRealtimeConfig({
      FIREBASE_DATABASE_URL: 'http://127.0.0.1:9000?ns=demo',
      FIREBASE_DATABASE_EMULATOR_HOST: '127.0.0.1:9000',
      FIREBASE_PROJECT_ID: 'demo-classpulse',
    });
    assert.equal(emulated.firebase?.serviceAccount, null);
    assert.equal(emulated.firebase?.databaseEmulatorHost, '127.0.0.1:9000');
  });

  it('never puts a service account key into an error message', () => {
    const secret = 'SUPER-SECRET-KEY-MATERIAL';
    assert.throws(
      () =>
        loadRealtimeConfig({
          FIREBASE_DATABASE_URL: 'https://x.firebaseio.com',
          FIREBASE_SERVICE_ACCOUNT_JSON: JSON.stringify({
            type: 'service_account',
            private_key: secret,
          }),
        }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes(secret),
    );
  });
});
