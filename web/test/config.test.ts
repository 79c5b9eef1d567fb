import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadWebConfig } from '../src/server/config.ts';

const FIREBASE = {
  FIREBASE_DATABASE_URL: 'http://127.0.0.1:9000?ns=classpulse-config-test',
  FIREBASE_DATABASE_EMULATOR_HOST: '127.0.0.1:9000',
  FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
  FIREBASE_PROJECT_ID: 'classpulse-config-test',
};

describe('web config: student transport and dark launch', () => {
  it('without Firebase students are on the socket and there is no dark launch', () => {
    const config = loadWebConfig({ WS_DARK_LAUNCH_SHARE: '0.5' });
    assert.equal(config.defaultStudentTransport, 'socket');
    assert.equal(config.wsDarkLaunchShare, 0);
  });

  it('in Firebase mode students start on Firebase, with the configured share', () => {
    assert.deepEqual(
      [loadWebConfig(FIREBASE).defaultStudentTransport, loadWebConfig(FIREBASE).wsDarkLaunchShare],
      ['firebase', 0],
    );
    const config = loadWebConfig({
      ...FIREBASE,
      WS_DARK_LAUNCH_SHARE: '0.25',
      DEFAULT_STUDENT_TRANSPORT: 'socket',
    });
    assert.equal(config.defaultStudentTransport, 'socket');
    assert.equal(config.wsDarkLaunchShare, 0.25);
  });

  it('refuses a share outside 0–1, an unknown transport, and Firebase without Firebase mode', () => {
    for (const [env, variable] of [
      [{ ...FIREBASE, WS_DARK_LAUNCH_SHARE: '1.5' }, 'WS_DARK_LAUNCH_SHARE'],
      [{ ...FIREBASE, WS_DARK_LAUNCH_SHARE: 'half' }, 'WS_DARK_LAUNCH_SHARE'],
      [{ ...FIREBASE, DEFAULT_STUDENT_TRANSPORT: 'pigeon' }, 'DEFAULT_STUDENT_TRANSPORT'],
      [{ DEFAULT_STUDENT_TRANSPORT: 'firebase' }, 'DEFAULT_STUDENT_TRANSPORT'],
    ] as const)
      assert.throws(() => loadWebConfig(env), new RegExp(variable), JSON.stringify(env));
  });
});

describe('web config: where the data lives', () => {
  it('is the SQLite file in the data folder unless DATABASE_URL names PostgreSQL', () => {
    assert.deepEqual(loadWebConfig({ CLASSPULSE_DATA_DIR: '/srv/cp' }).database, {
      dialect: 'sqlite',
      path: '/srv/cp/web.sqlite',
    });
    assert.deepEqual(loadWebConfig({ WEB_SQLITE_PATH: '/tmp/w.sqlite' }).database, {
      dialect: 'sqlite',
      path: '/tmp/w.sqlite',
    });
    const url = 'postgres://classpulse:secret@db:5432/classpulse';
    assert.deepEqual(loadWebConfig({ DATABASE_URL: url, WEB_DATABASE_POOL_MAX: '4' }).database, {
      dialect: 'postgres',
      url,
      poolMax: 4,
    });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL and a pool size out of range', () => {
    for (const [env, variable] of [
      [{ DATABASE_URL: 'mysql://db/classpulse' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'web.sqlite' }, 'DATABASE_URL'],
      [{ WEB_DATABASE_POOL_MAX: '0' }, 'WEB_DATABASE_POOL_MAX'],
      [{ WEB_DATABASE_POOL_MAX: 'lots' }, 'WEB_DATABASE_POOL_MAX'],
    ] as const)
      assert.throws(() => loadWebConfig(env), new RegExp(variable), JSON.stringify(env));
  });

  it('never puts the database password in an error message', () => {
    assert.throws(
      () =>
        loadWebConfig({ DATABASE_URL: 'postgres://u:hunter2@db/x', WEB_DATABASE_POOL_MAX: '0' }),
      (error: Error) => !error.message.includes('hunter2'),
    );
  });
});

describe('web config: accounts and school sign-in', () => {
  it('has no school sign-in without an issuer', () => {
    assert.equal(loadWebConfig({}).oidc, undefined);
  });

  it('reads the issuer, client, allowed domains and admins, lower-cased', () => {
    const config = loadWebConfig({
      OIDC_ISSUER_URL: 'https://accounts.google.com',
      OIDC_CLIENT_ID: 'client-1',
      OIDC_CLIENT_SECRET: 'shh',
      OIDC_ALLOWED_EMAIL_DOMAINS: ' District.org, school.District.org ,',
      OIDC_ADMIN_EMAILS: 'IT@District.org',
    });
    assert.deepEqual(config.oidc, {
      issuer: 'https://accounts.google.com',
      clientId: 'client-1',
      clientSecret: 'shh',
      allowedDomains: ['district.org', 'school.district.org'],
      studentDomains: ['district.org', 'school.district.org'],
      adminEmails: ['it@district.org'],
      providerName: 'your school account',
    });
  });

  it("reads the students' own domains when they differ from the teachers'", () => {
    const config = loadWebConfig({
      OIDC_ISSUER_URL: 'https://accounts.google.com',
      OIDC_CLIENT_ID: 'client-1',
      OIDC_ALLOWED_EMAIL_DOMAINS: 'district.org',
      OIDC_STUDENT_EMAIL_DOMAINS: 'Students.District.org',
    });
    assert.deepEqual(config.oidc?.allowedDomains, ['district.org']);
    assert.deepEqual(config.oidc?.studentDomains, ['students.district.org']);
  });

  it('refuses an issuer without a client id or allowed domains, and short secrets', () => {
    assert.throws(
      () => loadWebConfig({ OIDC_ISSUER_URL: 'https://accounts.google.com' }),
      /OIDC_ISSUER_URL needs OIDC_CLIENT_ID and OIDC_ALLOWED_EMAIL_DOMAINS/,
    );
    assert.throws(
      () => loadWebConfig({ OIDC_ISSUER_URL: 'not a url', OIDC_CLIENT_ID: 'x' }),
      /OIDC_ISSUER_URL/,
    );
    assert.throws(() => loadWebConfig({ WEB_SESSION_SECRET: 'short' }), /WEB_SESSION_SECRET/);
  });
});

describe('web config: metrics page tokens', () => {
  it('signs nothing without a secret, and lasts a lesson by default', () => {
    const config = loadWebConfig({});
    assert.deepEqual(config.metricsPageToken, {
      secret: undefined,
      ttlSeconds: 3600,
      renewalsPerMinutePerSource: 3000,
      newPagesPerMinutePerSource: 600,
      newPagesBurstPerSource: 3000,
    });
  });

  it('refuses a short secret and a lifetime outside 5 s – 1 day', () => {
    for (const [env, variable] of [
      [{ METRICS_PAGE_TOKEN_SECRET: 'too-short' }, 'METRICS_PAGE_TOKEN_SECRET'],
      [{ WEB_METRICS_TOKEN_TTL_SECONDS: '1' }, 'WEB_METRICS_TOKEN_TTL_SECONDS'],
      [{ WEB_METRICS_TOKEN_TTL_SECONDS: '172800' }, 'WEB_METRICS_TOKEN_TTL_SECONDS'],
      [{ WEB_METRICS_TOKEN_RENEWALS_PER_MINUTE: '0' }, 'WEB_METRICS_TOKEN_RENEWALS_PER_MINUTE'],
      [{ WEB_METRICS_NEW_PAGES_PER_MINUTE: '0' }, 'WEB_METRICS_NEW_PAGES_PER_MINUTE'],
      [{ WEB_METRICS_NEW_PAGES_BURST: 'many' }, 'WEB_METRICS_NEW_PAGES_BURST'],
    ] as const)
      assert.throws(() => loadWebConfig(env), new RegExp(variable), JSON.stringify(env));
  });
});
