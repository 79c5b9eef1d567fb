/**
 * Scores in the report and its CSV: a score column per graded slide and a Total per student that
 * are the engine's `sessionScores(state, false)` (the dashboard's numbers), the percent-correct
 * row, numbers written as numbers and read back as numbers by a real CSV parser, formulas still
 * neutralised, and the streamed rows exactly the one-pass rows.
 */
import { apply, sessionScores, type Envelope } from '@classpulse/realtime/engine';
import {
  deckSchema,
  type Answer,
  type DeckInput,
  type SessionState,
} from '@classpulse/realtime/protocol';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeOf, percentOf, verdictOf } from '../src/lib/grading.ts';
import { slideGrades } from '../src/lib/slide-grades.ts';
import { toCsv, type CsvCell } from '../src/server/csv.ts';
import {
  PERCENT_CORRECT_LABEL,
  readReport,
  reportRowChunks,
  reportRows,
} from '../src/server/session-report.ts';
import { parseCsv } from './support/csv.ts';

const TEACHER = { role: 'teacher', teacherId: 'teacher-1' } as const;
const T0 = 1_700_000_000_000;

const GRADED_DECK: DeckInput = {
  title: 'Graded check-in',
  slides: [
    { id: 'intro', title: 'Welcome', body: 'No question here.' },
    {
      id: 'mc',
      title: 'Capital',
      question: {
        kind: 'multiple-choice',
        prompt: 'Capital of France?',
        options: [
          { id: 'a', label: 'Lyon' },
          { id: 'b', label: 'Paris' },
        ],
        allowMultiple: false,
        correctOptionIds: ['b'],
        points: 2,
      },
    },
    {
      id: 'num',
      title: '',
      question: {
        kind: 'number',
        prompt: 'How many legs has a spider?',
        correct: { value: 8, tolerance: 0.5 },
      },
    },
    {
      id: 'text',
      title: 'Philosophy',
      question: {
        kind: 'short-text',
        prompt: 'Bergson’s force?',
        acceptedAnswers: ['Élan vital'],
        points: 3,
      },
    },
    {
      id: 'cloud',
      title: 'Mood',
      question: { kind: 'word-cloud', prompt: 'One word for today', maxWords: 1 },
    },
  ],
};

/** Ada gets everything right; Grace is right within tolerance, in another case, and wrong on MC. */
const ANSWERS: Record<string, Partial<Record<string, Answer>>> = {
  Ada: {
    mc: { kind: 'multiple-choice', optionIds: ['b'] },
    num: { kind: 'number', value: 8 },
    text: { kind: 'short-text', text: 'élan vital' },
    cloud: { kind: 'word-cloud', words: ['sunny'] },
  },
  Grace: {
    mc: { kind: 'multiple-choice', optionIds: ['a'] },
    num: { kind: 'number', value: 8.5 },
    text: { kind: 'short-text', text: '  ELAN   Vital ' },
  },
  Alan: {
    mc: { kind: 'multiple-choice', optionIds: ['b'] },
    num: { kind: 'number', value: -3 },
    text: { kind: 'short-text', text: '=HYPERLINK("http://evil")' },
  },
  Zoe: {},
};

function run(state: SessionState | null, envelope: Envelope, now: number): SessionState {
  const result = apply(state, envelope, now);
  if (!result.ok) assert.fail(`${envelope.command.type}: ${result.code} ${result.message}`);
  return result.state;
}

function gradedSession(deckInput: DeckInput = GRADED_DECK): SessionState {
  let now = T0;
  let state = run(
    null,
    {
      actor: TEACHER,
      command: {
        type: 'createSession',
        sessionId: 'session-1',
        joinCode: 'ABC234',
        deck: deckSchema.parse(deckInput),
        settings: { pacing: 'instructor', latePolicy: 'allow' },
      },
    },
    now++,
  );
  const names = Object.keys(ANSWERS);
  for (const name of names)
    state = run(
      state,
      { actor: { role: 'student', studentId: `s-${name}` }, command: { type: 'join', name } },
      now++,
    );
  state.deck.slides.forEach((slide, slideIndex) => {
    state = run(state, { actor: TEACHER, command: { type: 'goToSlide', slideIndex } }, now++);
    for (const name of names) {
      const answer = ANSWERS[name]![slide.id];
      if (!answer) continue;
      state = run(
        state,
        {
          actor: { role: 'student', studentId: `s-${name}` },
          command: {
            type: 'submitAnswer',
            slideId: slide.id,
            answerId: `answer-${name}-${slide.id}`,
            answer,
          },
        },
        now++,
      );
    }
  });
  // A moderated answer still scores: hiding is about the class's screens, not the grade.
  return run(
    state,
    {
      actor: TEACHER,
      command: { type: 'hideResponse', slideId: 'text', studentId: 's-Grace', hidden: true },
    },
    now++,
  );
}

const rowOf = (rows: readonly (readonly CsvCell[])[], name: string) => {
  const row = rows.find((r) => r[0] === name);
  assert.ok(row, `a row for ${name}`);
  return row;
};

describe('the report with scores', () => {
  const state = gradedSession();
  const rows = reportRows(state, new Map());
  const [header] = rows;

  it('has a score column per graded slide and a Total, after the answers', () => {
    assert.deepEqual(header, [
      'Student',
      '1. Capital',
      '2. How many legs has a spider?',
      '3. Philosophy',
      '4. Mood',
      'Score: 1. Capital (of 2)',
      'Score: 2. How many legs has a spider? (of 1)',
      'Score: 3. Philosophy (of 3)',
      'Total (of 6)',
    ]);
  });

  it('scores each student as the engine does, 0 for a graded question not answered', () => {
    assert.deepEqual(rowOf(rows, 'Ada').slice(5), [2, 1, 3, 6]);
    assert.deepEqual(rowOf(rows, 'Grace').slice(5), [0, 1, 3, 4]);
    assert.deepEqual(rowOf(rows, 'Alan').slice(5), [2, 0, 0, 2]);
    assert.deepEqual(rowOf(rows, 'Zoe').slice(1), ['', '', '', '', 0, 0, 0, 0]);
    const engine = sessionScores(state, false);
    for (const student of engine.students)
      assert.equal(rowOf(rows, student.name).at(-1), student.total, `${student.name}'s total`);
  });

  it('ends with the percent of fully correct answers under each graded question', () => {
    assert.deepEqual(rows.at(-1), [PERCENT_CORRECT_LABEL, 66.7, 66.7, 66.7, '', '', '', '', '']);
    assert.equal(rows.length, 1 + 4 + 1, 'header, a row per student, percent correct');
  });

  it('reads back from the CSV with a real parser: totals as numbers, formulas neutralised', () => {
    const csv = toCsv(rows);
    const records = parseCsv(csv);
    assert.deepEqual(records[0], header);
    for (const student of sessionScores(state, false).students) {
      const record = records.find((r) => r[0] === student.name);
      assert.ok(record);
      assert.equal(Number(record.at(-1)), student.total);
    }
    assert.match(csv, /\r\n"Ada","Paris",8,"élan vital","sunny",2,1,3,6\r\n/, 'numbers unquoted');
    assert.match(csv, /"'=HYPERLINK\(""http:\/\/evil""\)"/, 'a formula answer is neutralised');
    assert.match(csv, /"ELAN {3}Vital \(hidden\)"/, 'a hidden answer is marked, and still scores');
    assert.match(csv, /\r\n"Percent correct",66\.7,66\.7,66\.7,"","","","",""\r\n$/);
  });

  it('the streamed rows are exactly the one-pass rows, and the page gets the same numbers', async () => {
    const opened = () => ({
      ok: true as const,
      state: { ...state, responses: {} },
      students: (async function* () {
        for (const student of Object.values(state.students).sort((a, b) =>
          a.name.localeCompare(b.name),
        ))
          yield {
            studentId: student.id,
            responses: Object.fromEntries(
              Object.entries(state.responses).flatMap(([slideId, bySlide]) => {
                const r = bySlide[student.id];
                return r
                  ? [
                      [
                        slideId,
                        {
                          answer: r.answer,
                          hidden: r.hidden,
                          firstSubmittedAt: r.firstSubmittedAt,
                          submittedAt: r.submittedAt,
                        },
                      ],
                    ]
                  : [];
              }),
            ),
          };
      })(),
    });
    const streamed: CsvCell[][] = [];
    for await (const chunk of reportRowChunks(opened(), new Map())) streamed.push(...chunk);
    assert.deepEqual(streamed, rows);

    const page = await readReport(opened(), new Map());
    assert.deepEqual([...page.rows, page.footer], rows);
    const mc = page.slides.find((s) => s.slide.id === 'mc');
    assert.deepEqual(mc?.grade, { points: 2, answered: 3, correct: 2, percent: 66.7 });
    assert.equal(page.slides.find((s) => s.slide.id === 'cloud')?.grade, null);
  });

  it('adds the Email column before the answers and keeps the percent row aligned', () => {
    const withEmail = reportRows(state, new Map([['s-Ada', 'ada@school.example']]));
    assert.equal(withEmail[0]![1], 'Email');
    assert.deepEqual(rowOf(withEmail, 'Ada').slice(0, 2), ['Ada', 'ada@school.example']);
    assert.equal(withEmail.at(-1)!.length, withEmail[0]!.length);
    assert.deepEqual(withEmail.at(-1)!.slice(0, 3), [PERCENT_CORRECT_LABEL, '', 66.7]);
  });

  it('a deck without correct answers has no score columns and no percent row', () => {
    const polls: DeckInput = {
      title: 'Polls',
      slides: GRADED_DECK.slides.map((slide) => {
        if (!slide.question) return slide;
        const {
          correctOptionIds: _c,
          correct: _n,
          acceptedAnswers: _a,
          ...question
        } = slide.question as Record<string, unknown>;
        return { ...slide, question } as DeckInput['slides'][number];
      }),
    };
    const pollRows = reportRows(gradedSession(polls), new Map());
    assert.equal(pollRows[0]!.length, 5);
    assert.equal(pollRows.length, 1 + 4);
    assert.ok(!pollRows.some((r) => r[0] === PERCENT_CORRECT_LABEL));
  });
});

describe('grades as every screen words them', () => {
  const state = gradedSession();

  it('the dashboard’s slide grades agree with the report', () => {
    const mc = slideGrades(state, 'mc');
    assert.ok(mc);
    assert.deepEqual(
      { of: mc.of, answered: mc.answered, correct: mc.correct, percent: mc.percent },
      { of: 2, answered: 3, correct: 2, percent: 66.7 },
    );
    assert.deepEqual(
      mc.students.map((s) => [s.name, s.verdict, s.points]),
      [
        ['Ada', 'correct', 2],
        ['Grace', 'incorrect', 0],
        ['Alan', 'correct', 2],
      ],
    );
    assert.equal(slideGrades(state, 'cloud'), null, 'a poll has no grades');
    assert.equal(slideGrades(state, 'intro'), null, 'nor has a content slide');
  });

  it('a student’s own grade: verdict, points earned and possible', () => {
    const question = state.deck.slides.find((s) => s.id === 'text')!.question!;
    assert.deepEqual(gradeOf(question, { kind: 'short-text', text: 'Elan Vital' }), {
      verdict: 'correct',
      points: 3,
      of: 3,
    });
    assert.deepEqual(gradeOf(question, { kind: 'short-text', text: 'vitality' }), {
      verdict: 'incorrect',
      points: 0,
      of: 3,
    });
    const poll = state.deck.slides.find((s) => s.id === 'cloud')!.question!;
    assert.equal(gradeOf(poll, { kind: 'word-cloud', words: ['x'] }), null);
    assert.equal(verdictOf(0.5), 'partly');
    assert.equal(percentOf(1, 3), 33.3);
    assert.equal(percentOf(0, 0), null);
  });
});
