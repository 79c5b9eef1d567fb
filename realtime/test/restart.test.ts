import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { memoryStorage, type KeyValueStorage, type SessionClient } from '../src/client/index.ts';
import type { EngineEvent } from '../src/engine/index.ts';
import {
  answerFor,
  everyoneAnswers,
  moveClassTo,
  socketClient,
  waitFor,
} from './support/classroom.ts';
import { restartableServer } from './support/restartable-server.ts';

const STUDENTS = 12;

describe(
  'killing the server mid-session loses no acknowledged answer',
  { timeout: 120_000 },
  () => {
    const server = restartableServer('restart');
    const clients: SessionClient[] = [];

    after(async () => {
      for (const c of clients) c.close();
      await server.dispose();
    });

    it('clients resume by themselves, unacknowledged answers are resent and stored exactly once', async (t) => {
      const { url } = await server.start();
      const { session, teacher } = await server.openSession();
      clients.push(teacher);

      const storages: KeyValueStorage[] = [];
      const students: SessionClient[] = [];
      for (let i = 0; i < STUDENTS; i++) {
        const storage = memoryStorage();
        const student = socketClient(url, storage);
        student.joinWithCode(session.joinCode, `Student ${i}`);
        storages.push(storage);
        students.push(student);
        clients.push(student);
      }
      await Promise.all(
        students.map((s) => waitFor(s, (st) => st.status === 'connected' && st.self !== null)),
      );

      // Slide 1: everyone answers and is acknowledged before the crash.
      await everyoneAnswers(students, 'mc', 'multiple-choice');
      await moveClassTo(teacher, students, 1);

      // Slide 2: answers in flight when the process is killed without warning.
      const acknowledgedBeforeKill = new Map<string, string>();
      students.forEach((s, i) => {
        const answerId = s.submitAnswer('text', answerFor('short-text', i));
        s.subscribe((st) => {
          if (
            st.answers.text?.answerId === answerId &&
            st.answers.text.status === 'received' &&
            server.current.process.exitCode === null
          ) {
            acknowledgedBeforeKill.set(st.studentId!, answerId);
          }
        });
      });
      await server.kill();
      const inFlight = students.filter(
        (s) => s.getState().answers.text?.status === 'sending',
      ).length;

      // While the server is down: one student reloads the page (same storage, new client)
      // and another answers offline.
      const originalId = students[0]!.getState().studentId;
      students[0]!.close();
      const reloaded = socketClient(url, storages[0]);
      clients.push(reloaded);
      reloaded.joinWithCode(session.joinCode, 'Student 0');
      students[0] = reloaded;
      await waitFor(students[1]!, (s) => s.status === 'reconnecting');
      students[1]!.submitAnswer('text', { kind: 'short-text', text: 'edited while offline' });

      await server.start();
      await Promise.all(
        students.map((s) =>
          waitFor(s, (st) => st.status === 'connected' && st.answers.text?.status === 'received'),
        ),
      );
      // An answer's acknowledgement can reach its student before the teacher's batched update, so
      // wait until the teacher holds every student's latest answer, not just one per student.
      await waitFor(
        teacher,
        (s) =>
          s.status === 'connected' &&
          students.every((student) => {
            const { studentId, answers } = student.getState();
            return (
              s.teacher?.state.responses.text?.[studentId!]?.answerId === answers.text?.answerId
            );
          }),
      );

      const reloadedState = students[0].getState();
      assert.equal(reloadedState.studentId, originalId, 'the reload kept the identity');
      assert.ok(
        reloadedState.self?.responses.mc,
        'the reloaded student still sees the earlier answer',
      );

      const teacherState = teacher.getState().teacher!.state;
      assert.equal(Object.keys(teacherState.students).length, STUDENTS, 'nobody joined twice');
      assert.equal(Object.keys(teacherState.responses.mc ?? {}).length, STUDENTS);
      for (const s of students) {
        const { studentId, answers } = s.getState();
        assert.equal(teacherState.responses.text?.[studentId!]?.answerId, answers.text?.answerId);
      }
      assert.deepEqual(teacherState.responses.text?.[students[1]!.getState().studentId!]?.answer, {
        kind: 'short-text',
        text: 'edited while offline',
      });

      // The durable log: every acknowledged answer is there, and no answerId was stored twice.
      await server.kill('SIGTERM');
      const db = new Database(join(server.dataDir, 'realtime.sqlite'), { readonly: true });
      const rows = db
        .prepare('SELECT events FROM session_events WHERE session_id = ? ORDER BY seq')
        .all(session.sessionId) as Array<{ events: string }>;
      db.close();
      const stored = rows
        .flatMap((r) => JSON.parse(r.events) as EngineEvent[])
        .filter(
          (e): e is Extract<EngineEvent, { type: 'answerSubmitted' }> =>
            e.type === 'answerSubmitted',
        );
      const counts = new Map<string, number>();
      for (const e of stored) counts.set(e.answerId, (counts.get(e.answerId) ?? 0) + 1);
      assert.ok(
        [...counts.values()].every((n) => n === 1),
        'each answerId stored exactly once',
      );
      for (const answerId of acknowledgedBeforeKill.values())
        assert.ok(counts.has(answerId), 'acknowledged answer kept');
      for (const s of students) {
        for (const a of Object.values(s.getState().answers))
          assert.ok(counts.has(a.answerId), 'every received answer is stored');
      }
      t.diagnostic(`${inFlight} of ${STUDENTS} answers were unacknowledged at the kill`);
    });
  },
);
