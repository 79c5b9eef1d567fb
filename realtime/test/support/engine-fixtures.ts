/**
 * Shared fixtures for the engine tests: a deck with one slide of every question kind, envelope
 * builders for the three kinds of actor, and small helpers that apply a command and insist on the
 * outcome (so a test fails at the line that went wrong, with the engine's error in the message).
 */
import assert from 'node:assert/strict';
import {
  deckSchema,
  type Answer,
  type Deck,
  type ErrorCode,
  type LatePolicy,
  type Pacing,
  type QuestionKind,
  type SessionSettings,
  type SessionState,
  type TeacherCommand,
} from '../../src/protocol/index.ts';
import {
  apply,
  type Actor,
  type Applied,
  type ApplyResult,
  type EngineEvent,
  type EngineCommand,
  type Envelope,
  type StudentCommand,
} from '../../src/engine/index.ts';

export const TEACHER_ID = 'teacher-1';
export const OTHER_TEACHER_ID = 'teacher-2';
export const SESSION_ID = 'session-1';
export const JOIN_CODE = 'ABC234';
export const T0 = 1_700_000_000_000;

/**
 * Slide ids by index. Slide 0 is content only; slides 1..8 carry one question each.
 *  0 intro (no question) · 1 mc (single, correct b) · 2 mcm (multiple, correct a,c) · 3 text (max 20)
 *  4 num (0..100) · 5 cloud (max 2 words) · 6 scale (5 steps) · 7 draw · 8 pin
 */
export const SLIDE = {
  intro: 'intro',
  mc: 'mc',
  mcm: 'mcm',
  text: 'text',
  num: 'num',
  cloud: 'cloud',
  scale: 'scale',
  draw: 'draw',
  pin: 'pin',
} as const;

export const deck: Deck = deckSchema.parse({
  title: 'Every kind of question',
  slides: [
    { id: SLIDE.intro, title: 'Welcome', body: 'Content only.' },
    {
      id: SLIDE.mc,
      title: 'Single choice',
      question: {
        kind: 'multiple-choice',
        prompt: 'Pick one',
        options: [
          { id: 'a', label: 'Alpha' },
          { id: 'b', label: 'Beta' },
          { id: 'c', label: 'Gamma' },
        ],
        allowMultiple: false,
        correctOptionIds: ['b'],
      },
    },
    {
      id: SLIDE.mcm,
      title: 'Multiple choice',
      question: {
        kind: 'multiple-choice',
        prompt: 'Pick some',
        options: [
          { id: 'a', label: 'Alpha' },
          { id: 'b', label: 'Beta' },
          { id: 'c', label: 'Gamma' },
          { id: 'd', label: 'Delta' },
        ],
        allowMultiple: true,
        correctOptionIds: ['a', 'c'],
      },
    },
    { id: SLIDE.text, question: { kind: 'short-text', prompt: 'Say it', maxLength: 20 } },
    { id: SLIDE.num, question: { kind: 'number', prompt: 'How many?', min: 0, max: 100 } },
    { id: SLIDE.cloud, question: { kind: 'word-cloud', prompt: 'Words', maxWords: 2 } },
    {
      id: SLIDE.scale,
      question: { kind: 'scale', prompt: 'Rate', steps: 5, minLabel: 'Low', maxLabel: 'High' },
    },
    { id: SLIDE.draw, question: { kind: 'drawing', prompt: 'Draw' } },
    {
      id: SLIDE.pin,
      question: {
        kind: 'pin-on-image',
        prompt: 'Where?',
        imageUrl: '/img/map.png',
        imageAlt: 'A map',
      },
    },
  ],
});

export const SLIDE_IDS: readonly string[] = deck.slides.map((s) => s.id);
export const QUESTION_SLIDE_IDS: readonly string[] = deck.slides
  .filter((s) => s.question)
  .map((s) => s.id);

export function slideIndex(slideId: string): number {
  const index = SLIDE_IDS.indexOf(slideId);
  assert.notEqual(index, -1, `unknown fixture slide ${slideId}`);
  return index;
}

/** One valid answer per slide with a question. */
export const VALID_ANSWERS: Record<string, Answer> = {
  [SLIDE.mc]: { kind: 'multiple-choice', optionIds: ['a'] },
  [SLIDE.mcm]: { kind: 'multiple-choice', optionIds: ['a', 'c'] },
  [SLIDE.text]: { kind: 'short-text', text: 'Hello' },
  [SLIDE.num]: { kind: 'number', value: 42 },
  [SLIDE.cloud]: { kind: 'word-cloud', words: ['sun', 'sea'] },
  [SLIDE.scale]: { kind: 'scale', value: 3 },
  [SLIDE.draw]: {
    kind: 'drawing',
    strokes: [{ color: '#112233', width: 2, points: [0, 0, 0.5, 0.5, 1, 1] }],
  },
  [SLIDE.pin]: { kind: 'pin-on-image', x: 0.25, y: 0.75 },
};

/** A second valid answer per slide, different from the first (for edits). */
export const OTHER_ANSWERS: Record<string, Answer> = {
  [SLIDE.mc]: { kind: 'multiple-choice', optionIds: ['b'] },
  [SLIDE.mcm]: { kind: 'multiple-choice', optionIds: ['d'] },
  [SLIDE.text]: { kind: 'short-text', text: 'Goodbye' },
  [SLIDE.num]: { kind: 'number', value: 7 },
  [SLIDE.cloud]: { kind: 'word-cloud', words: ['moon'] },
  [SLIDE.scale]: { kind: 'scale', value: 5 },
  [SLIDE.draw]: {
    kind: 'drawing',
    strokes: [{ color: '#abcdef', width: 4, points: [1, 0, 0, 1] }],
  },
  [SLIDE.pin]: { kind: 'pin-on-image', x: 0, y: 1 },
};

export function validAnswer(slideId: string): Answer {
  const answer = VALID_ANSWERS[slideId];
  assert.ok(answer, `no valid answer for slide ${slideId}`);
  return structuredClone(answer);
}

export function otherAnswer(slideId: string): Answer {
  const answer = OTHER_ANSWERS[slideId];
  assert.ok(answer, `no other answer for slide ${slideId}`);
  return structuredClone(answer);
}

export function questionKind(slideId: string): QuestionKind | undefined {
  return deck.slides.find((s) => s.id === slideId)?.question?.kind;
}

// ---------------------------------------------------------------------------------------------
// Actors and envelopes

export const teacherActor = (teacherId: string = TEACHER_ID): Actor => ({
  role: 'teacher',
  teacherId,
});
export const studentActor = (studentId: string): Actor => ({ role: 'student', studentId });
export const systemActor: Actor = { role: 'system' };

export function envelope(actor: Actor, command: EngineCommand): Envelope {
  return { actor, command };
}

export function asTeacher(command: TeacherCommand, teacherId: string = TEACHER_ID): Envelope {
  return { actor: teacherActor(teacherId), command };
}

export function asStudent(studentId: string, command: StudentCommand): Envelope {
  return { actor: studentActor(studentId), command };
}

export function joinCmd(studentId: string, name: string): Envelope {
  return asStudent(studentId, { type: 'join', name });
}

export function submitCmd(
  studentId: string,
  slideId: string,
  answerId: string,
  answer: Answer = validAnswer(slideId),
  clientCreatedAt?: number,
): Envelope {
  return asStudent(studentId, { type: 'submitAnswer', slideId, answerId, answer, clientCreatedAt });
}

export function navigateCmd(studentId: string, slideIndex: number): Envelope {
  return asStudent(studentId, { type: 'navigate', slideIndex });
}

export function expireCmd(slideId: string): Envelope {
  return { actor: systemActor, command: { type: 'expireTimer', slideId } };
}

export function createCmd(
  settings: Partial<SessionSettings> = {},
  overrides: { deck?: unknown; sessionId?: string; joinCode?: string; actor?: Actor } = {},
): Envelope {
  return {
    actor: overrides.actor ?? teacherActor(),
    command: {
      type: 'createSession',
      sessionId: overrides.sessionId ?? SESSION_ID,
      joinCode: overrides.joinCode ?? JOIN_CODE,
      // Tests hand the engine malformed decks on purpose; the engine validates them itself.
      deck: (overrides.deck ?? structuredClone(deck)) as Deck,
      settings: {
        ...settings,
        pacing: settings.pacing ?? 'instructor',
        latePolicy: settings.latePolicy ?? 'allow',
      },
    },
  };
}

/** Answer ids must have at least 8 characters; these are unique per test run. */
let answerCounter = 0;
export function newAnswerId(): string {
  answerCounter += 1;
  return `answer-${String(answerCounter).padStart(6, '0')}`;
}

/** Every teacher command once, with arguments that are valid for the fixture deck. */
export function sampleTeacherCommands(studentId = 's1'): TeacherCommand[] {
  return [
    { type: 'goToSlide', slideIndex: 1 },
    { type: 'setPacing', pacing: 'student' },
    { type: 'setLatePolicy', latePolicy: 'deny' },
    { type: 'lockSlide', slideId: SLIDE.mc },
    { type: 'unlockSlide', slideId: SLIDE.mc },
    { type: 'startTimer', slideId: SLIDE.mc, durationMs: 30_000 },
    { type: 'cancelTimer', slideId: SLIDE.mc },
    { type: 'setReveal', slideId: SLIDE.mc, mode: 'named' },
    { type: 'revealCorrect', slideId: SLIDE.mc, revealed: true },
    { type: 'hideResponse', slideId: SLIDE.mc, studentId, hidden: true },
    { type: 'setExtendedTime', studentId, extendedTime: 2 },
    { type: 'removeStudent', studentId },
    { type: 'setStudentTransport', transport: 'socket' },
    { type: 'setDarkLaunchShare', share: 0.5 },
    { type: 'setCoTeachers', teacherIds: ['co-teacher-1'] },
    { type: 'setQuiz', quiz: { speedBonus: true, leaderboard: true } },
    { type: 'showLeaderboard', shown: true },
    { type: 'setDueAt', dueAt: T0 + 86_400_000 },
    { type: 'endSession' },
  ];
}

// ---------------------------------------------------------------------------------------------
// Applying with expectations

/**
 * A result's events without the audit trail's `teacherActed`: what a rule changed. Each rule's
 * test compares these; engine-co-teaching.test.ts checks the audit entries themselves.
 */
export function ruleEvents(result: { events: EngineEvent[] }): EngineEvent[] {
  return result.events.filter((e) => e.type !== 'teacherActed');
}

export function describeResult(result: ApplyResult): string {
  return result.ok
    ? `ok (${result.events.map((e) => e.type).join(', ') || 'no events'})`
    : `${result.code}: ${result.message}`;
}

/** Applies and insists on acceptance; returns the result. */
export function accept(state: SessionState | null, env: Envelope, now: number): Applied {
  const result = apply(state, env, now);
  if (!result.ok)
    assert.fail(`expected ${env.command.type} to be accepted, got ${describeResult(result)}`);
  return result;
}

/** Applies, insists on acceptance with at least one event, and returns the (same) state. */
export function run(state: SessionState, env: Envelope, now: number): SessionState {
  const result = accept(state, env, now);
  assert.ok(result.events.length > 0, `expected ${env.command.type} to produce events`);
  return result.state;
}

/** Applies and insists on acceptance without events (a no-op); the state must not change. */
export function noop(state: SessionState, env: Envelope, now: number): Applied {
  const before = structuredClone(state);
  const result = accept(state, env, now);
  assert.deepEqual(result.events, [], `expected ${env.command.type} to be a no-op`);
  assert.deepEqual(state, before, 'a no-op must not change the state');
  return result;
}

/** Applies, insists on the refusal code, and checks that the state did not change. */
export function refused(
  state: SessionState | null,
  env: Envelope,
  now: number,
  code: ErrorCode,
): void {
  const before = structuredClone(state);
  const result = apply(state, env, now);
  assert.equal(
    result.ok,
    false,
    `expected ${env.command.type} to be refused with ${code}, got ${describeResult(result)}`,
  );
  if (!result.ok) {
    assert.equal(result.code, code, `expected ${code}, got ${result.code}: ${result.message}`);
    assert.equal(typeof result.message, 'string');
    assert.equal(typeof result.retryable, 'boolean');
  }
  assert.deepEqual(state, before, 'a refused command must leave the state unchanged');
}

/** A new live session at T0. */
export function newSession(
  settings: { pacing?: Pacing; latePolicy?: LatePolicy } = {},
): SessionState {
  return accept(null, createCmd(settings), T0).state;
}

/** A new session with students joined (ids s1, s2, …; names Student 1, Student 2, …). */
export function sessionWithStudents(
  count: number,
  settings: { pacing?: Pacing; latePolicy?: LatePolicy } = {},
): SessionState {
  const state = newSession(settings);
  for (let i = 1; i <= count; i++) run(state, joinCmd(`s${i}`, `Student ${i}`), T0 + i);
  return state;
}

/** Opens a slide for everyone by moving the teacher there (instructor pacing). */
export function openSlide(state: SessionState, slideId: string, now: number): SessionState {
  const index = slideIndex(slideId);
  if (state.currentSlideIndex !== index)
    run(state, asTeacher({ type: 'goToSlide', slideIndex: index }), now);
  return state;
}
