import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoryStorage, type SessionClient } from '../../src/client/index.ts';
import { deckSchema, type Answer } from '../../src/protocol/index.ts';
import { createTokenService } from '../../src/server/index.ts';
import { answerFor, EVERY_KIND_DECK, waitFor, type Classroom } from './classroom.ts';

/**
 * What a SessionClient does for a student, whatever its transport: one suite, run on the socket
 * transport (classroom.test.ts) and on the Firebase transport (firebase-classroom.test.ts).
 * The teacher is on the socket transport in both.
 */
export function sessionClientContract(
  name: string,
  options: {
    open: () => Promise<Classroom>;
    /** The transport the teacher's roster shows for these students. */
    transport: string;
    students: number;
  },
): void {
  const { open, transport } = options;
  const STUDENTS = options.students;

  const deck = deckSchema.parse(EVERY_KIND_DECK);

  describe(
    `${name}: a class of ${STUDENTS} students answers a 7-slide deck of every kind`,
    { timeout: 120_000 },
    () => {
      let room: Classroom;
      let teacher: SessionClient;
      const students: SessionClient[] = [];
      /** What each student sent, by slide: the teacher must see exactly this. */
      const sent = new Map<string, Map<string, Answer>>();

      before(async () => {
        room = await open();
        teacher = room.teacher;
        for (let i = 0; i < STUDENTS; i++) {
          const student = room.client();
          student.joinWithCode(room.session.joinCode.toLowerCase(), `Student ${i}`);
          students.push(student);
        }
        await Promise.all(
          students.map((s) =>
            waitFor(
              s,
              (st) => st.status === 'connected' && st.session !== null && st.self !== null,
            ),
          ),
        );
      });

      after(() => room.close());

      it('every student joined with their own identity and shows as connected', async () => {
        const ids = new Set(students.map((s) => s.getState().studentId));
        assert.equal(ids.size, STUDENTS);
        const state = await waitFor(
          teacher,
          (s) =>
            Object.values(s.teacher?.presence ?? {}).filter((p) => p.status === 'connected')
              .length === STUDENTS,
        );
        assert.equal(Object.keys(state.teacher?.state.students ?? {}).length, STUDENTS);
        for (const p of Object.values(state.teacher?.presence ?? {}))
          assert.equal(p.transport, transport);
      });

      for (const [index, slide] of deck.slides.entries()) {
        it(`slide ${index + 1} (${slide.question?.kind}): every answer is received and the teacher sees it`, async () => {
          if (index > 0) {
            const ack = await teacher.command({ type: 'goToSlide', slideIndex: index });
            assert.equal(ack.ok, true);
          }
          await Promise.all(
            students.map((s) => waitFor(s, (st) => st.session?.currentSlideIndex === index)),
          );
          const question = students[0]?.getState().session?.slides[0]?.question;
          assert.equal(question?.kind, slide.question?.kind);
          if (question?.kind === 'multiple-choice')
            assert.equal(question.correctOptionIds, undefined, 'correct answer hidden');

          const bySlide = new Map<string, Answer>();
          sent.set(slide.id, bySlide);
          students.forEach((student, i) => {
            const answer = answerFor(slide.question!.kind, i);
            student.submitAnswer(slide.id, answer);
            bySlide.set(student.getState().studentId!, answer);
          });
          await Promise.all(
            students.map((s) => waitFor(s, (st) => st.answers[slide.id]?.status === 'received')),
          );

          const state = await waitFor(
            teacher,
            (s) => Object.keys(s.teacher?.state.responses[slide.id] ?? {}).length === STUDENTS,
          );
          assert.equal(
            state.teacher!.counts[slide.id],
            STUDENTS,
            'live count equals stored answers',
          );
          const seen = state.teacher!.state.responses[slide.id]!;
          for (const [studentId, answer] of bySlide)
            assert.deepEqual(seen[studentId]?.answer, answer);
        });
      }

      it('the teacher sees exactly what the students answered, on every slide', async () => {
        const sync = await teacher.command({ type: 'setReveal', slideId: 'mc', mode: 'anonymous' });
        assert.equal(sync.ok, true);
        const fresh = room.teacherClient();
        fresh.connectAsTeacher(room.session.teacherToken);
        const { teacher: snapshot } = await waitFor(fresh, (s) => s.teacher !== null);
        fresh.close();
        for (const slide of deck.slides) {
          const stored = snapshot!.state.responses[slide.id] ?? {};
          assert.equal(Object.keys(stored).length, STUDENTS, slide.id);
          for (const [studentId, answer] of sent.get(slide.id)!)
            assert.deepEqual(stored[studentId]?.answer, answer);
        }
      });

      it('a reveal shows results to students: anonymous without names, named with names, correct answer on request', async () => {
        await teacher.command({ type: 'goToSlide', slideIndex: 0 });
        let view = await waitFor(
          students[0]!,
          (s) => s.session?.slides[0]?.id === 'mc' && s.session.slides[0].results !== null,
        );
        let results = view.session!.slides[0]!.results!;
        assert.equal(results.responseCount, STUDENTS);
        assert.ok(results.entries.every((e) => e.name === undefined));

        await teacher.command({ type: 'setReveal', slideId: 'mc', mode: 'named' });
        await teacher.command({ type: 'revealCorrect', slideId: 'mc', revealed: true });
        view = await waitFor(
          students[1]!,
          (s) =>
            s.session?.slides[0]?.correctRevealed === true &&
            s.session.slides[0].reveal === 'named',
        );
        results = view.session!.slides[0]!.results!;
        assert.ok(
          results.entries.every((e) => typeof e.name === 'string' && e.name.startsWith('Student ')),
        );
        const question = view.session!.slides[0]!.question;
        assert.ok(
          question?.kind === 'multiple-choice' && question.correctOptionIds?.[0] === 'paris',
        );
      });

      it('each student sees only their own answers', () => {
        for (const student of students) {
          const { self, studentId } = student.getState();
          assert.equal(Object.keys(self?.responses ?? {}).length, deck.slides.length);
          for (const slide of deck.slides)
            assert.deepEqual(
              self?.responses[slide.id]?.answer,
              sent.get(slide.id)?.get(studentId!),
            );
        }
      });
    },
  );

  describe(`${name}: stale tokens and removal`, { timeout: 60_000 }, () => {
    let room: Classroom;
    before(async () => {
      room = await open();
    });
    after(() => room.close());

    it('a stored token that no longer works rejoins by code and still delivers the unsent answer', async () => {
      const storage = memoryStorage();
      const foreign = createTokenService({
        secret: 'another-secret-entirely-0123456789abcdef',
        teacherTtlSeconds: 60,
        studentTtlSeconds: 60,
      });
      storage.setItem(
        `classpulse:v1:identity:${room.session.joinCode}`,
        JSON.stringify({
          sessionId: room.session.sessionId,
          studentId: 'ghost',
          token: await foreign.signStudent(room.session.sessionId, 'ghost'),
        }),
      );
      const pending = {
        answerId: 'pending-answer-1',
        slideId: 'mc',
        answer: answerFor('multiple-choice', 2),
        clientCreatedAt: 1,
      };
      storage.setItem(
        `classpulse:v1:outbox:${room.session.sessionId}:ghost`,
        JSON.stringify([pending]),
      );

      const student = room.client(storage);
      student.joinWithCode(room.session.joinCode, 'Ada');
      const state = await waitFor(student, (s) => s.answers.mc?.status === 'received');
      assert.notEqual(state.studentId, 'ghost');
      assert.equal(state.answers.mc?.answerId, 'pending-answer-1');
      const seen = await waitFor(
        room.teacher,
        (s) => s.teacher?.state.responses.mc?.[state.studentId!] !== undefined,
      );
      assert.deepEqual(
        seen.teacher?.state.responses.mc?.[state.studentId!]?.answer,
        pending.answer,
      );
      assert.equal(storage.getItem(`classpulse:v1:outbox:${room.session.sessionId}:ghost`), null);
    });

    it('a removed student is told why and stays out on this browser until let back in', async () => {
      const storage = memoryStorage();
      const student = room.client(storage);
      student.joinWithCode(room.session.joinCode, 'Mallory');
      const { studentId } = await waitFor(
        student,
        (s) => s.status === 'connected' && s.studentId !== null,
      );
      assert.equal(
        (await room.teacher.command({ type: 'removeStudent', studentId: studentId! })).ok,
        true,
      );
      const closed = await waitFor(student, (s) => s.status === 'closed');
      assert.equal(closed.error?.code, 'student_removed');
      const t = await waitFor(
        room.teacher,
        (s) => s.teacher?.state.students[studentId!]?.removed === true,
      );
      assert.equal(t.teacher?.presence[studentId!]?.status, 'gone');
      // This browser keeps its identity: reloaded, it is still out (not a new student).
      const reloaded = room.client(storage);
      reloaded.joinWithCode(room.session.joinCode, '');
      assert.equal(
        (await waitFor(reloaded, (s) => s.status === 'closed')).error?.code,
        'student_removed',
      );
      assert.equal(
        (await room.teacher.command({ type: 'readmitStudent', studentId: studentId! })).ok,
        true,
      );
      await waitFor(room.teacher, (s) => s.teacher?.state.students[studentId!]?.removed === false);
      const readmitted = room.client(storage);
      readmitted.joinWithCode(room.session.joinCode, '');
      const back = await waitFor(
        readmitted,
        (s) => s.status === 'connected' && s.studentId !== null,
      );
      assert.equal(back.studentId, studentId, 'the same student, back in');
    });
  });
}
