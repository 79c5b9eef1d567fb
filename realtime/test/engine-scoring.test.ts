/**
 * Scoring and quizzes in the engine: revealing a correct answer locks the slide, points per
 * slide and per student, quiz mode's speed bonus, the top-five leaderboard and each student's own
 * standing, and homework's due time, on both the engine and the Firebase layout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ownStanding,
  publicSessionView,
  sessionScores,
  studentSelfView,
} from '../src/engine/index.ts';
import { gateNode, paths, updatesFor } from '../src/firebase/layout.ts';
import type { DeckInput, SessionState } from '../src/protocol/index.ts';
import { KIND_SAMPLES } from '../src/testing/index.ts';
import {
  accept,
  asTeacher,
  createCmd,
  joinCmd,
  refused,
  run,
  submitCmd,
  T0,
} from './support/engine-fixtures.ts';

const mc = KIND_SAMPLES['multiple-choice'];
const rank = KIND_SAMPLES.ranking;

/** A quiz of two graded slides (1 point, 4 points) and a poll. */
const DECK: DeckInput = {
  title: 'Quiz',
  slides: [
    { id: mc.slideId, question: mc.question },
    { id: rank.slideId, question: rank.question },
    { id: 'poll', question: { kind: 'scale', prompt: 'Fun?', steps: 5 } },
  ],
};

function quizSession(settings = {}): SessionState {
  let state = accept(null, createCmd(settings, { deck: DECK }), T0).state;
  for (const [id, name] of [
    ['a', 'Ada'],
    ['b', 'Bea'],
    ['c', 'Cy'],
  ])
    state = run(state, joinCmd(id!, name!), T0 + 1);
  return state;
}

const teacher = asTeacher;

describe('revealing a correct answer', () => {
  it('locks the slide, and the teacher can unlock it again', () => {
    let state = quizSession();
    state = run(state, teacher({ type: 'revealCorrect', slideId: 'mc', revealed: true }), T0 + 2);
    assert.equal(state.slides.mc!.locked, true);
    refused(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), T0 + 3, 'slide_locked');
    state = run(state, teacher({ type: 'unlockSlide', slideId: 'mc' }), T0 + 4);
    state = run(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), T0 + 5);
    assert.equal(state.slides.mc!.correctRevealed, true, 'unlocking keeps the answer shown');
  });

  it('is refused for a question without a correct answer, with the reason', () => {
    const state = quizSession();
    refused(
      state,
      teacher({ type: 'revealCorrect', slideId: 'poll', revealed: true }),
      T0 + 2,
      'no_correct_answer',
    );
  });

  it('shows students the correct answer only once revealed', () => {
    let state = quizSession();
    const before = publicSessionView(state).slides[0]!.question;
    assert.equal(before?.kind === 'multiple-choice' && before.correctOptionIds, undefined);
    state = run(state, teacher({ type: 'revealCorrect', slideId: 'mc', revealed: true }), T0 + 2);
    const after = publicSessionView(state).slides[0]!.question;
    assert.deepEqual(after?.kind === 'multiple-choice' && after.correctOptionIds, ['paris']);
  });
});

describe('scores', () => {
  it('count each graded slide’s points (1 by default) and total them per student', () => {
    let state = quizSession({ pacing: 'student' });
    state = run(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), T0 + 2);
    state = run(state, submitCmd('a', 'rank', 'answer-a-0002', rank.correct!), T0 + 2);
    state = run(state, submitCmd('b', 'mc', 'answer-b-0001', mc.answer(1)), T0 + 2);
    // Bea's order puts every planet one place off but one: partial credit by position.
    state = run(state, submitCmd('b', 'rank', 'answer-b-0002', rank.answer(1)), T0 + 2);
    state = run(
      state,
      submitCmd('c', 'poll', 'answer-c-0001', { kind: 'scale', value: 3 }),
      T0 + 2,
    );
    const scores = sessionScores(state, false);
    assert.deepEqual(scores.slides, [
      { slideId: 'mc', points: 1 },
      { slideId: 'rank', points: 4 },
    ]);
    const [ada, bea, cy] = scores.students;
    assert.deepEqual(ada, { studentId: 'a', name: 'Ada', bySlide: { mc: 1, rank: 4 }, total: 5 });
    assert.equal(bea!.bySlide.mc, 0);
    assert.ok(bea!.bySlide.rank! > 0 && bea!.bySlide.rank! < 4);
    assert.deepEqual(cy, { studentId: 'c', name: 'Cy', bySlide: {}, total: 0 });
    // Students see points of revealed slides only.
    assert.deepEqual(sessionScores(state, true).slides, []);
  });

  it('give a quiz’s speed bonus: up to half again, falling to nothing over the window', () => {
    let state = quizSession({ quiz: { speedBonus: true, leaderboard: true } });
    state = run(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), T0);
    state = run(state, submitCmd('b', 'mc', 'answer-b-0001', mc.correct!), T0 + 15_000);
    state = run(state, submitCmd('c', 'mc', 'answer-c-0001', mc.correct!), T0 + 40_000);
    const byId = Object.fromEntries(
      sessionScores(state, false).students.map((s) => [s.studentId, s.bySlide.mc]),
    );
    assert.deepEqual(byId, { a: 1.5, b: 1.25, c: 1 });
  });

  it('keep a timer’s bonus window after the timer ends', () => {
    let state = quizSession({ quiz: { speedBonus: true, leaderboard: true } });
    state = run(state, teacher({ type: 'startTimer', slideId: 'mc', durationMs: 60_000 }), T0);
    state = run(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), T0 + 30_000);
    const during = sessionScores(state, false).students[0]!.total;
    state = run(state, teacher({ type: 'lockSlide', slideId: 'mc' }), T0 + 61_000);
    assert.equal(during, 1.25);
    assert.equal(sessionScores(state, false).students[0]!.total, during);
  });
});

describe('the leaderboard and each student’s standing', () => {
  function revealedQuiz(leaderboard: boolean) {
    let state = quizSession({ quiz: { speedBonus: false, leaderboard } });
    state = run(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), T0 + 2);
    state = run(state, submitCmd('b', 'mc', 'answer-b-0001', mc.correct!), T0 + 2);
    state = run(state, submitCmd('c', 'mc', 'answer-c-0001', mc.answer(1)), T0 + 2);
    return run(state, teacher({ type: 'revealCorrect', slideId: 'mc', revealed: true }), T0 + 3);
  }

  it('goes on the projector only when shown: top five, names and points, ties share a rank', () => {
    let state = revealedQuiz(true);
    assert.equal(publicSessionView(state).leaderboard, undefined);
    state = run(state, teacher({ type: 'showLeaderboard', shown: true }), T0 + 4);
    assert.deepEqual(publicSessionView(state).leaderboard, [
      { rank: 1, name: 'Ada', points: 1 },
      { rank: 1, name: 'Bea', points: 1 },
      { rank: 3, name: 'Cy', points: 0 },
    ]);
    for (let i = 0; i < 10; i++) state = run(state, joinCmd(`x${i}`, `Extra ${i}`), T0 + 5);
    assert.equal(publicSessionView(state).leaderboard!.length, 5, 'never the whole class');
  });

  it('gives each student their own points and rank, and only points without a leaderboard', () => {
    const state = revealedQuiz(true);
    assert.deepEqual(studentSelfView(state, 'c')!.standing, { points: 0, rank: 3, of: 3 });
    const hidden = revealedQuiz(false);
    assert.deepEqual(ownStanding(hidden, 'a'), { points: 1 });
    refused(hidden, teacher({ type: 'showLeaderboard', shown: true }), T0 + 4, 'quiz_off');
  });

  it('counts nothing before the teacher reveals the answer', () => {
    let state = quizSession({ quiz: { speedBonus: false, leaderboard: true } });
    state = run(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), T0 + 2);
    assert.deepEqual(ownStanding(state, 'a'), { points: 0, rank: 1, of: 3 });
  });

  it('is written to each student’s Firebase node when a reveal changes it', () => {
    let state = revealedQuiz(true);
    const result = accept(
      state,
      teacher({ type: 'revealCorrect', slideId: 'mc', revealed: false }),
      T0 + 4,
    );
    state = result.state;
    const reveal = accept(
      state,
      teacher({ type: 'revealCorrect', slideId: 'mc', revealed: true }),
      T0 + 5,
    );
    const updates = updatesFor(reveal.state, reveal.events);
    assert.deepEqual(updates[paths.standing(reveal.state.id, 'b')], { points: 1, rank: 1, of: 3 });
  });
});

describe('homework', () => {
  it('refuses answers from the due time on, in the engine and in the database gate', () => {
    const dueAt = T0 + 60_000;
    let state = quizSession({ pacing: 'student', dueAt });
    state = run(state, submitCmd('a', 'mc', 'answer-a-0001', mc.correct!), dueAt - 1);
    refused(state, submitCmd('b', 'mc', 'answer-b-0001', mc.correct!), dueAt, 'past_due');
    assert.equal(gateNode(state).slides.mc!.dueAt, dueAt);
    assert.equal(publicSessionView(state).dueAt, dueAt);
    state = run(state, teacher({ type: 'setDueAt', dueAt: null }), dueAt + 1);
    state = run(state, submitCmd('b', 'mc', 'answer-b-0001', mc.correct!), dueAt + 2);
  });
});
