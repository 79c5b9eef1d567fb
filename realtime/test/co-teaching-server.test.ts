/**
 * Co-teachers through the real server: the owner names them with a teacher command over HTTP
 * (as the web app does); then a co-teacher's token connects and controls the session like the
 * owner's, a stranger's does not, a co-teacher cannot delete the session or name others, and the
 * report carries the audit trail of who did what.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DeckInput, SessionState } from '../src/protocol/index.ts';
import {
  assertProtocolError,
  connect,
  connectTeacher,
  createSession,
  http,
  startServer,
  teacherSync,
  type CreatedSession,
  type Harness,
} from './support/server-harness.ts';
import { PROTOCOL_VERSION } from '../src/protocol/index.ts';

const DECK: DeckInput = {
  title: 'Co-taught',
  slides: [
    { id: 'q1', question: { kind: 'short-text', prompt: 'One?' } },
    { id: 'q2', question: { kind: 'short-text', prompt: 'Two?' } },
  ],
};

describe('co-teachers on the realtime tier', () => {
  let h: Harness;
  let session: CreatedSession;
  let coToken: string;
  let strangerToken: string;
  const commands = (token: string, command: unknown) =>
    http(h, 'POST', `/v1/sessions/${session.sessionId}/commands`, { token, body: command });

  before(async () => {
    h = await startServer();
    session = await createSession(h, DECK, { teacherAccountId: 'owner' });
    coToken = await h.server.tokens.signTeacher(session.sessionId, 'co');
    strangerToken = await h.server.tokens.signTeacher(session.sessionId, 'stranger');
  });
  after(async () => {
    await h?.close();
  });

  it('a teacher token for the session is not enough before the owner names its account', async () => {
    const outcome = await connect(h, { v: PROTOCOL_VERSION, token: coToken });
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assertProtocolError(outcome.error, 'forbidden', 'co before being named');
    const refused = await commands(coToken, { type: 'lockSlide', slideId: 'q1' });
    assert.equal(refused.status, 403);
  });

  it('once named, the co-teacher connects and controls the session; a stranger still cannot', async () => {
    const named = await commands(session.teacherToken, {
      type: 'setCoTeachers',
      teacherIds: ['co'],
    });
    assert.equal(named.status, 200, JSON.stringify(named.body));
    const owner = await connectTeacher(h, session.teacherToken);
    const co = await connectTeacher(h, coToken);
    const reply = (await co.socket.emitWithAck('teacher:command', {
      sessionId: session.sessionId,
      command: { type: 'goToSlide', slideIndex: 1 },
    })) as { ok: boolean };
    assert.equal(reply.ok, true);
    assert.equal((await teacherSync(owner.socket)).state.currentSlideIndex, 1);
    assert.equal((await commands(coToken, { type: 'lockSlide', slideId: 'q2' })).status, 200);

    const stranger = await connect(h, { v: PROTOCOL_VERSION, token: strangerToken });
    assert.equal(stranger.ok, false);
    assert.equal(
      (await commands(strangerToken, { type: 'unlockSlide', slideId: 'q2' })).status,
      403,
    );
    const state = (await teacherSync(owner.socket)).state;
    assert.equal(state.slides.q2?.locked, true, "the stranger's command changed nothing");
    assert.equal(state.audit, undefined, 'dashboards get no audit trail on sync');
  });

  it('a co-teacher can neither name co-teachers nor delete the session, but reads its report', async () => {
    const naming = await commands(coToken, {
      type: 'setCoTeachers',
      teacherIds: ['co', 'stranger'],
    });
    assert.equal(naming.status, 403);
    const deleted = await http(h, 'DELETE', `/v1/sessions/${session.sessionId}`, {
      token: coToken,
    });
    assert.equal(deleted.status, 404);
    const report = await http(h, 'GET', `/v1/sessions/${session.sessionId}`, { token: coToken });
    assert.equal(report.status, 200);
    const { audit, coTeacherIds } = (report.body as { state: SessionState }).state;
    assert.deepEqual(coTeacherIds, ['co']);
    assert.deepEqual(
      audit?.map((e) => [e.action, e.by, e.slideId ?? null, e.detail ?? null]),
      [
        ['setCoTeachers', 'owner', null, '1'],
        ['goToSlide', 'co', null, '2'],
        ['lockSlide', 'co', 'q2', null],
      ],
    );
  });

  it('a bad command body is refused with the protocol error and changes nothing', async () => {
    const bad = await commands(session.teacherToken, { type: 'goToSlide', slideIndex: 'x' });
    assert.equal(bad.status, 400);
    assertProtocolError(bad.body, 'bad_request', 'bad body');
  });

  it('dropped by the owner, the co-teacher loses control at once', async () => {
    assert.equal(
      (await commands(session.teacherToken, { type: 'setCoTeachers', teacherIds: [] })).status,
      200,
    );
    assert.equal((await commands(coToken, { type: 'unlockSlide', slideId: 'q2' })).status, 403);
  });
});
