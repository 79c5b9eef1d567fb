import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionClient } from '../src/client/index.ts';
import { deckSchema, type Answer } from '../src/protocol/index.ts';
import {
  answerFor,
  EVERY_KIND_DECK,
  openClassroom,
  waitFor,
  type Classroom,
} from './support/classroom.ts';

const STUDENTS = 30;
const deck = deckSchema.parse(EVERY_KIND_DECK);

describe(
  'a class of 30 students answers a 7-slide deck of every kind',
  { timeout: 120_000 },
  () => {
    let room: Classroom;
    let teacher: SessionClient;
    const students: SessionClient[] = [];
    /** What each student sent, by slide: the teacher must see exactly this. */
    const sent = new Map<string, Map<string, Answer>>();

    before(async () => {
      room = await openClassroom('classroom');
      teacher = room.teacher;
      for (let i = 0; i < STUDENTS; i++) {
        const student = room.client();
        student.joinWithCode(room.session.joinCode.toLowerCase(), `Student ${i}`);
        students.push(student);
      }
      await Promise.all(
        students.map((s) =>
          waitFor(s, (st) => st.status === 'connected' && st.session !== null && st.self !== null),
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
        assert.equal(p.transport, 'websocket');
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
        assert.equal(state.teacher!.counts[slide.id], STUDENTS, 'live count equals stored answers');
        const seen = state.teacher!.state.responses[slide.id]!;
        for (const [studentId, answer] of bySlide)
          assert.deepEqual(seen[studentId]?.answer, answer);
      });
    }

    it('the teacher sees exactly what the students answered, on every slide', async () => {
      const sync = await teacher.command({ type: 'setReveal', slideId: 'mc', mode: 'anonymous' });
      assert.equal(sync.ok, true);
      const fresh = room.client();
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
          s.session?.slides[0]?.correctRevealed === true && s.session.slides[0].reveal === 'named',
      );
      results = view.session!.slides[0]!.results!;
      assert.ok(
        results.entries.every((e) => typeof e.name === 'string' && e.name.startsWith('Student ')),
      );
      const question = view.session!.slides[0]!.question;
      assert.ok(question?.kind === 'multiple-choice' && question.correctOptionIds?.[0] === 'paris');
    });

    it('each student sees only their own answers', () => {
      for (const student of students) {
        const { self, studentId } = student.getState();
        assert.equal(Object.keys(self?.responses ?? {}).length, deck.slides.length);
        for (const slide of deck.slides)
          assert.deepEqual(self?.responses[slide.id]?.answer, sent.get(slide.id)?.get(studentId!));
      }
    });
  },
);
