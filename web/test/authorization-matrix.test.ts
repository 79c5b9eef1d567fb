/**
 * The web tier's authorization matrix against the embedded stack: every web route and page, and
 * every realtime teacher command, tried as teacher A (who owns the deck and the session), a
 * co-teacher of A's session, an unrelated teacher B, an admin, a disabled account (with a cookie
 * from before it was disabled), nobody, and a student (with the student's realtime token as
 * cookie and bearer). Every cell, allowed or denied, is asserted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  PROTOCOL_VERSION,
  TEACHER_COMMAND_TYPES,
  type TeacherCommand,
} from '@classpulse/realtime/protocol';
import { io, type Socket } from 'socket.io-client';
import { colourDeck, solidPng } from './support/fixtures.ts';
import { createTeacher, signInCookie } from './support/sign-in.ts';
import { startStack, type Credentials, type Stack } from './support/stack.ts';

type Actor = 'owner' | 'coTeacher' | 'other' | 'admin' | 'disabled' | 'anonymous' | 'student';
const ACTORS: Actor[] = [
  'owner',
  'coTeacher',
  'other',
  'admin',
  'disabled',
  'anonymous',
  'student',
];

const person = (name: string): Credentials => ({
  name,
  email: `${name.toLowerCase()}@school.test`,
  password: `${name} has a long password`,
});
const PEOPLE = {
  owner: person('Avery'),
  coTeacher: person('Cole'),
  other: person('Blake'),
  disabled: person('Dana'),
};

/** Statuses per actor; `signedIn` fills the three actors without a working sign-in. */
function cells(
  signedIn: Partial<Record<Exclude<Actor, 'disabled' | 'anonymous' | 'student'>, number>>,
  signedOut = 401,
): Record<Actor, number> {
  return {
    owner: signedIn.owner!,
    coTeacher: signedIn.coTeacher!,
    other: signedIn.other!,
    admin: signedIn.admin!,
    disabled: signedOut,
    anonymous: signedOut,
    student: signedOut,
  };
}

describe('web authorization matrix', { timeout: 300_000 }, () => {
  let stack: Stack;
  const cookies = new Map<Actor, Record<string, string>>();
  let deckId: string;
  let sessionId: string;
  let joinCode: string;
  let studentToken: string;
  let studentSocket: Socket;
  const ids = new Map<string, string>();
  const sockets: Socket[] = [];

  async function call(
    actor: Actor,
    method: string,
    path: string,
    body?: unknown,
    extra: RequestInit = {},
  ): Promise<number> {
    const headers: Record<string, string> = { ...cookies.get(actor) };
    if (body !== undefined && !(body instanceof FormData))
      headers['content-type'] = 'application/json';
    const response = await fetch(`${stack.webUrl}${path}`, {
      method,
      headers,
      redirect: 'manual',
      ...(body === undefined
        ? {}
        : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      ...extra,
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function expectCells(
    method: string,
    path: string | ((actor: Actor) => string),
    expected: Record<Actor, number>,
    body?: (actor: Actor) => unknown,
  ): Promise<void> {
    const actual: Partial<Record<Actor, number>> = {};
    for (const actor of ACTORS)
      actual[actor] = await call(
        actor,
        method,
        typeof path === 'string' ? path : path(actor),
        body?.(actor),
      );
    assert.deepEqual(
      actual,
      expected,
      `${method} ${typeof path === 'string' ? path : path('owner')}`,
    );
  }

  const connect = (auth: unknown) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(stack.realtimeUrl, {
        auth: auth as Record<string, unknown>,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      socket.once('session:welcome', () => resolve(socket));
      socket.once('connect_error', (error) => reject(error));
    });

  before(async () => {
    stack = await startStack();
    for (const who of Object.values(PEOPLE)) await createTeacher(stack.webUrl, stack.owner!, who);
    cookies.set('admin', { cookie: await signInCookie(stack.webUrl, stack.owner!) });
    for (const [actor, who] of Object.entries(PEOPLE))
      cookies.set(actor as Actor, { cookie: await signInCookie(stack.webUrl, who) });
    cookies.set('anonymous', {});

    const overview = (await (
      await fetch(`${stack.webUrl}/api/admin/accounts`, { headers: cookies.get('admin') })
    ).json()) as { accounts: Array<{ id: string; email: string }> };
    for (const a of overview.accounts) ids.set(a.email, a.id);

    const created = await fetch(`${stack.webUrl}/api/decks`, {
      method: 'POST',
      headers: { ...cookies.get('owner'), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Owner deck' }),
    });
    deckId = ((await created.json()) as { id: string }).id;
    const deck = colourDeck('Owner deck');
    // Every teacher command must be accepted: revealCorrect needs a correct answer to reveal.
    const first = deck.slides[0]?.question;
    if (first?.kind === 'multiple-choice') first.correctOptionIds = ['r'];
    await fetch(`${stack.webUrl}/api/decks/${deckId}`, {
      method: 'PUT',
      headers: { ...cookies.get('owner'), 'content-type': 'application/json' },
      body: JSON.stringify(deck),
    });
    const started = await fetch(`${stack.webUrl}/api/sessions`, {
      method: 'POST',
      headers: { ...cookies.get('owner'), 'content-type': 'application/json' },
      body: JSON.stringify({ deckId }),
    });
    ({ sessionId, joinCode } = (await started.json()) as { sessionId: string; joinCode: string });
    const added = await fetch(`${stack.webUrl}/api/sessions/${sessionId}/co-teachers`, {
      method: 'POST',
      headers: { ...cookies.get('owner'), 'content-type': 'application/json' },
      body: JSON.stringify({ email: PEOPLE.coTeacher.email, action: 'add' }),
    });
    assert.equal(added.status, 200);

    // A student of A's session, with the realtime token their join minted.
    const welcome = new Promise<{ token: string }>((resolve) => {
      studentSocket = io(stack.realtimeUrl, {
        auth: { v: PROTOCOL_VERSION, join: { code: joinCode, name: 'Sam' } },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(studentSocket);
      studentSocket.once('session:welcome', (w: { token: string }) => resolve(w));
    });
    studentToken = (await welcome).token;
    cookies.set('student', {
      cookie: `cp_session=${studentToken}`,
      authorization: `Bearer ${studentToken}`,
    });

    // Disabled after signing in: the cookie it holds must stop working.
    const disabled = await fetch(
      `${stack.webUrl}/api/admin/accounts/${ids.get(PEOPLE.disabled.email)}`,
      {
        method: 'PATCH',
        headers: { ...cookies.get('admin'), 'content-type': 'application/json' },
        body: JSON.stringify({ disabled: true }),
      },
    );
    assert.equal(disabled.status, 200);
  });

  after(async () => {
    for (const socket of sockets) socket.disconnect();
    await stack?.stop();
  });

  it("A's deck: only A reads, saves, copies and shares it", async () => {
    await expectCells(
      'GET',
      `/api/decks/${deckId}`,
      cells({ owner: 200, coTeacher: 404, other: 404, admin: 404 }),
    );
    await expectCells(
      'PUT',
      `/api/decks/${deckId}`,
      cells({ owner: 200, coTeacher: 404, other: 404, admin: 404 }),
      () => colourDeck('Owner deck'),
    );
    await expectCells(
      'POST',
      `/api/decks/${deckId}/duplicate`,
      cells({ owner: 201, coTeacher: 404, other: 404, admin: 404 }),
    );
    await expectCells(
      'GET',
      `/api/decks/${deckId}/shares`,
      cells({ owner: 200, coTeacher: 404, other: 404, admin: 404 }),
    );
    await expectCells(
      'POST',
      `/api/decks/${deckId}/shares`,
      cells({ owner: 200, coTeacher: 404, other: 404, admin: 404 }),
      () => ({ email: PEOPLE.other.email, permission: 'none' }),
    );
    await expectCells(
      'POST',
      '/api/sessions',
      cells({ owner: 201, coTeacher: 404, other: 404, admin: 404 }),
      () => ({ deckId }),
    );
  });

  it('deleting a deck: only its owner', async () => {
    for (const actor of ACTORS.filter((a) => a !== 'owner'))
      assert.equal(
        await call(actor, 'DELETE', `/api/decks/${deckId}`),
        ['coTeacher', 'other', 'admin'].includes(actor) ? 404 : 401,
        `DELETE by ${actor}`,
      );
    assert.equal(await call('owner', 'GET', `/api/decks/${deckId}`), 200, 'still there');
  });

  it('every signed-in teacher has a library, uploads and new decks of their own', async () => {
    const signedIn = { owner: 200, coTeacher: 200, other: 200, admin: 200 };
    await expectCells('GET', '/api/decks', cells(signedIn));
    await expectCells(
      'POST',
      '/api/decks',
      cells({ owner: 201, coTeacher: 201, other: 201, admin: 201 }),
      () => ({ title: 'Mine' }),
    );
    await expectCells(
      'POST',
      '/api/uploads',
      cells({ owner: 201, coTeacher: 201, other: 201, admin: 201 }),
      () => {
        const form = new FormData();
        form.append(
          'file',
          new Blob([new Uint8Array(solidPng(4, 4, [1, 2, 3]))], { type: 'image/png' }),
          'a.png',
        );
        return form;
      },
    );
  });

  it("A's session: A and the co-teacher teach it; nobody else reaches it", async () => {
    const teaches = cells({ owner: 200, coTeacher: 200, other: 404, admin: 404 });
    for (const path of [
      'teacher-token',
      'report.csv',
      'health.csv',
      'health.json',
      'audit.csv',
      'co-teachers',
    ])
      await expectCells('GET', `/api/sessions/${sessionId}/${path}`, teaches);
    await expectCells('POST', `/api/sessions/${sessionId}/student-transport`, teaches, () => ({
      transport: 'socket',
    }));
    await expectCells('POST', `/api/sessions/${sessionId}/due-at`, teaches, () => ({
      dueAt: null,
    }));
    await expectCells(
      'POST',
      `/api/sessions/${sessionId}/co-teachers`,
      cells({ owner: 200, coTeacher: 403, other: 404, admin: 404 }),
      () => ({ email: PEOPLE.coTeacher.email, action: 'add' }),
    );
    for (const actor of ACTORS.filter((a) => a !== 'owner'))
      assert.equal(
        await call(actor, 'DELETE', `/api/sessions/${sessionId}`),
        ['coTeacher', 'other', 'admin'].includes(actor) ? 404 : 401,
        `DELETE session by ${actor}`,
      );
  });

  it('admin routes: admins only', async () => {
    const adminOnly = (status: number) =>
      cells({ owner: 403, coTeacher: 403, other: 403, admin: status });
    await expectCells('GET', '/api/admin/accounts', adminOnly(200));
    await expectCells('POST', '/api/admin/invitations', adminOnly(201), (actor) => ({
      email: `invited-by-${actor.toLowerCase()}@school.test`,
    }));
    await expectCells('DELETE', '/api/admin/invitations/no-such-invitation', adminOnly(404));
    const other = ids.get(PEOPLE.other.email)!;
    await expectCells('PATCH', `/api/admin/accounts/${other}`, adminOnly(200), () => ({
      role: 'teacher',
    }));
    await expectCells('POST', `/api/admin/accounts/${other}/password-reset`, adminOnly(201));
    // A student's data on request: the admin's, whoever taught the session.
    await expectCells('GET', `/api/admin/students?name=nobody&code=${joinCode}`, adminOnly(200));
    await expectCells('GET', `/api/admin/students/export?s=${sessionId}.nobody`, adminOnly(404));
    await expectCells('POST', '/api/admin/students/erase', adminOnly(400), () => ({
      students: [`${sessionId}.nobody`],
      confirmName: 'Nobody',
    }));
  });

  it('pages: teacher pages for their teachers; everyone else is sent to sign in or finds nothing', async () => {
    const toSignIn = 307;
    await expectCells(
      'GET',
      '/teacher',
      cells({ owner: 200, coTeacher: 200, other: 200, admin: 200 }, toSignIn),
    );
    await expectCells(
      'GET',
      `/teacher/decks/${deckId}`,
      cells({ owner: 200, coTeacher: 404, other: 404, admin: 404 }, toSignIn),
    );
    for (const path of ['', '/projector', '/report', '/health'])
      await expectCells(
        'GET',
        `/teacher/sessions/${sessionId}${path}`,
        cells({ owner: 200, coTeacher: 200, other: 404, admin: 404 }, toSignIn),
      );
    for (const path of [
      '/teacher/admin',
      '/teacher/admin/students',
      `/teacher/admin/students/export?s=${sessionId}.nobody`,
      `/teacher/admin/students/erase?s=${sessionId}.nobody`,
    ])
      await expectCells(
        'GET',
        path,
        cells({ owner: 404, coTeacher: 404, other: 404, admin: 200 }, toSignIn),
      );
  });

  it('public routes answer everyone alike, whoever they claim to be', async () => {
    const all = (status: number) =>
      Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, number>;
    await expectCells('GET', '/healthz', all(200));
    await expectCells('GET', '/teacher/login', all(200));
    await expectCells('GET', `/join/${joinCode}`, all(200));
    await expectCells('GET', '/network-check', all(200));
    await expectCells('POST', '/api/links/inspect', all(410), () => ({
      purpose: 'invitation',
      token: 'x'.repeat(43),
    }));
    await expectCells('POST', '/api/auth/login', all(401), () => ({
      email: 'nobody@school.test',
      password: 'wrong password',
    }));
    await expectCells('POST', '/api/setup', all(410), () => ({
      token: 'y'.repeat(43),
      name: 'Mallory',
      email: 'mallory@evil.test',
      password: 'a long enough password',
    }));
    await expectCells('POST', '/api/auth/logout', all(303));
  });

  it('realtime: teacher tokens only for A and the co-teacher, who run every command; a student cannot', async () => {
    const tokenOf = async (actor: Actor) => {
      const response = await fetch(`${stack.webUrl}/api/sessions/${sessionId}/teacher-token`, {
        headers: cookies.get(actor),
      });
      return response.ok ? ((await response.json()) as { token: string }).token : null;
    };
    for (const actor of ['other', 'admin', 'disabled', 'anonymous', 'student'] as const)
      assert.equal(await tokenOf(actor), null, `${actor} gets no teacher token`);
    const owner = await connect({ v: PROTOCOL_VERSION, token: (await tokenOf('owner'))! });
    const co = await connect({ v: PROTOCOL_VERSION, token: (await tokenOf('coTeacher'))! });

    const answered = (await studentSocket.emitWithAck('student:submit', {
      sessionId,
      slideId: 'q1',
      answerId: 'matrix-answer-0001',
      answer: { kind: 'multiple-choice', optionIds: ['r'] },
    })) as { ok: boolean };
    assert.equal(answered.ok, true);
    const studentId = Object.keys(
      ((await owner.emitWithAck('session:sync')) as { teacher: { state: { students: object } } })
        .teacher.state.students,
    )[0]!;

    const commands: TeacherCommand[] = [
      { type: 'goToSlide', slideIndex: 1 },
      { type: 'setPacing', pacing: 'student' },
      { type: 'setLatePolicy', latePolicy: 'deny' },
      { type: 'lockSlide', slideId: 'q1' },
      { type: 'unlockSlide', slideId: 'q1' },
      { type: 'startTimer', slideId: 'q2', durationMs: 60_000 },
      { type: 'cancelTimer', slideId: 'q2' },
      { type: 'setReveal', slideId: 'q1', mode: 'anonymous' },
      { type: 'revealCorrect', slideId: 'q1', revealed: true },
      { type: 'hideResponse', slideId: 'q1', studentId, hidden: true },
      { type: 'setStudentTransport', transport: 'socket' },
      { type: 'setDarkLaunchShare', share: 0.5 },
      { type: 'setCoTeachers', teacherIds: [ids.get(PEOPLE.coTeacher.email)!] },
      { type: 'setClassSize', classSize: 40 },
      { type: 'setJoinLocked', locked: true },
      { type: 'setWaitingRoom', enabled: true },
      { type: 'admitStudents', studentIds: 'all' },
      { type: 'setExtendedTime', studentId, extendedTime: 'unlimited' },
      { type: 'removeStudent', studentId },
      { type: 'readmitStudent', studentId },
      { type: 'setQuiz', quiz: { speedBonus: true, leaderboard: true } },
      { type: 'showLeaderboard', shown: true },
      { type: 'setDueAt', dueAt: Date.now() + 3_600_000 },
      { type: 'endSession' },
    ];
    assert.deepEqual(
      [...new Set(commands.map((c) => c.type))].sort(),
      [...TEACHER_COMMAND_TYPES].sort(),
      'every teacher command of the protocol',
    );
    for (const command of commands) {
      const asStudent = (await studentSocket.emitWithAck('teacher:command', {
        sessionId,
        command,
      })) as { ok: boolean; code?: string };
      assert.equal(asStudent.code, 'forbidden', `${command.type} from the student`);
    }
    for (const command of commands) {
      // The co-teacher runs everything but choosing co-teachers; the owner does that one.
      const sender = command.type === 'setCoTeachers' ? owner : co;
      if (command.type === 'setCoTeachers') {
        const fromCo = (await co.emitWithAck('teacher:command', { sessionId, command })) as {
          code?: string;
        };
        assert.equal(fromCo.code, 'forbidden', 'a co-teacher cannot choose co-teachers');
      }
      const reply = (await sender.emitWithAck('teacher:command', { sessionId, command })) as {
        ok: boolean;
      };
      assert.equal(reply.ok, true, `${command.type} from its teacher`);
    }
  });
});
