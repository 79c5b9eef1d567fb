import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProbeConfig, ProbeConfigError } from '../src/config.ts';

describe('probe configuration', () => {
  it('has defaults for everything and probes nothing until told to', () => {
    const config = loadProbeConfig({});
    assert.equal(config.port, 4400);
    assert.equal(config.intervalMs, 30_000);
    assert.equal(config.location, undefined);
    assert.equal(config.firebase, undefined);
    assert.equal(config.webUrl, undefined);
  });

  it('takes Firebase from the same variables as the realtime tier', () => {
    const config = loadProbeConfig({
      FIREBASE_DATABASE_URL: 'http://127.0.0.1:9000?ns=demo',
      FIREBASE_DATABASE_EMULATOR_HOST: '127.0.0.1:9000',
      FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
      FIREBASE_PROJECT_ID: 'demo-classpulse',
      PROBE_RUN_TTL_MS: '120000',
    });
    assert.equal(config.firebase?.admin.projectId, 'demo-classpulse');
    assert.equal(config.firebase?.runTtlMs, 120_000);
  });

  it('names what is wrong, and never prints a key', () => {
    assert.throws(
      () => loadProbeConfig({ PROBE_LOCATION: 'Not A Label!', PROBE_INTERVAL_MS: '5' }),
      (e: unknown) =>
        e instanceof ProbeConfigError &&
        /PROBE_LOCATION/.test(e.message) &&
        /PROBE_INTERVAL_MS/.test(e.message),
    );
    assert.throws(
      () => loadProbeConfig({ FIREBASE_DATABASE_URL: 'https://x.firebaseio.com' }),
      (e: unknown) => e instanceof ProbeConfigError && /service account/.test(e.message),
    );
    const secret = '-----BEGIN PRIVATE KEY-----\nsecret-material\n-----END PRIVATE KEY-----';
    assert.throws(
      () =>
        loadProbeConfig({
          FIREBASE_DATABASE_URL: 'https://x.firebaseio.com',
          FIREBASE_SERVICE_ACCOUNT_JSON: JSON.stringify({
            type: 'service_account',
            project_id: 'p',
            client_email: 'probe@p.iam.gserviceaccount.com',
            private_key: secret,
          }),
        }),
      (e: unknown) =>
        e instanceof ProbeConfigError &&
        /FIREBASE_WEB_API_KEY/.test(e.message) &&
        !e.message.includes('secret-material'),
    );
  });
});
