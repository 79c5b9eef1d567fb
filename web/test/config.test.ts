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
