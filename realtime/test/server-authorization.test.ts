/**
 * Authorization matrix: every teacher command tried with a student token and with another
 * session's teacher token is refused, and the session is left exactly as it was. Also: answers
 * across sessions or from a teacher socket, every way a handshake can be refused, and the HTTP
 * API's token checks. A positive control at the end shows that each refused command would have
 * changed the state had the right teacher sent it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import {
  PROTOCOL_VERSION,
  TEACHER_COMMAND_TYPES,
  type DeckInput,
  type ErrorCode,
  type Presence,
  type SessionState,
  type TeacherCommand,
} from '../src/protocol/index.ts';
import { createTokenService } from '../src/server/index.ts';
import {
  TEST_SECRET,
  assertProtocolError,
  connect,
  connectTeacher,
  createSession,
  http,
  joinStudent,
  nextEvent,
  preview,
  stablePresence,
  startServer,
  teacherSync,
  type ClientSocket,
  type CreatedSession,
  type Harness,
  type StudentConnection,
  type TeacherConnection,
} from './support/server-harness.ts';

const DECK: DeckInput = {
  title: 'Authorization deck',
  slides: [
    {
      id: 'q1',
      question: {
        kind: 'multiple-choice',
        prompt: 'Pick one',
        options: [
          { id: 'a', label: 'Alpha' },
          { id: 'b', label: 'Beta' },
        ],
        correctOptionIds: ['a'],
      },
    },
    { id: 'q2', question: { kind: 'short-text', prompt: 'Say it' } },
    { id: 'q3', question: { kind: 'number', prompt: 'How many?' } },
  ],
};

/** What the token service puts in every token (tokens.ts); a positive control checks them. */
const ISSUER = 'classpulse';
const AUDIENCE = 'classpulse-realtime';
const OTHER_SECRET = 'a-completely-different-secret-'.padEnd(48, 'y');

interface View {
  state: SessionState;
  presence: Record<string, Omit<Presence, 'lastSeenAt'>>;
}

/** The teacher's full view, minus `lastSeenAt`, which every student message refreshes by design. */
async function view(teacher: TeacherConnection): Promise<View> {
  const snapshot = await teacherSync(teacher.socket);
  return { state: snapshot.state, presence: stablePresence(snapshot.presence) };
}

/** Sends with an ack and returns the reply. */
function send(socket: ClientSocket, event: string, message: unknown): Promise<unknown> {
  return socket.emitWithAck(event, message) as Promise<unknown>;
}

/** Sends without an ack and returns the `protocol:error` that must come back instead. */
async function sendWithoutAck(
  socket: ClientSocket,
  event: string,
  message: unknown,
): Promise<unknown> {
  const error = nextEvent(socket, 'protocol:error');
  socket.emit(event, message);
  return error;
}

async function craftToken(
  claims: Record<string, string>,
  subject: string,
  options: { expiresAt: number; secret?: string; issuer?: string; audience?: string },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setSubject(subject)
    .setIssuedAt(now - 7_200)
    .setExpirationTime(options.expiresAt)
    .sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

/** An unsigned token ("alg": "none") with otherwise plausible claims. */
function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

async function expectRefusedHandshake(
  h: Harness,
  auth: unknown,
  code: ErrorCode,
  context: string,
): Promise<void> {
  const outcome = await connect(h, auth);
  assert.equal(outcome.ok, false, `${context}: the handshake must be refused`);
  if (!outcome.ok) assertProtocolError(outcome.error, code, context);
}

async function expectAcceptedHandshake(h: Harness, auth: unknown, context: string): Promise<void> {
  const outcome = await connect(h, auth);
  assert.equal(
    outcome.ok,
    true,
    `${context}: expected a welcome, got ${outcome.ok ? '' : preview(outcome.error)}`,
  );
  if (outcome.ok) outcome.socket.disconnect();
}

describe('authorization matrix', () => {
  let h: Harness;
  let a: CreatedSession;
  let b: CreatedSession;
  let c: CreatedSession;
  let teacherA: TeacherConnection;
  let teacherB: TeacherConnection;
  let teacherC: TeacherConnection;
  let ada: StudentConnection;
  let bob: StudentConnection;
  let cal: StudentConnection;
  let cy: StudentConnection;
  let dee: StudentConnection;

  /** Valid commands for session A, each of which changes its state when A's teacher sends it. */
  const commandsForA = (): TeacherCommand[] => [
    { type: 'goToSlide', slideIndex: 1 },
    { type: 'setPacing', pacing: 'student' },
    { type: 'setLatePolicy', latePolicy: 'deny' },
    { type: 'lockSlide', slideId: 'q1' },
    { type: 'unlockSlide', slideId: 'q2' },
    { type: 'startTimer', slideId: 'q1', durationMs: 60_000 },
    { type: 'cancelTimer', slideId: 'q3' },
    { type: 'setReveal', slideId: 'q1', mode: 'named' },
    { type: 'revealCorrect', slideId: 'q1', revealed: true },
    { type: 'hideResponse', slideId: 'q1', studentId: ada.studentId, hidden: true },
    { type: 'setExtendedTime', studentId: ada.studentId, extendedTime: 1.5 },
    { type: 'removeStudent', studentId: bob.studentId },
    { type: 'readmitStudent', studentId: cal.studentId },
    { type: 'setClassSize', classSize: 50 },
    { type: 'setJoinLocked', locked: true },
    { type: 'admitStudents', studentIds: [dee.studentId] },
    { type: 'setWaitingRoom', enabled: false },
    { type: 'setStudentTransport', transport: 'socket' },
    { type: 'setDarkLaunchShare', share: 0.25 },
    { type: 'setCoTeachers', teacherIds: ['teacher-z'] },
    { type: 'setQuiz', quiz: { speedBonus: true, leaderboard: true } },
    // Needs quiz mode with a leaderboard: the command before turns it on.
    { type: 'showLeaderboard', shown: true },
    { type: 'setDueAt', dueAt: Date.UTC(2030, 0, 1) },
    { type: 'endSession' },
  ];

  before(async () => {
    // Limits out of the way: every refusal here must be about who is asking.
    h = await startServer({ rateLimitPerSecond: 10_000, rateLimitBurst: 10_000 });

    a = await createSession(h, DECK, { teacherAccountId: 'teacher-a' });
    teacherA = await connectTeacher(h, a.teacherToken);
    ada = await joinStudent(h, a.joinCode, 'Ada');
    bob = await joinStudent(h, a.joinCode, 'Bob');
    // A removed student, so readmitStudent would change something.
    cal = await joinStudent(h, a.joinCode, 'Cal');
    const answered = (await send(ada.socket, 'student:submit', {
      sessionId: a.sessionId,
      slideId: 'q1',
      answerId: 'ada-answer-0001',
      answer: { kind: 'multiple-choice', optionIds: ['b'] },
    })) as { ok: boolean };
    assert.equal(answered.ok, true);
    // A locked slide and a running timer, so unlockSlide and cancelTimer would change something.
    for (const command of [
      { type: 'lockSlide', slideId: 'q2' },
      { type: 'startTimer', slideId: 'q3', durationMs: 3_600_000 },
      { type: 'removeStudent', studentId: cal.studentId },
      // A student in the waiting room, so admitStudents would change something.
      { type: 'setWaitingRoom', enabled: true },
    ]) {
      const reply = (await send(teacherA.socket, 'teacher:command', {
        sessionId: a.sessionId,
        command,
      })) as { ok: boolean };
      assert.equal(reply.ok, true, `setup ${command.type}: ${preview(reply)}`);
    }

    dee = await joinStudent(h, a.joinCode, 'Dee');

    b = await createSession(h, DECK, { teacherAccountId: 'teacher-b' });
    teacherB = await connectTeacher(h, b.teacherToken);
    cy = await joinStudent(h, b.joinCode, 'Cy');

    // Same teacher account as A, another session: its token must not reach A either.
    c = await createSession(h, DECK, { teacherAccountId: 'teacher-a' });
    teacherC = await connectTeacher(h, c.teacherToken);
  });

  after(async () => {
    await h?.close();
  });

  it('covers every teacher command type of the protocol', () => {
    const protocolTypes = [...TEACHER_COMMAND_TYPES].sort();
    const tested = commandsForA()
      .map((command) => command.type)
      .sort();
    assert.deepEqual(tested, protocolTypes);
  });

  for (const type of TEACHER_COMMAND_TYPES) {
    it(`${type}: refused for A's student, B's student, B's teacher and C's teacher`, async () => {
      const command = commandsForA().find((cmd) => cmd.type === type);
      assert.ok(command);
      const message = { sessionId: a.sessionId, command };
      const beforeA = await view(teacherA);
      const beforeB = await view(teacherB);
      const beforeC = await view(teacherC);

      const attempts: Array<[string, () => Promise<unknown>]> = [
        ["A's student", () => send(ada.socket, 'teacher:command', message)],
        ["A's student, without ack", () => sendWithoutAck(ada.socket, 'teacher:command', message)],
        ["A's other student", () => send(bob.socket, 'teacher:command', message)],
        ["B's student", () => send(cy.socket, 'teacher:command', message)],
        ["B's teacher", () => send(teacherB.socket, 'teacher:command', message)],
        [
          "B's teacher, without ack",
          () => sendWithoutAck(teacherB.socket, 'teacher:command', message),
        ],
        [
          "C's teacher (same account as A)",
          () => send(teacherC.socket, 'teacher:command', message),
        ],
      ];
      for (const [who, attempt] of attempts) {
        assertProtocolError(await attempt(), 'forbidden', `${type} from ${who}`);
      }

      assert.deepEqual(await view(teacherA), beforeA, 'session A is unchanged');
      assert.deepEqual(await view(teacherB), beforeB, 'session B is unchanged');
      assert.deepEqual(await view(teacherC), beforeC, 'session C is unchanged');
      assert.equal(bob.socket.connected, true, 'nobody was removed');
    });
  }

  it('a student cannot answer or navigate for another session', async () => {
    const beforeA = await view(teacherA);
    const beforeB = await view(teacherB);
    const answer = { kind: 'multiple-choice', optionIds: ['a'] };
    const attempts: Array<[string, () => Promise<unknown>]> = [
      [
        "A's student answers in B",
        () =>
          send(ada.socket, 'student:submit', {
            sessionId: b.sessionId,
            slideId: 'q1',
            answerId: 'cross-session-0001',
            answer,
          }),
      ],
      [
        "A's student answers in B, without ack",
        () =>
          sendWithoutAck(ada.socket, 'student:submit', {
            sessionId: b.sessionId,
            slideId: 'q1',
            answerId: 'cross-session-0002',
            answer,
          }),
      ],
      [
        "B's student answers in A",
        () =>
          send(cy.socket, 'student:submit', {
            sessionId: a.sessionId,
            slideId: 'q1',
            answerId: 'cross-session-0003',
            answer,
          }),
      ],
      [
        "A's student navigates in B",
        () => send(ada.socket, 'student:navigate', { sessionId: b.sessionId, slideIndex: 1 }),
      ],
    ];
    for (const [who, attempt] of attempts) {
      assertProtocolError(await attempt(), 'forbidden', who);
    }
    assert.deepEqual(await view(teacherA), beforeA, 'session A is unchanged');
    assert.deepEqual(await view(teacherB), beforeB, 'session B is unchanged');
  });

  it('a teacher socket cannot answer or navigate', async () => {
    const beforeA = await view(teacherA);
    const submit = {
      sessionId: a.sessionId,
      slideId: 'q1',
      answerId: 'teacher-answer-0001',
      answer: { kind: 'multiple-choice', optionIds: ['a'] },
    };
    assertProtocolError(await send(teacherA.socket, 'student:submit', submit), 'forbidden');
    assertProtocolError(
      await sendWithoutAck(teacherA.socket, 'student:submit', {
        ...submit,
        answerId: 'teacher-answer-0002',
      }),
      'forbidden',
    );
    assertProtocolError(
      await send(teacherA.socket, 'student:navigate', { sessionId: a.sessionId, slideIndex: 1 }),
      'forbidden',
    );
    assert.deepEqual(await view(teacherA), beforeA, 'session A is unchanged');
  });

  describe('handshake', () => {
    it('refuses a missing, malformed or forged token', async () => {
      const v = PROTOCOL_VERSION;
      await expectRefusedHandshake(h, {}, 'unauthorized', 'no auth at all');
      await expectRefusedHandshake(h, { v }, 'unauthorized', 'no token and no join');
      await expectRefusedHandshake(h, { v, token: '' }, 'unauthorized', 'empty token');
      await expectRefusedHandshake(h, { v, token: 'not-a-jwt' }, 'unauthorized', 'garbage token');
      await expectRefusedHandshake(
        h,
        { v, token: unsignedToken({ role: 'teacher', sid: a.sessionId, sub: 'teacher-a' }) },
        'unauthorized',
        'alg "none" teacher token',
      );

      const other = createTokenService({
        secret: OTHER_SECRET,
        teacherTtlSeconds: 3_600,
        studentTtlSeconds: 3_600,
      });
      await expectRefusedHandshake(
        h,
        { v, token: await other.signTeacher(a.sessionId, 'teacher-a') },
        'unauthorized',
        'teacher token signed with another secret',
      );
      await expectRefusedHandshake(
        h,
        { v, token: await other.signStudent(a.sessionId, ada.studentId) },
        'unauthorized',
        'student token signed with another secret',
      );

      const later = Math.floor(Date.now() / 1000) + 600;
      await expectRefusedHandshake(
        h,
        {
          v,
          token: await craftToken({ role: 'teacher', sid: a.sessionId }, 'teacher-a', {
            expiresAt: later,
            issuer: 'someone-else',
          }),
        },
        'unauthorized',
        'another issuer',
      );
      await expectRefusedHandshake(
        h,
        {
          v,
          token: await craftToken({ role: 'teacher', sid: a.sessionId }, 'teacher-a', {
            expiresAt: later,
            audience: 'another-service',
          }),
        },
        'unauthorized',
        'another audience',
      );
    });

    it('refuses expired tokens (and accepts the same token before it expires)', async () => {
      const v = PROTOCOL_VERSION;
      const now = Math.floor(Date.now() / 1000);
      const teacherClaims = { role: 'teacher', sid: a.sessionId };
      const studentClaims = { role: 'student', sid: a.sessionId };

      // Control: crafted exactly like the server's own tokens, these are accepted...
      await expectAcceptedHandshake(
        h,
        { v, token: await craftToken(teacherClaims, 'teacher-a', { expiresAt: now + 600 }) },
        'crafted teacher token',
      );
      await expectAcceptedHandshake(
        h,
        { v, token: await craftToken(studentClaims, ada.studentId, { expiresAt: now + 600 }) },
        'crafted student token',
      );

      // ...and refused once their expiry is in the past.
      for (const [name, token] of [
        ['teacher', await craftToken(teacherClaims, 'teacher-a', { expiresAt: now - 60 })],
        ['student', await craftToken(studentClaims, ada.studentId, { expiresAt: now - 60 })],
      ] as const) {
        const outcome = await connect(h, { v, token });
        assert.equal(outcome.ok, false, `expired ${name} token`);
        if (!outcome.ok) {
          const error = assertProtocolError(outcome.error, 'unauthorized', `expired ${name} token`);
          assert.match(error.message, /expired/i, 'the client is told the sign-in expired');
        }
      }
    });

    it('refuses a teacher-account token, a wrong teacher, an unknown student or session', async () => {
      const v = PROTOCOL_VERSION;
      const tokens = h.server.tokens;
      await expectRefusedHandshake(
        h,
        { v, token: await tokens.signTeacherAccount('teacher-a') },
        'forbidden',
        'teacher-account token on a socket',
      );
      await expectRefusedHandshake(
        h,
        { v, token: await tokens.signTeacher(a.sessionId, 'teacher-b') },
        'forbidden',
        "a teacher token for A naming B's teacher",
      );
      await expectRefusedHandshake(
        h,
        { v, token: await tokens.signStudent(a.sessionId, cy.studentId) },
        'student_not_found',
        "a token for A naming B's student",
      );
      await expectRefusedHandshake(
        h,
        { v, token: await tokens.signStudent('no-such-session', ada.studentId) },
        'session_not_found',
        'a token for a session that does not exist',
      );
      await expectRefusedHandshake(
        h,
        { v, join: { code: 'ZZZZZZ', name: 'Zed' } },
        'join_code_not_found',
        'an unknown join code',
      );
    });

    it('refuses another protocol version', async () => {
      for (const version of [999, 0, PROTOCOL_VERSION + 1]) {
        await expectRefusedHandshake(
          h,
          { v: version, token: a.teacherToken },
          'unsupported_protocol_version',
          `teacher token with v: ${version}`,
        );
        await expectRefusedHandshake(
          h,
          { v: version, token: ada.token },
          'unsupported_protocol_version',
          `student token with v: ${version}`,
        );
        await expectRefusedHandshake(
          h,
          { v: version, join: { code: a.joinCode, name: 'Late Larry' } },
          'unsupported_protocol_version',
          `join with v: ${version}`,
        );
      }
      // Control: the same tokens with the current version are fine.
      await expectAcceptedHandshake(
        h,
        { v: PROTOCOL_VERSION, token: a.teacherToken },
        'teacher token, current version',
      );
    });

    it("refuses a removed student's token", async () => {
      const d = await createSession(h, DECK, { teacherAccountId: 'teacher-d' });
      const teacherD = await connectTeacher(h, d.teacherToken);
      const dan = await joinStudent(h, d.joinCode, 'Dan');
      const closed = nextEvent(dan.socket, 'session:closed');
      const disconnected = new Promise<string>((resolve) => dan.socket.once('disconnect', resolve));
      const removed = (await send(teacherD.socket, 'teacher:command', {
        sessionId: d.sessionId,
        command: { type: 'removeStudent', studentId: dan.studentId },
      })) as { ok: boolean };
      assert.equal(removed.ok, true);
      assertProtocolError(await closed, 'student_removed', 'the removed student is told why');
      await disconnected;

      await expectRefusedHandshake(
        h,
        { v: PROTOCOL_VERSION, token: dan.token },
        'student_removed',
        "the removed student's token",
      );
    });
  });

  describe('HTTP API', () => {
    it('POST /v1/sessions needs a teacher-account token', async () => {
      const body = { deck: DECK };
      const sessionsBefore = h.server.registry.size;
      const cases: Array<[string, string | undefined, number, ErrorCode]> = [
        ['no token', undefined, 401, 'unauthorized'],
        ['a garbage token', 'not-a-jwt', 401, 'unauthorized'],
        [
          'an account token signed with another secret',
          await createTokenService({
            secret: OTHER_SECRET,
            teacherTtlSeconds: 3_600,
            studentTtlSeconds: 3_600,
          }).signTeacherAccount('teacher-a'),
          401,
          'unauthorized',
        ],
        [
          'an expired account token',
          await craftToken({ role: 'teacher-account' }, 'teacher-a', {
            expiresAt: Math.floor(Date.now() / 1000) - 60,
          }),
          401,
          'unauthorized',
        ],
        ["A's student token", ada.token, 403, 'forbidden'],
        ["A's teacher token", a.teacherToken, 403, 'forbidden'],
      ];
      for (const [name, token, status, code] of cases) {
        const result = await http(h, 'POST', '/v1/sessions', {
          ...(token === undefined ? {} : { token }),
          body,
        });
        assert.equal(result.status, status, `POST /v1/sessions with ${name}`);
        assertProtocolError(result.body, code, `POST /v1/sessions with ${name}`);
      }
      assert.equal(h.server.registry.size, sessionsBefore, 'no session was created');
    });

    it("GET and DELETE /v1/sessions/:id need that session's teacher token", async () => {
      const beforeA = await view(teacherA);
      const path = `/v1/sessions/${a.sessionId}`;
      const cases: Array<[string, string | undefined, number, ErrorCode]> = [
        ['no token', undefined, 401, 'unauthorized'],
        ["B's teacher token", b.teacherToken, 403, 'forbidden'],
        ["C's teacher token (same account as A)", c.teacherToken, 403, 'forbidden'],
        ["A's student token", ada.token, 403, 'forbidden'],
        [
          "A's teacher account token",
          await h.server.tokens.signTeacherAccount('teacher-a'),
          403,
          'forbidden',
        ],
      ];
      for (const method of ['GET', 'DELETE']) {
        for (const [name, token, status, code] of cases) {
          const result = await http(h, method, path, token === undefined ? {} : { token });
          assert.equal(result.status, status, `${method} with ${name}`);
          assertProtocolError(result.body, code, `${method} with ${name}`);
        }
      }

      // A is still there, unchanged, and its teacher was not disconnected.
      const own = await http(h, 'GET', path, { token: a.teacherToken });
      assert.equal(own.status, 200);
      // The report also carries the audit trail, which dashboards' snapshots leave out.
      const { audit, ...reported } = (own.body as { state: SessionState }).state;
      assert.deepEqual(reported, beforeA.state);
      assert.deepEqual(
        audit?.map((e) => [e.action, e.by]),
        [
          ['lockSlide', 'teacher-a'],
          ['startTimer', 'teacher-a'],
          ['removeStudent', 'teacher-a'],
          ['setWaitingRoom', 'teacher-a'],
        ],
        'only the setup commands of A’s own teacher are in its audit trail',
      );
      assert.deepEqual(await view(teacherA), beforeA, 'session A is unchanged');
      assert.equal(teacherA.socket.connected, true);
    });
  });

  // Last: it changes session A for good.
  it("the same commands from A's own teacher are accepted, each one changing the state", async () => {
    let seq = (await view(teacherA)).state.seq;
    for (const command of commandsForA()) {
      const reply = (await send(teacherA.socket, 'teacher:command', {
        sessionId: a.sessionId,
        command,
      })) as { ok: boolean; seq?: number };
      assert.equal(reply.ok, true, `${command.type} from A's teacher: ${preview(reply)}`);
      assert.equal(reply.seq, seq + 1, `${command.type} was a real change`);
      seq += 1;
    }
    const state = (await view(teacherA)).state;
    assert.equal(state.status, 'ended');
    assert.equal(state.students[bob.studentId]?.removed, true);
  });
});
