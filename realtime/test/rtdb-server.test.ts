/**
 * The patched firebase-server (patches/firebase-server+1.1.0.patch), driven by the real
 * clients: firebase 12's modular SDK as a browser uses it, firebase-admin as our servers do,
 * and a raw protocol socket where only the wire shows the behaviour (unlisten).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  get,
  getDatabase,
  goOffline,
  increment,
  limitToFirst,
  onDisconnect,
  onValue,
  orderByChild,
  query,
  ref,
  serverTimestamp,
  set,
  startAt,
  update,
  type Database,
} from 'firebase/database';
import { startRtdbServer, type RtdbServer } from '../src/testing/rtdb-server.ts';

let rtdb: RtdbServer;
const apps: FirebaseApp[] = [];
let appCount = 0;

/** A browser-like client, signed in with an unsigned emulator token carrying these claims. */
function client(claims?: { sub: string } & Record<string, unknown>): Database {
  const app = initializeApp({ projectId: 'classpulse-test' }, `client-${++appCount}`);
  apps.push(app);
  const db = getDatabase(app, rtdb.databaseUrl);
  connectDatabaseEmulator(db, '127.0.0.1', rtdb.port, claims ? { mockUserToken: claims } : {});
  return db;
}

/** A client acting with the emulator's admin credential ("owner"), as firebase-admin does. */
function owner(): Database {
  const app = initializeApp({ projectId: 'classpulse-test' }, `owner-${++appCount}`);
  apps.push(app);
  const db = getDatabase(app, rtdb.databaseUrl);
  // The modular SDK sends "owner" when the emulator's mock token is the string itself.
  connectDatabaseEmulator(db, '127.0.0.1', rtdb.port, { mockUserToken: 'owner' });
  return db;
}

const OPEN_RULES = {
  rules: {
    '.read': false,
    '.write': false,
    open: { '.read': true, '.write': true },
    users: {
      $uid: {
        '.read': 'auth != null && auth.uid === $uid',
        '.write': 'auth != null && auth.uid === $uid',
      },
    },
    claims: { '.read': "auth != null && auth.token.role === 'teacher'" },
    stamped: { '.write': true, '.read': true, at: { '.validate': 'newData.val() === now' } },
    counter: {
      '.write': true,
      '.read': true,
      '.validate': '!data.exists() || newData.val() === data.val() + 1',
    },
  },
};

before(async () => {
  rtdb = await startRtdbServer({ rules: OPEN_RULES });
});

after(async () => {
  await Promise.all(apps.map((app) => deleteApp(app)));
  await rtdb.stop();
});

function denied(promise: Promise<unknown>): Promise<void> {
  return assert.rejects(promise, /permission[_ ]denied/i);
}

describe('auth per connection', () => {
  test('unsigned emulator tokens sign in, and rules see uid and custom claims', async () => {
    const alice = client({ sub: 'alice', role: 'teacher' });
    await set(ref(alice, 'users/alice/name'), 'Alice');
    assert.equal((await get(ref(alice, 'users/alice/name'))).val(), 'Alice');
    await denied(set(ref(alice, 'users/bob/name'), 'not Alice'));
    await set(ref(owner(), 'claims/x'), 1);
    assert.equal((await get(ref(alice, 'claims/x'))).val(), 1);
    await denied(get(ref(client({ sub: 'carol', role: 'student' }), 'claims/x')));
  });

  test("one connection's auth never leaks into another's rule checks", async () => {
    const alice = client({ sub: 'alice' });
    const anonymous = client();
    // Stock firebase-server kept the last writer's auth on the shared rules database.
    await set(ref(alice, 'users/alice/seen'), true);
    await denied(set(ref(anonymous, 'users/alice/seen'), false));
    await denied(get(ref(anonymous, 'users/alice')));
    assert.equal((await get(ref(alice, 'users/alice/seen'))).val(), true);
  });

  test('the admin credential "owner" bypasses the rules', async () => {
    const admin = owner();
    await set(ref(admin, 'private/secret'), 42);
    assert.equal((await get(ref(admin, 'private/secret'))).val(), 42);
    await denied(get(ref(client({ sub: 'alice' }), 'private/secret')));
  });
});

describe('get and queries', () => {
  test('get answers with the value, and queries filter, order and limit it', async () => {
    const db = client({ sub: 'alice' });
    await set(ref(db, 'open/scores'), { a: { n: 3 }, b: { n: 1 }, c: { n: 2 }, d: { n: 5 } });
    assert.deepEqual((await get(ref(db, 'open/scores/b'))).val(), { n: 1 });
    const firstTwo = await get(query(ref(db, 'open/scores'), orderByChild('n'), limitToFirst(2)));
    const keys: string[] = [];
    firstTwo.forEach((child) => {
      keys.push(child.key ?? '');
    });
    assert.deepEqual(keys, ['b', 'c']);
    const fromThree = await get(query(ref(db, 'open/scores'), orderByChild('n'), startAt(3)));
    assert.deepEqual(Object.keys(fromThree.val() as object).sort(), ['a', 'd']);
  });
});

describe('server values', () => {
  test('timestamps are resolved before the rules run, so `newData.val() === now` holds', async () => {
    const db = client({ sub: 'alice' });
    const before = Date.now();
    await set(ref(db, 'stamped'), { at: serverTimestamp() });
    const at = (await get(ref(db, 'stamped/at'))).val() as number;
    assert.ok(at >= before && at <= Date.now(), `timestamp ${at}`);
    await assert.rejects(set(ref(db, 'stamped'), { at: 1 }));
  });

  test('increment adds to the stored number, in set and in update', async () => {
    const db = client({ sub: 'alice' });
    await set(ref(db, 'counter'), 1);
    await set(ref(db, 'counter'), increment(1));
    await update(ref(db), { counter: increment(1) });
    assert.equal((await get(ref(db, 'counter'))).val(), 3);
    await update(ref(db, 'open'), { tally: increment(5) });
    assert.equal((await get(ref(db, 'open/tally'))).val(), 5);
  });
});

describe('onDisconnect', () => {
  test('set, update and cancel are applied (or not) when the socket closes', async () => {
    const observer = owner();
    const leaving = client({ sub: 'alice' });
    await set(ref(leaving, 'users/alice/presence'), { status: 'connected' });
    await onDisconnect(ref(leaving, 'users/alice/presence')).set({
      status: 'gone',
      at: serverTimestamp(),
    });
    await onDisconnect(ref(leaving, 'users/alice')).update({ left: true });
    await onDisconnect(ref(leaving, 'users/alice/cancelled')).set(true);
    await onDisconnect(ref(leaving, 'users/alice/cancelled')).cancel();
    const gone = new Promise<Record<string, unknown>>((resolve) => {
      const unsubscribe = onValue(ref(observer, 'users/alice'), (snap) => {
        const value = snap.val() as Record<string, unknown> | null;
        if ((value?.presence as { status?: string } | undefined)?.status === 'gone') {
          unsubscribe();
          resolve(value!);
        }
      });
    });
    goOffline(leaving);
    const value = await gone;
    assert.equal(value.left, true);
    assert.equal(value.cancelled, undefined);
    assert.equal(typeof (value.presence as { at: unknown }).at, 'number');
  });

  test('an onDisconnect write the rules refuse is refused when queued', async () => {
    await denied(onDisconnect(ref(client({ sub: 'alice' }), 'users/bob/presence')).set('gone'));
  });
});

describe('listen and unlisten on the wire', () => {
  /** A raw protocol connection: every data push it receives, by path. */
  async function rawConnection() {
    const ws = new WebSocket(`ws://${rtdb.host}/.ws?v=5&ns=classpulse-test`);
    const pushes: string[] = [];
    const cancelled: string[] = [];
    const replies = new Map<number, unknown>();
    ws.addEventListener('message', ({ data }: MessageEvent<string>) => {
      if (/^[0-9]+$/.test(data)) return;
      const message = JSON.parse(data) as {
        t: string;
        d: { a?: string; r?: number; b: { p?: string; s?: string } };
      };
      if (message.t !== 'd') return;
      if (message.d.a === 'd') pushes.push(message.d.b.p ?? '');
      if (message.d.a === 'c') cancelled.push(message.d.b.p ?? '');
      if (message.d.r !== undefined) replies.set(message.d.r, message.d.b);
    });
    await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
    let next = 1;
    const request = async (a: string, b: object) => {
      const r = next++;
      ws.send(JSON.stringify({ t: 'd', d: { r, a, b } }));
      for (let i = 0; i < 100 && !replies.has(r); i++)
        await new Promise((res) => setTimeout(res, 10));
      return replies.get(r);
    };
    return { ws, pushes, cancelled, request };
  }

  test('after "n" the server stops pushing that location', async () => {
    const admin = owner();
    const raw = await rawConnection();
    assert.deepEqual(await raw.request('l', { p: '/open/live', h: '' }), { s: 'ok', d: {} });
    await set(ref(admin, 'open/live'), 1);
    // The initial value (null) and the write: both arrive while listening.
    const pushed = () => raw.pushes.filter((p) => p === 'open/live').length;
    for (let i = 0; i < 100 && pushed() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    const pushedWhileListening = pushed();
    assert.equal(pushedWhileListening, 2);
    assert.deepEqual(await raw.request('n', { p: '/open/live' }), { s: 'ok', d: {} });
    await set(ref(admin, 'open/live'), 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(pushed(), pushedWhileListening);
    raw.ws.close();
  });

  test('a listener is cancelled ("c") once the rules stop allowing the read', async () => {
    const admin = owner();
    const raw = await rawConnection();
    const signedIn = (await raw.request('auth', {
      cred: unsignedToken({ sub: 'dave', role: 'teacher' }),
    })) as { s: string };
    assert.equal(signedIn.s, 'ok');
    await set(ref(admin, 'claims/live'), 'visible');
    assert.equal(((await raw.request('l', { p: '/claims', h: '' })) as { s: string }).s, 'ok');
    rtdb.server.setRules({ rules: { ...OPEN_RULES.rules, claims: { '.read': false } } });
    try {
      await set(ref(admin, 'claims/live'), 'hidden now');
      for (let i = 0; i < 50 && raw.cancelled.length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(raw.cancelled, ['claims']);
    } finally {
      rtdb.server.setRules(OPEN_RULES);
      raw.ws.close();
    }
  });
});

/** An emulator-style JWT with `alg: none`, as the SDK's mock tokens are. */
function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iat: now, exp: now + 3600, ...claims })}.`;
}

describe('the REST API (what probes use to tell a blocked WebSocket from a backend problem)', () => {
  /** An unsigned emulator ID token, as the Auth emulator issues them. */
  const idToken = (claims: Record<string, unknown>) =>
    [
      { alg: 'none', typ: 'JWT' },
      { iat: 0, ...claims },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.') + '.';
  const restUrl = (path: string, params: Record<string, string>) => {
    const url = new URL(`${path}.json`, `http://${rtdb.host}/`);
    url.searchParams.set('ns', 'classpulse-test');
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url;
  };

  test('PUT with print=silent, shallow GET and DELETE, under the same rules', async () => {
    const auth = idToken({ sub: 'ada', user_id: 'ada' });
    const put = await fetch(restUrl('users/ada/probe', { auth, print: 'silent' }), {
      method: 'PUT',
      body: JSON.stringify({ at: { '.sv': 'timestamp' }, n: 1 }),
    });
    assert.equal(put.status, 204);
    const listener = client({ sub: 'ada' });
    const seen = (await get(ref(listener, 'users/ada/probe'))).val() as { n: number; at: unknown };
    assert.equal(seen.n, 1, 'a WebSocket client reads what REST wrote');
    assert.equal(typeof seen.at, 'number', 'the server resolved the timestamp');

    const shallow = await fetch(restUrl('users/ada', { auth, shallow: 'true' }));
    assert.deepEqual(await shallow.json(), { probe: true });
    const other = await fetch(restUrl('users/grace', { auth }));
    assert.equal(other.status, 401, "another user's node is refused");
    const anonymous = await fetch(restUrl('users/ada', {}));
    assert.equal(anonymous.status, 401);
    const removed = await fetch(restUrl('users/ada/probe', { auth, print: 'silent' }), {
      method: 'DELETE',
    });
    assert.equal(removed.status, 204);
    assert.equal((await get(ref(listener, 'users/ada/probe'))).exists(), false);
  });
});
