import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dueAtFromLocalInput,
  dueAtProblem,
  localInputFromDueAt,
  ordinal,
  pointsText,
  standingText,
} from '../src/lib/quiz-format.ts';
import {
  NO_QUIZ_OR_HOMEWORK,
  quizHomeworkSettings,
} from '../src/components/teacher/quiz-homework-settings.ts';

// Local times are this process's zone, as a browser's are its own (e2e-quiz.test.ts runs the
// teacher's browser in New York and checks the engine got the instant meant there).
const local = (...parts: [number, number, number, number, number, number?]) =>
  new Date(...parts).getTime();

describe('quiz words', () => {
  it('ranks read as English ordinals', () => {
    const cases: Array<[number, string]> = [
      [1, '1st'],
      [2, '2nd'],
      [3, '3rd'],
      [4, '4th'],
      [11, '11th'],
      [12, '12th'],
      [13, '13th'],
      [21, '21st'],
      [22, '22nd'],
      [101, '101st'],
    ];
    for (const [n, text] of cases) assert.equal(ordinal(n), text);
  });

  it('a standing reads "12 points · 3rd of 27", or points alone without a leaderboard', () => {
    assert.equal(standingText({ points: 12, rank: 3, of: 27 }), '12 points · 3rd of 27');
    assert.equal(standingText({ points: 1, rank: 1, of: 1 }), '1 point · 1st of 1');
    assert.equal(standingText({ points: 7.25 }), '7.25 points');
    assert.equal(pointsText(0), '0 points');
  });
});

describe('due times typed in the teacher’s time zone', () => {
  it('a datetime-local value is read in the browser’s zone and written back the same', () => {
    const at = dueAtFromLocalInput('2026-12-11T23:59');
    assert.equal(at, local(2026, 11, 11, 23, 59));
    assert.equal(localInputFromDueAt(local(2026, 11, 11, 23, 59)), '2026-12-11T23:59');
    const withSeconds = dueAtFromLocalInput('2026-07-01T08:30:15');
    assert.equal(withSeconds, local(2026, 6, 1, 8, 30, 15));
    assert.equal(localInputFromDueAt(local(2026, 6, 1, 8, 30, 15)), '2026-07-01T08:30:15');
  });

  it('rejects what is not a date-time', () => {
    for (const bad of ['', 'tomorrow', '2026-12-11', '2026-12-11T25:00', '2026-13-01T10:00'])
      assert.equal(dueAtFromLocalInput(bad), null, bad);
  });

  it('a due time must be in the future', () => {
    const now = Date.UTC(2026, 11, 7, 12);
    assert.equal(dueAtProblem(null, now), 'Choose a due date and time.');
    assert.equal(dueAtProblem(now, now), 'Choose a due date and time in the future.');
    assert.equal(dueAtProblem(now + 60_000, now), null);
  });
});

describe('the start form’s quiz and homework settings', () => {
  const now = Date.UTC(2026, 11, 7, 12);

  it('neither by default', () => {
    assert.deepEqual(quizHomeworkSettings(NO_QUIZ_OR_HOMEWORK, now), { ok: true, settings: {} });
  });

  it('quiz mode with its options', () => {
    assert.deepEqual(
      quizHomeworkSettings({ ...NO_QUIZ_OR_HOMEWORK, quiz: true, speedBonus: true }, now),
      { ok: true, settings: { quiz: { speedBonus: true, leaderboard: true } } },
    );
  });

  it('homework is student-paced with its due time, which must be ahead', () => {
    const homework = { ...NO_QUIZ_OR_HOMEWORK, homework: true, dueLocal: '2026-12-11T23:59' };
    assert.deepEqual(quizHomeworkSettings(homework, now), {
      ok: true,
      settings: { pacing: 'student', dueAt: local(2026, 11, 11, 23, 59) },
    });
    assert.deepEqual(quizHomeworkSettings({ ...homework, dueLocal: '2026-12-01T10:00' }, now), {
      ok: false,
      message: 'Homework: Choose a due date and time in the future.',
      problem: 'chooseFutureDue',
    });
    assert.deepEqual(quizHomeworkSettings({ ...homework, dueLocal: '' }, now), {
      ok: false,
      message: 'Homework: Choose a due date and time.',
      problem: 'chooseDue',
    });
  });
});
