/**
 * Property: in a random class (random names, answers to random slides of every kind, moderation,
 * extended time, removals, health records), erasing one student leaves every other student's
 * export exactly as it was, and the erased state names the student nowhere. Checked on the pure
 * function (engine/erase-student.ts) over many classes, and through the SQLite store (its
 * compaction and reload) over fewer.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { apply, withoutStudent, type Envelope } from '../src/engine/index.ts';
import {
  deckSchema,
  QUESTION_KINDS,
  studentExport,
  type SessionState,
} from '../src/protocol/index.ts';
import { createSqliteStore, type SessionStore } from '../src/server/index.ts';
import { KIND_SAMPLES } from '../src/testing/index.ts';
import { answerFor, EVERY_KIND_DECK, tempDir } from './support/classroom.ts';

const deck = deckSchema.parse(EVERY_KIND_DECK);
const teacher = { role: 'teacher', teacherId: 'teacher-1' } as const;

interface ClassPlan {
  names: string[];
  /** answers[slide][student]: the answer variant, or null for no answer. */
  answers: Array<Array<number | null>>;
  hidden: Array<[number, number]>;
  extended: number[];
  removed: number[];
  target: number;
}

const classPlan: fc.Arbitrary<ClassPlan> = fc.integer({ min: 2, max: 8 }).chain((size) =>
  fc.record({
    names: fc.array(fc.stringMatching(/^[A-Z][a-z]{0,9}$/), { minLength: size, maxLength: size }),
    answers: fc.array(
      fc.array(fc.option(fc.nat({ max: 50 }), { nil: null }), {
        minLength: size,
        maxLength: size,
      }),
      { minLength: QUESTION_KINDS.length, maxLength: QUESTION_KINDS.length },
    ),
    hidden: fc.array(
      fc.tuple(fc.nat({ max: QUESTION_KINDS.length - 1 }), fc.nat({ max: size - 1 })),
      { maxLength: 4 },
    ),
    extended: fc.subarray([...Array(size).keys()]),
    removed: fc.subarray([...Array(size).keys()], { maxLength: 2 }),
    target: fc.nat({ max: size - 1 }),
  }),
);

const studentId = (i: number) => `student-${i}-x`;

/** Runs the plan through the engine (and the store when given), returning the final state. */
async function runPlan(plan: ClassPlan, store?: SessionStore, sessionId = 's-prop') {
  const created = apply(
    null,
    {
      actor: teacher,
      command: {
        type: 'createSession',
        sessionId,
        joinCode: 'PQRSTU',
        deck,
        settings: { pacing: 'instructor', latePolicy: 'allow' },
      },
    },
    1_000,
  );
  assert.ok(created.ok);
  let state = created.state;
  await store?.create(state, created.events);
  let now = 2_000;
  const step = async (envelope: Envelope, mustWork = true) => {
    const r = apply(state, envelope, now++);
    if (!r.ok) {
      assert.ok(!mustWork, JSON.stringify(r));
      return;
    }
    state = r.state;
    if (r.events.length > 0) await store?.append(sessionId, r.events, r.state);
  };
  const student = (i: number) => ({ role: 'student' as const, studentId: studentId(i) });
  for (const [i, name] of plan.names.entries())
    await step({ actor: student(i), command: { type: 'join', name } });
  const health: unknown[] = [];
  for (const [index, kind] of QUESTION_KINDS.entries()) {
    const slideId = KIND_SAMPLES[kind].slideId;
    const slideIndex = deck.slides.findIndex((s) => s.id === slideId);
    await step({ actor: teacher, command: { type: 'goToSlide', slideIndex } });
    for (const [i, variant] of (plan.answers[index] ?? []).entries()) {
      if (variant === null) continue;
      const answerId = `answer-${i}-${slideId}-x`;
      await step({
        actor: student(i),
        command: { type: 'submitAnswer', slideId, answerId, answer: answerFor(kind, variant) },
      });
      health.push({ k: 'ack', at: now, studentId: studentId(i), slideId, answerId });
    }
  }
  for (const [slide, i] of plan.hidden) {
    const slideId = KIND_SAMPLES[QUESTION_KINDS[slide]!].slideId;
    const command = { type: 'hideResponse', slideId, studentId: studentId(i), hidden: true };
    await step({ actor: teacher, command } as Envelope, false);
  }
  for (const i of plan.extended)
    await step({
      actor: teacher,
      command: { type: 'setExtendedTime', studentId: studentId(i), extendedTime: 1.5 },
    });
  for (const i of plan.removed)
    await step({ actor: teacher, command: { type: 'removeStudent', studentId: studentId(i) } });
  return { state, health };
}

function exportsOfOthers(state: SessionState, health: unknown[], target: string) {
  return Object.keys(state.students)
    .filter((id) => id !== target)
    .map((id) => studentExport(state, id, health));
}

describe('erasing a student, over random classes', () => {
  it('keeps every other student export identical and leaves no trace (engine)', async () => {
    await fc.assert(
      fc.asyncProperty(classPlan, async (plan) => {
        const { state, health } = await runPlan(plan);
        const target = studentId(plan.target);
        const before = exportsOfOthers(state, health, target);
        const erased = withoutStudent(state, target);
        assert.ok(erased, 'the target joined');
        assert.deepEqual(exportsOfOthers(erased, health, target), before);
        assert.deepEqual(
          Object.keys(erased.students),
          Object.keys(state.students).filter((id) => id !== target),
        );
        assert.ok(!JSON.stringify(erased).includes(`"${target}"`));
        assert.ok(!JSON.stringify(erased).includes(`answer-${plan.target}-`));
        assert.equal(withoutStudent(erased, target), undefined, 'erasing twice finds nothing');
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every other student export identical through the SQLite store', async () => {
    const dir = tempDir('erase-props');
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(classPlan, async (plan) => {
          const store = createSqliteStore({
            path: join(dir.path, `db-${++n}.sqlite`),
            synchronous: 'normal',
            snapshotEvery: 5,
          });
          try {
            const { state, health } = await runPlan(plan, store);
            const target = studentId(plan.target);
            const before = exportsOfOthers(state, health, target);
            assert.equal(await store.eraseStudent(state.id, target), true);
            const loaded = await store.load(state.id);
            assert.ok(loaded);
            assert.deepEqual(exportsOfOthers(loaded, health, target), before);
            assert.ok(!JSON.stringify(loaded).includes(`"${target}"`));
          } finally {
            await store.close();
          }
        }),
        { numRuns: 15 },
      );
    } finally {
      dir.remove();
    }
  });
});
