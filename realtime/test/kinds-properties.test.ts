/**
 * Every question kind, by generated definitions and answers: they round-trip through the
 * protocol's schemas and the Firebase codec, the real database rules accept what the engine
 * accepts, and the scorer keeps to 0..1 with full marks for the correct answer.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import * as targaryen from 'targaryen';
import {
  answerProblem,
  answerSchema,
  answerScore,
  hasCorrectAnswer,
  QUESTION_KINDS,
  questionForStudents,
  questionSchema,
  type Answer,
  type Question,
  type QuestionKind,
} from '../src/protocol/index.ts';
import { decodeAnswer, encodeAnswer } from '../src/firebase/answer-codec.ts';
import { paths, sessionNode } from '../src/firebase/layout.ts';
import { studentIdentity } from '../src/firebase/claims.ts';
import { apply } from '../src/engine/index.ts';
import { accept, createCmd, joinCmd, submitCmd, T0 } from './support/engine-fixtures.ts';
import { KIND_ARBITRARIES, type KindArbitrary } from './support/kind-arbitraries.ts';

const RULES = JSON.parse(
  readFileSync(new URL('../firebase/database.rules.json', import.meta.url), 'utf8'),
) as object;

const RUNS = 60;

/** Plain JSON, as the database holds it (generated records have no prototype). */
function clone(value: unknown): object {
  return JSON.parse(JSON.stringify(value)) as object;
}

function arbitraryOf<K extends QuestionKind>(kind: K): KindArbitrary<K> {
  return KIND_ARBITRARIES[kind];
}

/** A question with one of its valid answers. */
function questionAndAnswer(
  kind: QuestionKind,
): fc.Arbitrary<{ question: Question; answer: Answer }> {
  const arb = arbitraryOf(kind);
  return arb.question.chain((question) =>
    arb.answer(question as never).map((answer) => ({ question: question, answer: answer })),
  );
}

/** A live session showing one slide with `question`, and student "a" in it. */
function sessionWith(question: Question) {
  const deck = { title: 'Generated', slides: [{ id: 'q', question }] };
  let state = accept(null, createCmd({}, { deck }), T0).state;
  state = accept(state, joinCmd('a', 'Ada'), T0 + 1).state;
  return state;
}

for (const kind of QUESTION_KINDS) {
  describe(`${kind}`, () => {
    test('definitions and answers round-trip through the schemas, and answers fit', () => {
      fc.assert(
        fc.property(questionAndAnswer(kind), ({ question, answer }) => {
          const q = questionSchema.parse(JSON.parse(JSON.stringify(question)));
          assert.deepEqual(questionSchema.parse(JSON.parse(JSON.stringify(q))), q);
          const a = answerSchema.parse(JSON.parse(JSON.stringify(answer)));
          assert.equal(answerProblem(q, a), null);
        }),
        { numRuns: RUNS },
      );
    });

    test('answers round-trip through the Firebase codec', () => {
      fc.assert(
        fc.property(questionAndAnswer(kind), ({ answer }) => {
          const stored = JSON.parse(JSON.stringify(encodeAnswer(answer))) as unknown;
          // JSON has no -0: compare with what JSON makes of the answer.
          assert.deepEqual(decodeAnswer(stored), clone(answerSchema.parse(answer)));
        }),
        { numRuns: RUNS },
      );
    });

    test('the database rules take what the engine takes, from the student only', () => {
      fc.assert(
        fc.property(questionAndAnswer(kind), ({ question, answer }) => {
          const state = sessionWith(questionSchema.parse(question));
          const engine = apply(state, submitCmd('a', 'q', 'answer-a-0001', answer), T0 + 2);
          assert.ok(engine.ok, `the engine refused: ${JSON.stringify(engine)}`);
          const data = JSON.parse(
            JSON.stringify({ sessions: { s1: sessionNode({ ...state, id: 's1' }) } }),
          ) as object;
          const { uid, claims } = studentIdentity('s1', 'a');
          const now = T0 + 2;
          const node = clone({
            answerId: 'answer-a-0001',
            answer: encodeAnswer(answer),
            firstSubmittedAt: now,
            submittedAt: now,
            hidden: false,
            revisions: 1,
            answerIds: { 'answer-a-0001': true },
          });
          const path = paths.response('s1', 'q', 'a');
          const asStudent = targaryen.database(RULES, data, now).as({ uid, token: claims });
          const write = asStudent.write(path, node);
          assert.ok(write.allowed, write.info);
          // Another student cannot write it, nor can the answer be of another kind.
          const other = studentIdentity('s1', 'b');
          assert.equal(
            targaryen
              .database(RULES, data, now)
              .as({ uid: other.uid, token: other.claims })
              .write(path, node).allowed,
            false,
          );
        }),
        { numRuns: 25 },
      );
    });

    test('the score is between 0 and 1, and the correct answer scores 1', () => {
      const arb = arbitraryOf(kind);
      fc.assert(
        fc.property(questionAndAnswer(kind), ({ question, answer }) => {
          const q = questionSchema.parse(question);
          const share = answerScore(q, answer);
          if (!hasCorrectAnswer(q)) {
            assert.equal(share, null);
            return;
          }
          assert.ok(share !== null && share >= 0 && share <= 1, `score ${share}`);
          const correct = arb.correct(q);
          assert.ok(correct, 'a gradable question has a correct answer');
          assert.equal(answerProblem(q, answerSchema.parse(correct)), null);
          assert.equal(answerScore(q, answerSchema.parse(correct)), 1);
        }),
        { numRuns: RUNS },
      );
    });

    test('students never see the correct answer before it is revealed', () => {
      fc.assert(
        fc.property(arbitraryOf(kind).question, (question) => {
          const q = questionSchema.parse(question);
          const hidden = questionForStudents(q, false);
          assert.equal(hasCorrectAnswer(hidden), false);
          assert.deepEqual(questionForStudents(q, true), q);
          // What students get still parses, so their page can check answers against it.
          questionSchema.parse(hidden);
        }),
        { numRuns: RUNS },
      );
    });
  });
}
