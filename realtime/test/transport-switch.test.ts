/**
 * A teacher moves a Firebase-mode session's students from Firebase to our socket tier and back
 * while they are answering: their SessionClients follow the session's `studentTransport`
 * setting (transportFor) and carry their persistent outboxes across, so every answer is stored
 * exactly once (same answerId whichever transport delivered it) and nothing shown as received
 * goes back to sending. Real servers: the tier in Firebase mode, the local database server with
 * the real rules, the Auth stand-in; students reach the database over a slow link, so answers
 * are still queued when the switch arrives.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionClient, SessionClientState } from '../src/client/index.ts';
import { deckSchema, type Answer } from '../src/protocol/index.ts';
import { answerFor, EVERY_KIND_DECK, waitFor, type Classroom } from './support/classroom.ts';
import { openFirebaseClassroom } from './support/firebase-classroom.ts';

const STUDENTS = 3;
const deck = deckSchema.parse(EVERY_KIND_DECK);
const [first, ...rest] = deck.slides;

describe('switching a session between Firebase and the socket tier', { timeout: 90_000 }, () => {
  let room: Classroom;
  const students: SessionClient[] = [];
  /** Every state each student went through, to check "received" never turned back. */
  const histories: SessionClientState[][] = [];
  /** The answerId each student's client gave each slide's latest answer. */
  const sent: Array<Map<string, string>> = [];

  before(async () => {
    room = await openFirebaseClassroom('transport-switch', {
      studentLinkDelayMs: 25,
      switchable: true,
    });
    assert.equal((await room.teacher.command({ type: 'setPacing', pacing: 'student' })).ok, true);
    for (let i = 0; i < STUDENTS; i++) {
      const student = room.client();
      const history: SessionClientState[] = [];
      student.subscribe((state) => history.push(state));
      student.joinWithCode(room.session.joinCode, `Student ${i}`);
      students.push(student);
      histories.push(history);
      sent.push(new Map());
    }
    await Promise.all(
      students.map((s) => waitFor(s, (st) => st.status === 'connected' && st.self !== null)),
    );
  });
  after(() => room.close());

  const submit = (i: number, slideId: string, answer: Answer) => {
    sent[i]!.set(slideId, students[i]!.submitAnswer(slideId, answer));
  };
  const everyAnswerReceived = (s: SessionClientState) =>
    Object.values(s.answers).length === deck.slides.length &&
    Object.values(s.answers).every((a) => a.status === 'received');

  /** What the teacher's state holds for a student's slide: its answerIds, oldest first. */
  const storedIds = (studentId: string, slideId: string) =>
    room.teacher.getState().teacher?.state.responses[slideId]?.[studentId]?.answerIds ?? [];

  it('students start on Firebase, and the roster shows it with their round trip', async () => {
    for (const student of students) assert.equal(student.getState().transport, 'firebase');
    const ids = students.map((s) => s.getState().studentId!);
    const state = await waitFor(room.teacher, (s) =>
      ids.every((id) => typeof s.teacher?.presence[id]?.rttMs === 'number'),
    );
    for (const id of ids) assert.equal(state.teacher?.presence[id]?.transport, 'firebase');
    students.forEach((_, i) => submit(i, first!.id, answerFor(first!.question!.kind, i)));
    await Promise.all(
      students.map((s) => waitFor(s, (st) => st.answers.mc?.status === 'received')),
    );
  });

  it('to the socket tier with answers queued: every answer arrives exactly once', async () => {
    students.forEach((_, i) => {
      for (const slide of rest) submit(i, slide.id, answerFor(slide.question!.kind, i));
    });
    const ack = await room.teacher.command({ type: 'setStudentTransport', transport: 'socket' });
    assert.equal(ack.ok, true, JSON.stringify(ack));
    const queued = students.map(
      (s) => Object.values(s.getState().answers).filter((a) => a.status === 'sending').length,
    );
    assert.ok(
      queued.some((n) => n > 0),
      `answers were still queued when the teacher switched: ${queued.join(', ')}`,
    );

    await Promise.all(
      students.map((s) =>
        waitFor(
          s,
          (st) => st.transport === 'socket' && st.status === 'connected' && everyAnswerReceived(st),
        ),
      ),
    );
    const ids = students.map((s) => s.getState().studentId!);
    await waitFor(room.teacher, (s) =>
      ids.every((id) =>
        deck.slides.every((slide) => s.teacher?.state.responses[slide.id]?.[id] !== undefined),
      ),
    );
    students.forEach((_, i) => {
      for (const slide of deck.slides)
        assert.deepEqual(storedIds(ids[i]!, slide.id), [sent[i]!.get(slide.id)], slide.id);
    });
    // The roster follows: each student is on the socket now, with a round trip measured there.
    const state = await waitFor(room.teacher, (s) =>
      ids.every(
        (id) =>
          s.teacher?.presence[id]?.transport === 'websocket' &&
          s.teacher.presence[id].status === 'connected' &&
          typeof s.teacher.presence[id].rttMs === 'number',
      ),
    );
    assert.equal(Object.keys(state.teacher?.presence ?? {}).length, STUDENTS);
  });

  it('and back to Firebase with edits queued: each edit is one new revision', async () => {
    const edited = rest.slice(0, 3);
    students.forEach((_, i) => {
      for (const slide of edited) submit(i, slide.id, answerFor(slide.question!.kind, i + 1));
    });
    const ack = await room.teacher.command({ type: 'setStudentTransport', transport: 'firebase' });
    assert.equal(ack.ok, true, JSON.stringify(ack));
    await Promise.all(
      students.map((s) =>
        waitFor(
          s,
          (st) =>
            st.transport === 'firebase' && st.status === 'connected' && everyAnswerReceived(st),
        ),
      ),
    );
    const ids = students.map((s) => s.getState().studentId!);
    await waitFor(room.teacher, (s) =>
      ids.every((id, i) =>
        edited.every(
          (slide) =>
            s.teacher?.state.responses[slide.id]?.[id]?.answerId === sent[i]!.get(slide.id),
        ),
      ),
    );
    students.forEach((_, i) => {
      for (const slide of edited) {
        const stored = storedIds(ids[i]!, slide.id);
        assert.equal(stored.length, 2, `${slide.id}: the first answer and one edit`);
        assert.equal(stored[1], sent[i]!.get(slide.id));
      }
    });
    await waitFor(room.teacher, (s) =>
      ids.every((id) => s.teacher?.presence[id]?.transport === 'firebase'),
    );
  });

  it('nothing a student saw as received ever went back to sending', () => {
    for (const history of histories) {
      const received = new Map<string, string>();
      for (const state of history) {
        for (const [slideId, answer] of Object.entries(state.answers)) {
          const before = received.get(slideId);
          if (before === answer.answerId)
            assert.equal(answer.status, 'received', `${slideId} went back to ${answer.status}`);
          if (answer.status === 'received') received.set(slideId, answer.answerId);
        }
      }
    }
  });
});
