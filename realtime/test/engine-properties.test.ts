/**
 * Property tests: random sessions (teacher commands, joins, answers incl. resends of earlier
 * answerIds and invalid answers, navigation, timer wake-ups, the clock moving on) never break the
 * engine's invariants. Each invariant has its own test so one broken invariant does not hide
 * another; all of them run the same scenario generator.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type {
  Answer,
  LatePolicy,
  Pacing,
  SessionState,
  TeacherCommand,
} from '../src/protocol/index.ts';
import {
  answerRefusal,
  apply,
  evolveAll,
  findSlide,
  isSlideLocked,
  isSlideVisible,
  responseCounts,
  slideResults,
  type Actor,
  type ApplyResult,
  type EngineEvent,
  type Envelope,
} from '../src/engine/index.ts';
import {
  OTHER_TEACHER_ID,
  SLIDE,
  SLIDE_IDS,
  T0,
  TEACHER_ID,
  createCmd,
  describeResult,
  otherAnswer,
  questionKind,
  studentActor,
  systemActor,
  teacherActor,
  validAnswer,
} from './support/engine-fixtures.ts';

const NUM_RUNS = 200;

// ---------------------------------------------------------------------------------------------
// Scenario model

const STUDENT_IDS = ['s0', 's1', 's2', 's3', 's4'] as const;
/** Slide ids the generator picks from: the deck's plus one that does not exist. */
const SLIDE_CHOICES = [...SLIDE_IDS, 'no-such-slide'];
/** `slide` value meaning "the slide the class (or, self-paced, the student) is on". */
const CURRENT_SLIDE = -1;
/** `slide` value meaning "a slide with a running timer" (the current slide when there is none). */
const TIMED_SLIDE = -2;

type AnswerVariant = 'valid' | 'other' | 'invalid' | 'wrong-kind';
type As = 'teacher' | 'student' | 'system' | 'other-teacher';

type Op =
  | { op: 'advance'; ms: number }
  /** Moves the clock exactly onto the next running deadline, if any. */
  | { op: 'toDeadline' }
  | { op: 'join'; student: number; name: string }
  /** `reuse`: send an answerId used before (by anyone, on any slide) instead of a new one. */
  | { op: 'submit'; student: number; slide: number; answer: AnswerVariant; reuse: number | null }
  /** A client retry: an earlier submit message sent again unchanged. */
  | { op: 'resend'; pick: number }
  | { op: 'navigate'; student: number; index: number }
  /** `onCurrent`: aim a slide command at the class's current slide. */
  | { op: 'teacher'; command: TeacherCommand; as: As; onCurrent: boolean }
  | { op: 'expire'; slide: number; jump: boolean };

interface Scenario {
  pacing: Pacing;
  latePolicy: LatePolicy;
  /** Students s0..s(roster-1) join before the first op. */
  roster: number;
  /** Slide the teacher shows after the roster joined. */
  startSlide: number;
  ops: Op[];
}

const INVALID_ANSWERS: Record<string, unknown> = {
  [SLIDE.mc]: { kind: 'multiple-choice', optionIds: ['a', 'b'] },
  [SLIDE.mcm]: { kind: 'multiple-choice', optionIds: ['a', 'zz'] },
  [SLIDE.text]: { kind: 'short-text', text: 'x'.repeat(21) },
  [SLIDE.num]: { kind: 'number', value: 101 },
  [SLIDE.cloud]: { kind: 'word-cloud', words: ['a', 'b', 'c'] },
  [SLIDE.scale]: { kind: 'scale', value: 6 },
  [SLIDE.draw]: {
    kind: 'drawing',
    strokes: [{ color: '#000000', width: 1, points: Array.from({ length: 8_002 }, () => 0.5) }],
  },
  [SLIDE.pin]: { kind: 'pin-on-image', x: 1.01, y: 0.5 },
};

function answerFor(slideId: string, variant: AnswerVariant): Answer {
  const kind = questionKind(slideId);
  if (!kind) return { kind: 'short-text', text: 'no question here' };
  switch (variant) {
    case 'valid':
      return validAnswer(slideId);
    case 'other':
      return otherAnswer(slideId);
    case 'invalid':
      return structuredClone(INVALID_ANSWERS[slideId]) as Answer;
    case 'wrong-kind':
      return kind === 'number' ? { kind: 'scale', value: 2 } : { kind: 'number', value: 1 };
  }
}

/** Mostly s0 and s1, who are always on the roster; sometimes anyone (maybe not joined yet). */
const studentArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: STUDENT_IDS.length - 1 }) },
);
const slideArb = fc.integer({ min: 0, max: SLIDE_CHOICES.length - 1 });
const slideIdArb = slideArb.map((i) => SLIDE_CHOICES[i] ?? 'no-such-slide');
const studentIdArb = fc.oneof(
  { weight: 5, arbitrary: studentArb.map((i) => STUDENT_IDS[i] ?? 's0') },
  { weight: 1, arbitrary: fc.constant('ghost') },
);

const teacherCommandArb: fc.Arbitrary<TeacherCommand> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: 0, max: SLIDE_IDS.length })
      .map((slideIndex): TeacherCommand => ({ type: 'goToSlide', slideIndex })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<Pacing>('instructor', 'student')
      .map((pacing): TeacherCommand => ({ type: 'setPacing', pacing })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<LatePolicy>('allow', 'deny', 'next-slide')
      .map((latePolicy): TeacherCommand => ({ type: 'setLatePolicy', latePolicy })),
  },
  {
    weight: 3,
    arbitrary: slideIdArb.map((slideId): TeacherCommand => ({ type: 'lockSlide', slideId })),
  },
  {
    weight: 3,
    arbitrary: slideIdArb.map((slideId): TeacherCommand => ({ type: 'unlockSlide', slideId })),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(slideIdArb, fc.constantFrom(1_000, 2_000, 5_000, 30_000))
      .map(([slideId, durationMs]): TeacherCommand => ({
        type: 'startTimer',
        slideId,
        durationMs,
      })),
  },
  {
    weight: 2,
    arbitrary: slideIdArb.map((slideId): TeacherCommand => ({ type: 'cancelTimer', slideId })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(slideIdArb, fc.constantFrom('hidden', 'anonymous', 'named' as const))
      .map(([slideId, mode]): TeacherCommand => ({ type: 'setReveal', slideId, mode })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(slideIdArb, fc.boolean())
      .map(([slideId, revealed]): TeacherCommand => ({ type: 'revealCorrect', slideId, revealed })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(slideIdArb, studentIdArb, fc.boolean())
      .map(([slideId, studentId, hidden]): TeacherCommand => ({
        type: 'hideResponse',
        slideId,
        studentId,
        hidden,
      })),
  },
  {
    weight: 1,
    arbitrary: studentIdArb.map((studentId): TeacherCommand => ({
      type: 'removeStudent',
      studentId,
    })),
  },
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.integer({ min: 0, max: 8_000 }).map((ms): Op => ({ op: 'advance', ms })),
  },
  { weight: 3, arbitrary: fc.constant<Op>({ op: 'toDeadline' }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: STUDENT_IDS.length - 1 }),
        fc.constantFrom('Sam', 'sam', '  Ana   Lee ', 'Bo', '', 'x\u0007'),
      )
      .map(([student, name]): Op => ({ op: 'join', student, name })),
  },
  {
    weight: 34,
    arbitrary: fc
      .record({
        student: studentArb,
        slide: fc.oneof(
          { weight: 3, arbitrary: fc.constant(CURRENT_SLIDE) },
          { weight: 2, arbitrary: slideArb },
        ),
        answer: fc.constantFrom<AnswerVariant>(
          'valid',
          'valid',
          'other',
          'other',
          'invalid',
          'wrong-kind',
        ),
        reuse: fc.oneof(
          { weight: 4, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.nat() },
        ),
      })
      .map((r): Op => ({ op: 'submit', ...r })),
  },
  { weight: 8, arbitrary: fc.nat().map((pick): Op => ({ op: 'resend', pick })) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(studentArb, fc.integer({ min: 0, max: SLIDE_IDS.length }))
      .map(([student, index]): Op => ({ op: 'navigate', student, index })),
  },
  {
    weight: 27,
    arbitrary: fc
      .record({
        command: teacherCommandArb,
        as: fc.constantFrom<As>(
          'teacher',
          'teacher',
          'teacher',
          'teacher',
          'teacher',
          'teacher',
          'student',
          'system',
          'other-teacher',
        ),
        onCurrent: fc.boolean(),
      })
      .map((r): Op => ({ op: 'teacher', ...r })),
  },
  {
    weight: 9,
    arbitrary: fc
      .record({
        slide: fc.oneof(
          { weight: 3, arbitrary: fc.constant(TIMED_SLIDE) },
          { weight: 1, arbitrary: slideArb },
        ),
        jump: fc.boolean(),
      })
      .map((r): Op => ({ op: 'expire', ...r })),
  },
  // Rare, so most sessions live long enough to be interesting.
  {
    weight: 1,
    arbitrary: fc.constant<Op>({
      op: 'teacher',
      command: { type: 'endSession' },
      as: 'teacher',
      onCurrent: false,
    }),
  },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  pacing: fc.constantFrom<Pacing>('instructor', 'student'),
  latePolicy: fc.constantFrom<LatePolicy>('allow', 'deny', 'next-slide'),
  roster: fc.integer({ min: 2, max: STUDENT_IDS.length }),
  startSlide: fc.integer({ min: 0, max: SLIDE_IDS.length - 1 }),
  ops: fc.array(opArb, { minLength: 1, maxLength: 60, size: 'max' }),
});

// ---------------------------------------------------------------------------------------------
// Running a scenario

type Invariant =
  | 'answers-only-when-answerable'
  | 'responses-only-on-visible-slides'
  | 'response-counts'
  | 'refusals-change-nothing'
  | 'seq'
  | 'replay'
  | 'unique-answer-ids';

interface Step {
  env: Envelope;
  now: number;
  before: SessionState;
  result: ApplyResult;
  after: SessionState;
}

function actorFor(as: As): Actor {
  switch (as) {
    case 'teacher':
      return teacherActor(TEACHER_ID);
    case 'other-teacher':
      return teacherActor(OTHER_TEACHER_ID);
    case 'student':
      return studentActor('s0');
    case 'system':
      return systemActor;
  }
}

/** The slide id an op's `slide` field stands for in the current state. */
function slideFor(slide: number, state: SessionState, studentId?: string): string {
  if (slide === TIMED_SLIDE) {
    const timed = SLIDE_IDS.find((id) => (state.slides[id]?.deadline ?? null) !== null);
    if (timed) return timed;
  }
  let index = slide;
  if (slide < 0) {
    const student = studentId === undefined ? undefined : state.students[studentId];
    index =
      state.settings.pacing === 'student' && student ? student.position : state.currentSlideIndex;
  }
  return SLIDE_CHOICES[index] ?? 'no-such-slide';
}

/** Earliest deadline that has not passed yet, if any. */
function nextDeadline(state: SessionState, now: number): number | null {
  let next: number | null = null;
  for (const runtime of Object.values(state.slides)) {
    if (
      runtime.deadline !== null &&
      runtime.deadline >= now &&
      (next === null || runtime.deadline < next)
    )
      next = runtime.deadline;
  }
  return next;
}

interface RunContext {
  state: SessionState;
  now: number;
  usedAnswerIds: string[];
  submits: Envelope[];
  nextAnswerId: () => string;
}

/** Turns an op into an envelope for the current state (moving the clock if the op says so). */
function toEnvelope(op: Op, ctx: RunContext): Envelope | null {
  const { state } = ctx;
  switch (op.op) {
    case 'advance':
      ctx.now += op.ms;
      return null;
    case 'toDeadline':
      ctx.now = nextDeadline(state, ctx.now) ?? ctx.now;
      return null;
    case 'join':
      return {
        actor: studentActor(STUDENT_IDS[op.student] ?? 's0'),
        command: { type: 'join', name: op.name },
      };
    case 'submit': {
      const studentId = STUDENT_IDS[op.student] ?? 's0';
      const slideId = slideFor(op.slide, state, studentId);
      const reused =
        op.reuse === null
          ? undefined
          : ctx.usedAnswerIds[op.reuse % Math.max(1, ctx.usedAnswerIds.length)];
      return {
        actor: studentActor(studentId),
        command: {
          type: 'submitAnswer',
          slideId,
          answerId: reused ?? ctx.nextAnswerId(),
          answer: answerFor(slideId, op.answer),
          clientCreatedAt: ctx.now - 50,
        },
      };
    }
    case 'resend': {
      const earlier = ctx.submits[op.pick % Math.max(1, ctx.submits.length)];
      return earlier ? structuredClone(earlier) : null;
    }
    case 'navigate':
      return {
        actor: studentActor(STUDENT_IDS[op.student] ?? 's0'),
        command: { type: 'navigate', slideIndex: op.index },
      };
    case 'teacher': {
      const command = structuredClone(op.command);
      if (op.onCurrent && 'slideId' in command) command.slideId = slideFor(CURRENT_SLIDE, state);
      return { actor: actorFor(op.as), command };
    }
    case 'expire': {
      const slideId = slideFor(op.slide, state);
      const deadline = state.slides[slideId]?.deadline ?? null;
      if (op.jump && deadline !== null && deadline > ctx.now) ctx.now = deadline;
      return { actor: systemActor, command: { type: 'expireTimer', slideId } };
    }
  }
}

/** Responses as an independent model sees them: key "slide|student" → hidden. */
type ResponseModel = Map<string, boolean>;
const modelKey = (slideId: string, studentId: string): string => `${slideId}|${studentId}`;

function updateModel(model: ResponseModel, step: Step): void {
  const { env, result } = step;
  if (!result.ok) return;
  const command = env.command;
  if (command.type === 'submitAnswer' && !result.duplicate && env.actor.role === 'student') {
    const key = modelKey(command.slideId, env.actor.studentId);
    model.set(key, model.get(key) ?? false);
  } else if (command.type === 'hideResponse' && result.events.length > 0) {
    model.set(modelKey(command.slideId, command.studentId), command.hidden);
  } else if (command.type === 'removeStudent' && result.events.length > 0) {
    for (const key of [...model.keys()])
      if (key.endsWith(`|${command.studentId}`)) model.delete(key);
  }
}

function label(step: Step): string {
  return `${step.env.actor.role} ${JSON.stringify(step.env.command)} at T0+${step.now - T0} → ${describeResult(step.result)}`;
}

function checkStep(invariant: Invariant, step: Step, model: ResponseModel): void {
  const { env, now, before, result, after } = step;
  switch (invariant) {
    case 'answers-only-when-answerable': {
      if (!result.ok) return;
      for (const event of result.events) {
        if (event.type !== 'answerSubmitted') continue;
        assert.equal(env.command.type, 'submitAnswer', `answerSubmitted from ${label(step)}`);
        assert.deepEqual(
          env.actor,
          studentActor(event.studentId),
          `a student answered for someone else: ${label(step)}`,
        );
        const student = before.students[event.studentId];
        const located = findSlide(before, event.slideId);
        assert.ok(
          student && !student.removed,
          `answer from an absent or removed student: ${label(step)}`,
        );
        assert.ok(located, `answer on an unknown slide: ${label(step)}`);
        assert.equal(
          answerRefusal(before, student, located, now),
          null,
          `answer accepted although refused by the rules: ${label(step)}`,
        );
        // The same conditions spelled out, so a mistake in answerRefusal itself shows too.
        assert.equal(before.status, 'live', label(step));
        assert.ok(located.slide.question, label(step));
        assert.equal(
          isSlideLocked(located.runtime, now),
          false,
          `answer on a locked slide: ${label(step)}`,
        );
        assert.ok(!located.runtime.locked, label(step));
        assert.ok(
          located.runtime.deadline === null || now < located.runtime.deadline,
          `answer at/after the deadline: ${label(step)}`,
        );
        assert.ok(
          isSlideVisible(before, located.runtime),
          `answer on a slide the student cannot see: ${label(step)}`,
        );
        assert.ok(
          located.index >= student.firstAnswerableIndex,
          `answer before firstAnswerableIndex: ${label(step)}`,
        );
      }
      return;
    }
    case 'responses-only-on-visible-slides': {
      for (const [slideId, bySlide] of Object.entries(after.responses)) {
        for (const studentId of Object.keys(bySlide)) {
          const located = findSlide(after, slideId);
          const student = after.students[studentId];
          const where = `response of ${studentId} on ${slideId} after ${label(step)}`;
          assert.ok(located, `${where}: unknown slide`);
          assert.ok(located.slide.question, `${where}: slide without question`);
          assert.ok(student && !student.removed, `${where}: student absent or removed`);
          assert.ok(isSlideVisible(after, located.runtime), `${where}: the slide is not visible`);
          assert.ok(
            located.index >= student.firstAnswerableIndex,
            `${where}: before firstAnswerableIndex`,
          );
        }
      }
      return;
    }
    case 'response-counts': {
      const counts = responseCounts(after);
      const stored = Object.values(after.responses).reduce(
        (n, bySlide) => n + Object.keys(bySlide).length,
        0,
      );
      const counted = Object.values(counts).reduce((n, c) => n + c, 0);
      assert.equal(counted, stored, `responseCounts misses stored responses after ${label(step)}`);
      assert.equal(
        counted,
        model.size,
        `responseCounts disagrees with the model after ${label(step)}`,
      );
      for (const slideId of SLIDE_IDS) {
        const modelKeys = [...model.keys()].filter((k) => k.startsWith(`${slideId}|`));
        const visibleInModel = modelKeys.filter((k) => model.get(k) === false).length;
        assert.equal(
          counts[slideId],
          Object.keys(after.responses[slideId] ?? {}).length,
          `${slideId} after ${label(step)}`,
        );
        assert.equal(
          counts[slideId],
          modelKeys.length,
          `${slideId} count vs model after ${label(step)}`,
        );
        const nonHidden = Object.values(after.responses[slideId] ?? {}).filter(
          (r) => !r.hidden,
        ).length;
        for (const withNames of [false, true]) {
          const results = slideResults(after, slideId, withNames);
          assert.equal(results.responseCount, nonHidden, `${slideId} results after ${label(step)}`);
          assert.equal(
            results.responseCount,
            visibleInModel,
            `${slideId} results vs model after ${label(step)}`,
          );
          assert.equal(results.entries.length, nonHidden);
        }
      }
      return;
    }
    case 'refusals-change-nothing': {
      if (!result.ok)
        assert.deepEqual(after, before, `refused command changed the state: ${label(step)}`);
      else if (result.events.length === 0)
        assert.deepEqual(after, before, `no-op changed the state: ${label(step)}`);
      else assert.equal(result.duplicate, false, `a duplicate with events: ${label(step)}`);
      return;
    }
    case 'seq': {
      const expected = result.ok && result.events.length > 0 ? before.seq + 1 : before.seq;
      assert.equal(after.seq, expected, `seq after ${label(step)}`);
      return;
    }
    case 'unique-answer-ids': {
      const owner = new Map<string, string>();
      for (const [slideId, bySlide] of Object.entries(after.responses)) {
        for (const [studentId, response] of Object.entries(bySlide)) {
          const here = `${slideId}/${studentId}`;
          assert.ok(
            response.answerIds.includes(response.answerId),
            `${here}: current answerId not in its history`,
          );
          // answerIds are scoped to their student (the server takes the student from the
          // token), so uniqueness is per student: one id never names two of their responses.
          for (const answerId of response.answerIds) {
            const key = `${studentId}/${answerId}`;
            const seen = owner.get(key);
            assert.equal(
              seen,
              undefined,
              `answerId ${answerId} is in ${seen} and ${here} after ${label(step)}`,
            );
            owner.set(key, here);
          }
        }
      }
      return;
    }
    case 'replay':
      return; // checked once at the end of the scenario
  }
}

function runScenario(scenario: Scenario, invariant: Invariant): void {
  const created = apply(
    null,
    createCmd({ pacing: scenario.pacing, latePolicy: scenario.latePolicy }),
    T0,
  );
  assert.ok(created.ok, 'the fixture session must be created');
  let counter = 0;
  const ctx: RunContext = {
    state: created.state,
    now: T0,
    usedAnswerIds: [],
    submits: [],
    nextAnswerId: () => `answer-${String(++counter).padStart(6, '0')}`,
  };
  const { state } = ctx;
  const batches: EngineEvent[][] = [created.events];
  const model: ResponseModel = new Map();

  for (let i = 0; i < scenario.roster; i++) {
    const env: Envelope = {
      actor: studentActor(STUDENT_IDS[i] ?? 's0'),
      command: { type: 'join', name: `Student ${i}` },
    };
    const joined = apply(state, env, ctx.now);
    assert.ok(joined.ok, 'the roster must join');
    batches.push(joined.events);
  }
  if (scenario.startSlide > 0) {
    const moved = apply(
      state,
      {
        actor: teacherActor(TEACHER_ID),
        command: { type: 'goToSlide', slideIndex: scenario.startSlide },
      },
      ctx.now,
    );
    assert.ok(moved.ok, 'the teacher must be able to show the start slide');
    batches.push(moved.events);
    if (scenario.pacing === 'student') {
      for (let i = 0; i < scenario.roster; i++) {
        const env: Envelope = {
          actor: studentActor(STUDENT_IDS[i] ?? 's0'),
          command: { type: 'navigate', slideIndex: scenario.startSlide },
        };
        const navigated = apply(state, env, ctx.now);
        assert.ok(navigated.ok, 'the roster must be able to navigate');
        batches.push(navigated.events);
      }
    }
  }

  for (const op of scenario.ops) {
    const env = toEnvelope(op, ctx);
    if (!env) continue;
    if (env.command.type === 'submitAnswer') {
      ctx.usedAnswerIds.push(env.command.answerId);
      ctx.submits.push(structuredClone(env));
    }
    const now = ctx.now;
    const before = structuredClone(state);
    const result = apply(state, env, now);
    if (result.ok) {
      assert.equal(result.state, state, 'apply changes the given state in place');
      if (result.events.length > 0) batches.push(result.events);
    }
    const step: Step = { env, now, before, result, after: state };
    updateModel(model, step);
    checkStep(invariant, step, model);
  }

  if (invariant === 'replay') {
    let replayed: SessionState | null = null;
    for (const events of batches) replayed = evolveAll(replayed, structuredClone(events));
    assert.deepEqual(replayed, state, 'replaying the accepted events does not reproduce the state');
  }
}

function property(invariant: Invariant): void {
  fc.assert(
    fc.property(scenarioArb, (scenario) => {
      runScenario(scenario, invariant);
    }),
    { numRuns: NUM_RUNS },
  );
}

// ---------------------------------------------------------------------------------------------

describe('engine invariants under random sessions', () => {
  it('(1) an answer is accepted only on an unlocked slide, before its deadline, that the student may answer', () => {
    property('answers-only-when-answerable');
  });

  it('(2) no response is stored for a slide its student cannot see', () => {
    property('responses-only-on-visible-slides');
  });

  it('(3) responseCounts match the stored responses and results count the non-hidden ones', () => {
    property('response-counts');
  });

  it('(4) a refused command (or a no-op) leaves the state deep-equal to before', () => {
    property('refusals-change-nothing');
  });

  it('(5) seq grows by exactly one per command that produced events', () => {
    property('seq');
  });

  it('(6) replaying the accepted events from nothing reproduces the state', () => {
    property('replay');
  });

  it("(7) every answerId belongs to at most one of its student's responses", () => {
    property('unique-answer-ids');
  });
});
