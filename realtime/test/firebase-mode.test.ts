/**
 * Firebase mode end to end on the server side: the realtime tier stores sessions in the
 * Realtime Database (patched firebase-server with the real rules), a teacher and a student on
 * sockets, and a student who joined over HTTP and talks to the database directly with a token
 * carrying the claims the web app mints. They share one session.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  get,
  getDatabase,
  goOffline,
  onDisconnect,
  ref,
  serverTimestamp,
  set,
  type Database,
} from 'firebase/database';
import { encodeAnswer } from '../src/firebase/answer-codec.ts';
import { paths } from '../src/firebase/layout.ts';
import {
  PROTOCOL_VERSION,
  type PublicSessionView,
  type SessionState,
  type TeacherDelta,
} from '../src/protocol/index.ts';
import { EVERY_KIND_DECK } from './support/classroom.ts';
import { startRtdbServer, type RtdbServer } from '../src/testing/rtdb-server.ts';
import {
  connectTeacher,
  createSession,
  http,
  joinStudent,
  startServer,
  teacherSync,
  type Harness,
} from './support/server-harness.ts';

let rtdb: RtdbServer;
let h: Harness;
const apps: FirebaseApp[] = [];

before(async () => {
  rtdb = await startRtdbServer();
  h = await startServer({
    firebase: {
      databaseUrl: rtdb.databaseUrl,
      projectId: 'classpulse-test',
      serviceAccount: null,
      databaseEmulatorHost: rtdb.host,
      authEmulatorHost: undefined,
    },
  });
});

after(async () => {
  await Promise.all(apps.map((app) => deleteApp(app)));
  await h.close();
  await rtdb.stop();
});

/** A browser on the Firebase transport, signed in as this student (emulator token). */
function firebaseStudent(sessionId: string, studentId: string): Database {
  const app = initializeApp({ projectId: 'classpulse-test' }, `student-${apps.length}`);
  apps.push(app);
  const db = getDatabase(app, rtdb.databaseUrl);
  connectDatabaseEmulator(db, '127.0.0.1', rtdb.port, {
    mockUserToken: {
      sub: `student:${sessionId}:${studentId}`,
      role: 'student',
      sessionId,
      studentId,
    },
  });
  return db;
}

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('socket and Firebase students share one session stored in Firebase', async () => {
  const session = await createSession(h, EVERY_KIND_DECK);
  const teacher = await connectTeacher(h, session.teacherToken);
  const deltas: TeacherDelta[] = [];
  teacher.socket.on('teacher:delta', (delta: TeacherDelta) => deltas.push(delta));

  // A socket student answers through the engine, as always.
  const onSocket = await joinStudent(h, session.joinCode, 'Sam');
  const ack = (await onSocket.socket.emitWithAck('student:submit', {
    sessionId: session.sessionId,
    slideId: 'mc',
    answerId: 'socket-answer-1',
    answer: { kind: 'multiple-choice', optionIds: ['paris'] },
  })) as { ok: boolean };
  assert.equal(ack.ok, true, JSON.stringify(ack));

  // A Firebase student joins over HTTP (no socket), as the web app's join route does.
  const joined = await http(h, 'POST', '/v1/join', {
    body: { v: PROTOCOL_VERSION, join: { code: session.joinCode, name: 'Fiona' } },
  });
  assert.equal(joined.status, 200, JSON.stringify(joined.body));
  const { sessionId, studentId, token } = joined.body as {
    sessionId: string;
    studentId: string;
    token: string;
  };
  assert.equal(sessionId, session.sessionId);
  assert.ok(token, 'a new student gets a token to resume with');
  const resumed = await http(h, 'POST', '/v1/join', { body: { v: PROTOCOL_VERSION, token } });
  assert.deepEqual(resumed.body, { ok: true, sessionId, studentId });

  const db = firebaseStudent(sessionId, studentId);
  const view = JSON.parse(
    (await get(ref(db, paths.public(sessionId)))).val() as string,
  ) as PublicSessionView;
  assert.equal(view.slides[0]?.id, 'mc');
  assert.equal(view.slides[0]?.question?.kind, 'multiple-choice');
  assert.equal(
    'correctOptionIds' in (view.slides[0]?.question ?? {}),
    false,
    'correct answers stay hidden from students',
  );
  assert.equal(
    ((await get(ref(db, paths.roster(sessionId, studentId)))).val() as { name: string }).name,
    'Fiona',
  );

  // Presence, as the transport writes it; the teacher's roster shows it.
  const presence = ref(db, paths.presence(sessionId, studentId));
  await onDisconnect(presence).set({
    status: 'gone',
    lastSeenAt: serverTimestamp(),
    transport: 'firebase',
  });
  await set(presence, {
    status: 'connected',
    lastSeenAt: serverTimestamp(),
    transport: 'firebase',
  });
  await until('the teacher to see the Firebase student connected', () =>
    deltas.some(
      (d) =>
        d.presence?.[studentId]?.status === 'connected' &&
        d.presence[studentId].transport === 'firebase',
    )
      ? true
      : undefined,
  );

  // Its answer goes straight to the database; the engine takes it and the teacher sees it.
  const answerId = 'firebase-answer-1';
  await set(ref(db, paths.response(sessionId, 'mc', studentId)), {
    answerId,
    answer: encodeAnswer({ kind: 'multiple-choice', optionIds: ['lyon'] }),
    firstSubmittedAt: serverTimestamp(),
    submittedAt: serverTimestamp(),
    clientCreatedAt: Date.now(),
    hidden: false,
    revisions: 1,
    answerIds: { [answerId]: true },
  });
  const delivered = await until('the teacher to receive the Firebase answer', () =>
    deltas.flatMap((d) => d.responses ?? []).find((r) => r.studentId === studentId),
  );
  assert.deepEqual(delivered.response.answer, { kind: 'multiple-choice', optionIds: ['lyon'] });
  const state: SessionState = (await teacherSync(teacher.socket)).state;
  assert.equal(state.responses.mc?.[studentId]?.answerId, answerId);
  assert.equal(state.responses.mc?.[onSocket.studentId]?.answerId, 'socket-answer-1');

  // The teacher locks the slide (engine, socket): the database refuses the student's edit.
  const locked = (await teacher.socket.emitWithAck('teacher:command', {
    sessionId: session.sessionId,
    command: { type: 'lockSlide', slideId: 'mc' },
  })) as { ok: boolean };
  assert.equal(locked.ok, true, JSON.stringify(locked));
  await assert.rejects(
    set(ref(db, paths.response(sessionId, 'mc', studentId)), {
      answerId: 'firebase-answer-2',
      answer: encodeAnswer({ kind: 'multiple-choice', optionIds: ['nice'] }),
      firstSubmittedAt: state.responses.mc?.[studentId]?.firstSubmittedAt,
      submittedAt: serverTimestamp(),
      hidden: false,
      revisions: 2,
      answerIds: { [answerId]: true, 'firebase-answer-2': true },
    }),
    /permission/i,
  );

  // The report (read from Firebase through the tier) has both students' answers.
  const report = await http(h, 'GET', `/v1/sessions/${sessionId}`, { token: session.teacherToken });
  const reported = (report.body as { state: SessionState }).state;
  assert.equal(reported.responses.mc?.[studentId]?.answer.kind, 'multiple-choice');
  assert.equal(reported.responses.mc?.[onSocket.studentId]?.answerId, 'socket-answer-1');

  // The student's connection drops: onDisconnect marks them gone; the teacher sees them leave.
  goOffline(db);
  await until('the teacher to see the Firebase student drop', () =>
    deltas.some((d) => d.presence?.[studentId]?.status === 'reconnecting') ? true : undefined,
  );
});

test('POST /v1/join refuses unknown codes and teacher tokens with the protocol error', async () => {
  const session = await createSession(h, EVERY_KIND_DECK);
  const unknown = await http(h, 'POST', '/v1/join', {
    body: { v: PROTOCOL_VERSION, join: { code: 'ZZZZZZ', name: 'Nobody' } },
  });
  assert.equal(unknown.status, 404);
  assert.equal((unknown.body as { code: string }).code, 'join_code_not_found');
  const teacher = await http(h, 'POST', '/v1/join', {
    body: { v: PROTOCOL_VERSION, token: session.teacherToken },
  });
  assert.equal(teacher.status, 403);
  const garbage = await http(h, 'POST', '/v1/join', { body: { hello: 'world' } });
  assert.equal(garbage.status, 401);
});

test('the waiting room holds in Firebase mode: the database refuses answers until admitted', async () => {
  const session = await createSession(h, EVERY_KIND_DECK);
  const teacher = await connectTeacher(h, session.teacherToken);
  const command = async (cmd: object) => {
    const reply = (await teacher.socket.emitWithAck('teacher:command', {
      sessionId: session.sessionId,
      command: cmd,
    })) as { ok: boolean };
    assert.equal(reply.ok, true, JSON.stringify(reply));
  };
  await command({ type: 'setWaitingRoom', enabled: true });
  const joined = await http(h, 'POST', '/v1/join', {
    body: { v: PROTOCOL_VERSION, join: { code: session.joinCode, name: 'Wren' } },
  });
  assert.equal(joined.status, 200, JSON.stringify(joined.body));
  const { studentId } = joined.body as { studentId: string };
  const db = firebaseStudent(session.sessionId, studentId);
  const roster = ref(db, paths.roster(session.sessionId, studentId));
  assert.equal(((await get(roster)).val() as { waiting?: boolean }).waiting, true);

  const answer = (answerId: string) => ({
    answerId,
    answer: encodeAnswer({ kind: 'multiple-choice', optionIds: ['paris'] }),
    firstSubmittedAt: serverTimestamp(),
    submittedAt: serverTimestamp(),
    clientCreatedAt: Date.now(),
    hidden: false,
    revisions: 1,
    answerIds: { [answerId]: true },
  });
  const response = ref(db, paths.response(session.sessionId, 'mc', studentId));
  await assert.rejects(set(response, answer('waiting-answer-1')), /permission/i);

  // Admitted: the roster entry the student reads says so, and the database takes the answer.
  await command({ type: 'admitStudents', studentIds: [studentId] });
  assert.equal(((await get(roster)).val() as { waiting?: boolean }).waiting, undefined);
  await set(response, answer('admitted-answer-1'));
  const deadline = Date.now() + 5_000;
  for (;;) {
    const state: SessionState = (await teacherSync(teacher.socket)).state;
    const taken = state.responses.mc?.[studentId]?.answerId;
    if (taken === 'admitted-answer-1') break;
    if (Date.now() > deadline) assert.fail(`the engine has ${taken} for the admitted student`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
