/**
 * Through the real server: a session that asks students to sign in refuses joins by code on the
 * socket and on `POST /v1/join`; the web app (service token) adds a signed-in student and gets
 * their token, which then connects as that student (again on a second device); nobody else
 * can add students.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_VERSION, type DeckInput } from '../src/protocol/index.ts';
import {
  assertProtocolError,
  connect,
  createSession,
  http,
  startServer,
  type CreatedSession,
  type Harness,
} from './support/server-harness.ts';

const DECK: DeckInput = {
  title: 'Signed in',
  slides: [{ id: 'q1', question: { kind: 'short-text', prompt: 'One?' } }],
};

describe('sessions whose students sign in', () => {
  let h: Harness;
  let session: CreatedSession;
  const add = (token: string | undefined, body: unknown) =>
    http(h, 'POST', `/v1/sessions/${session.sessionId}/students`, {
      ...(token ? { token } : {}),
      body,
    });

  before(async () => {
    h = await startServer();
    session = await createSession(h, DECK, { settings: { studentSignIn: true } });
  });
  after(async () => {
    await h?.close();
  });

  it('refuses joins by code and name, on the socket and over HTTP', async () => {
    const outcome = await connect(h, {
      v: PROTOCOL_VERSION,
      join: { code: session.joinCode, name: 'Eve' },
    });
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assertProtocolError(outcome.error, 'sign_in_required', 'socket join');
    const joined = await http(h, 'POST', '/v1/join', {
      body: { v: PROTOCOL_VERSION, join: { code: session.joinCode, name: 'Eve' } },
    });
    assert.equal(joined.status, 403);
    assertProtocolError(joined.body, 'sign_in_required', 'HTTP join');
  });

  it('adds a student the web app signed in, whose token then connects', async () => {
    const added = await add(await h.server.tokens.signService(), {
      studentId: 'ada-at-school',
      name: 'Ada Lovelace',
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const { token } = added.body as { token: string };
    const outcome = await connect(h, { v: PROTOCOL_VERSION, token });
    assert.equal(outcome.ok, true);
    if (outcome.ok) outcome.socket.disconnect();
    // The same student signs in on another device: the same student, a token for it.
    const again = await add(await h.server.tokens.signService(), {
      studentId: 'ada-at-school',
      name: 'Ada Lovelace',
    });
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal((again.body as { studentId: string }).studentId, 'ada-at-school');
  });

  it('lets nobody else add students, and checks what it is given', async () => {
    for (const [what, token, status] of [
      ['no token', undefined, 401],
      ["the session's teacher token", session.teacherToken, 403],
      ['a teacher-account token', await h.server.tokens.signTeacherAccount('teacher-1'), 403],
      ['garbage', 'not-a-token', 401],
    ] as const) {
      const refused = await add(token, { studentId: 'mallory', name: 'Mallory' });
      assert.equal(refused.status, status, what);
    }
    const service = await h.server.tokens.signService();
    assert.equal((await add(service, { studentId: '', name: 'X' })).status, 400);
    assert.equal((await add(service, { studentId: 'ok-id', name: '' })).status, 400);
    const socket = await connect(h, { v: PROTOCOL_VERSION, token: service });
    assert.equal(socket.ok, false, 'a service token is not a socket identity');
  });
});
