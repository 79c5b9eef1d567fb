/**
 * Teacher connections live as long as their token: the dashboard renews it with fresh tokens
 * from the web app (`auth:renew`), and a socket whose token ran out is told why and closed. So a
 * disabled account, which the web app no longer mints tokens for, loses its live dashboard.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DeckInput, ProtocolError } from '../src/protocol/index.ts';
import { createTokenService, type TokenService } from '../src/server/index.ts';
import {
  TEST_SECRET,
  assertProtocolError,
  connectTeacher,
  createSession,
  http,
  joinStudent,
  nextEvent,
  startServer,
  type CreatedSession,
  type Harness,
} from './support/server-harness.ts';

const DECK: DeckInput = {
  title: 'Expiring',
  slides: [{ id: 'q1', question: { kind: 'short-text', prompt: 'One?' } }],
};

/**
 * Tokens like the web app's, with a lifetime chosen per test. JWT expiry counts whole seconds,
 * so a 1-second token signed late in a second may be over at once: the shortest here is 2.
 */
const tokensLiving = (seconds: number): TokenService =>
  createTokenService({ secret: TEST_SECRET, teacherTtlSeconds: seconds, studentTtlSeconds: 60 });

describe('teacher token expiry and renewal', () => {
  let h: Harness;
  let session: CreatedSession;

  before(async () => {
    h = await startServer();
    session = await createSession(h, DECK, { teacherAccountId: 'owner' });
  });
  after(async () => {
    await h?.close();
  });

  it('closes a teacher socket when its token runs out, saying why', async () => {
    const teacher = await connectTeacher(
      h,
      await tokensLiving(2).signTeacher(session.sessionId, 'owner'),
    );
    const closed = await nextEvent<ProtocolError>(teacher.socket, 'session:closed');
    assertProtocolError(closed, 'unauthorized', 'expired teacher socket');
    await new Promise<void>((resolve) =>
      teacher.socket.connected ? teacher.socket.once('disconnect', () => resolve()) : resolve(),
    );
  });

  it('a renewed token keeps the socket open until the new expiry', async () => {
    const teacher = await connectTeacher(
      h,
      await tokensLiving(2).signTeacher(session.sessionId, 'owner'),
    );
    const renewed = (await teacher.socket.emitWithAck(
      'auth:renew',
      await tokensLiving(4).signTeacher(session.sessionId, 'owner'),
    )) as { ok: true; expiresAt: number };
    assert.equal(renewed.ok, true);
    const closed = nextEvent(teacher.socket, 'session:closed');
    await closed;
    assert.ok(
      Date.now() >= renewed.expiresAt - 50,
      `closed ${renewed.expiresAt - Date.now()} ms before the renewed expiry`,
    );
  });

  it('refuses a renewal for another account or session, a student token, or garbage', async () => {
    const other = await createSession(h, DECK, { teacherAccountId: 'owner' });
    const ada = await joinStudent(h, session.joinCode, 'Ada');
    const tokens = tokensLiving(60);
    const teacher = await connectTeacher(h, await tokens.signTeacher(session.sessionId, 'owner'));
    const cases: Array<[string, unknown, ProtocolError['code']]> = [
      ['another account', await tokens.signTeacher(session.sessionId, 'someone'), 'forbidden'],
      ['another session', await tokens.signTeacher(other.sessionId, 'owner'), 'forbidden'],
      ["a student's token", ada.token, 'forbidden'],
      ['garbage', 'not-a-token', 'unauthorized'],
      ['not a string', { token: 1 }, 'bad_request'],
    ];
    for (const [name, token, code] of cases) {
      const reply: unknown = await teacher.socket.emitWithAck('auth:renew', token);
      assertProtocolError(reply, code, `renewal with ${name}`);
    }
    const student = (await ada.socket.emitWithAck(
      'auth:renew',
      await tokens.signTeacher(session.sessionId, 'owner'),
    )) as ProtocolError;
    assertProtocolError(student, 'forbidden', 'a student socket renewing');
  });

  it("refuses a co-teacher's renewal once the owner removed them", async () => {
    const tokens = tokensLiving(60);
    const set = (ids: string[]) =>
      http(h, 'POST', `/v1/sessions/${session.sessionId}/commands`, {
        token: session.teacherToken,
        body: { type: 'setCoTeachers', teacherIds: ids },
      });
    assert.equal((await set(['co'])).status, 200);
    const co = await connectTeacher(h, await tokens.signTeacher(session.sessionId, 'co'));
    assert.equal((await set([])).status, 200);
    const reply: unknown = await co.socket.emitWithAck(
      'auth:renew',
      await tokens.signTeacher(session.sessionId, 'co'),
    );
    assertProtocolError(reply, 'forbidden', 'a removed co-teacher renewing');
  });
});
