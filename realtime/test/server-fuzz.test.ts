/**
 * Fuzz: thousands of malformed, oversized and out-of-order messages. The server stays up, the
 * session state is unchanged, and each message gets the protocol's typed error — as its ack, or
 * as a `protocol:error` event when it came without one.
 *
 * The messages are generated deterministically: a systematic sweep (every field of every message
 * with every wrong type, every required field missing, every whole-payload garbage value) plus
 * fast-check cases with a fixed seed. Every generated message is one the server must refuse, and
 * each case names the error code it must get; cases whose base message would be accepted are
 * built so that the only thing wrong with them is the thing under test (size, role, session).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ERROR_CODES,
  LIMITS,
  QUESTION_KINDS,
  type DeckInput,
  type ErrorCode,
  type Presence,
  type QuestionKind,
  type SessionState,
} from '../src/protocol/index.ts';
import { KIND_SAMPLES } from '../src/testing/index.ts';
import {
  assertProtocolError,
  collect,
  connectTeacher,
  createSession,
  http,
  joinStudent,
  metricValue,
  preview,
  stablePresence,
  scrape,
  startServer,
  teacherSync,
  type ClientSocket,
  type Collector,
  type Harness,
  type StudentConnection,
  type TeacherConnection,
} from './support/server-harness.ts';

const SEED = 0x5eed_2024;
const RANDOM_CASES = 3_000;
const CHUNK = 200;
/** Comfortably below the 64 KiB message cap: cases meant to be "not too large" stay under it. */
const SMALL_MAX_BYTES = 60_000;
/** Comfortably below the 1 MiB transport cap, which would close the socket instead. */
const OVERSIZE_MAX_BYTES = 950_000;

/**
 * Slide 0 is open (Ada answered it), slide 1 was opened then locked, slides 2 and 4 were never
 * opened, slide 3 has no question.
 */
const DECK: DeckInput = {
  title: 'Fuzz deck',
  slides: [
    {
      id: 'q-open',
      title: 'Open',
      question: {
        kind: 'multiple-choice',
        prompt: 'Pick one',
        options: [
          { id: 'a', label: 'Alpha' },
          { id: 'b', label: 'Beta' },
          { id: 'c', label: 'Gamma' },
        ],
        correctOptionIds: ['b'],
      },
    },
    { id: 'q-locked', question: { kind: 'short-text', prompt: 'Say it', maxLength: 100 } },
    { id: 'q-closed', question: { kind: 'number', prompt: 'How many?', min: 0, max: 100 } },
    { id: 'content', title: 'Just content', body: 'No question here.' },
    { id: 'q-cloud', question: { kind: 'word-cloud', prompt: 'Words', maxWords: 3 } },
  ],
};
const SLIDE_IDS = ['q-open', 'q-locked', 'q-closed', 'content', 'q-cloud'] as const;
const PRE_ANSWER_ID = 'pre-answer-0001';

/** Schema-valid answers of every kind (they only differ in whether they fit a question). */
const SCHEMA_VALID_ANSWERS: Record<QuestionKind, Record<string, unknown>> = Object.fromEntries(
  QUESTION_KINDS.map((kind) => [kind, KIND_SAMPLES[kind].answer(0)]),
) as unknown as Record<QuestionKind, Record<string, unknown>>;

type SocketKey = 'teacherA' | 'studentA' | 'teacherB' | 'studentB';
const SOCKET_KEYS: readonly SocketKey[] = ['teacherA', 'studentA', 'teacherB', 'studentB'];

interface FuzzCase {
  label: string;
  from: SocketKey;
  /** Numbers are legal socket.io event names on the wire. */
  event: string | number;
  /** Everything before the ack callback; `[]` sends no payload at all. */
  args: unknown[];
  expect: ErrorCode;
  ack: boolean;
}
type CaseBody = Omit<FuzzCase, 'ack'>;

interface Ctx {
  sessionA: string;
  sessionB: string;
  ada: string;
  bob: string;
  cy: string;
}

interface Template {
  name: string;
  from: SocketKey;
  event: string;
  message: Record<string, unknown>;
  /** Dotted paths that may be absent (deleting them would leave a valid message). */
  optional: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Value helpers

type Path = Array<string | number>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push([...prefix, i], ...pathsOf(item, [...prefix, i])));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value))
      out.push([...prefix, key], ...pathsOf(item, [...prefix, key]));
  }
  return out;
}

/** `answer.placements.whale`, …: the entries of an answer's id-keyed records. */
function recordEntryPaths(answer: Record<string, unknown>): string[] {
  return ['placements', 'positions'].flatMap((field) =>
    isRecord(answer[field])
      ? Object.keys(answer[field]).map((key) => `answer.${field}.${key}`)
      : [],
  );
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

function parentOf(
  root: unknown,
  path: Path,
): { parent: Record<string | number, unknown>; key: string | number } {
  const key = path.at(-1);
  assert.ok(key !== undefined, 'a path has at least one element');
  return { parent: getAt(root, path.slice(0, -1)) as Record<string | number, unknown>, key };
}

/** A copy of `message` with the value at `path` replaced. */
function withValue(
  message: Record<string, unknown>,
  path: Path,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(message);
  const { parent, key } = parentOf(copy, path);
  parent[key] = value;
  return copy;
}

function withoutKey(message: Record<string, unknown>, path: Path): Record<string, unknown> {
  const copy = structuredClone(message);
  const { parent, key } = parentOf(copy, path);
  delete parent[key];
  return copy;
}

/** Adds own enumerable properties, including `__proto__`, which plain assignment cannot. */
function withExtras(
  message: Record<string, unknown>,
  extras: ReadonlyArray<readonly [string, unknown]>,
): Record<string, unknown> {
  for (const [key, value] of extras) {
    Object.defineProperty(message, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return message;
}

/** What the server will see after JSON: NaN/Infinity become null, -0 becomes 0. */
function wireValue(value: unknown): unknown {
  return (JSON.parse(JSON.stringify([value])) as unknown[])[0];
}

function wireType(value: unknown): string {
  if (value instanceof Uint8Array) return 'binary';
  const wire = wireValue(value);
  if (wire === null) return 'null';
  if (Array.isArray(wire)) return 'array';
  return typeof wire;
}

function nest(depth: number, kind: 'object' | 'array', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { n: value } : [value];
  return value;
}

/** Own `__proto__` / `constructor.prototype` keys, as JSON.parse (and socket.io's parser) creates them. */
function protoBomb(): Record<string, unknown> {
  return JSON.parse(
    '{"__proto__":{"polluted":"yes","kind":"multiple-choice","type":"endSession","sessionId":"x"},' +
      '"constructor":{"prototype":{"polluted":"yes"}}}',
  ) as Record<string, unknown>;
}

/** The whole valid message hidden under an own `__proto__` key. */
function protoWrapped(message: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(`{"__proto__":${JSON.stringify(message)}}`) as Record<string, unknown>;
}

/** UTF-8 bytes of the JSON form (binary parts counted as their JSON form, an overestimate). */
function jsonBytes(args: unknown[]): number {
  return Buffer.byteLength(JSON.stringify(args));
}

const isIntIn = (w: unknown, min: number, max: number): boolean =>
  typeof w === 'number' && Number.isSafeInteger(w) && w >= min && w <= max;

const ID_LIKE_KEYS = new Set([
  'sessionId',
  'slideId',
  'answerId',
  'studentId',
  'type',
  'kind',
  'pacing',
  'latePolicy',
  'mode',
  'color',
]);

/** Strings that are never a valid id, enum value, literal or colour. */
const BAD_STRINGS = [
  '',
  ' ',
  'x'.repeat(65),
  'x'.repeat(10_000),
  'a b',
  '../../etc/passwd',
  'a\u0000b',
  '🙂🙂🙂',
  '<script>alert(1)</script>',
  'q-open; DROP TABLE sessions',
  '__proto__.polluted',
] as const;

// ---------------------------------------------------------------------------------------------
// Templates: one schema-valid message per event and command type. Never sent as is.

function teacherCommandTemplates(ctx: Ctx): Array<Record<string, unknown>> {
  // Where possible the command itself would be refused by the engine, so a generator mistake
  // that produced a valid message could not change the state either.
  return [
    { type: 'goToSlide', slideIndex: 50 },
    { type: 'setPacing', pacing: 'student' },
    { type: 'setLatePolicy', latePolicy: 'deny' },
    { type: 'lockSlide', slideId: 'no-such-slide' },
    { type: 'unlockSlide', slideId: 'no-such-slide' },
    { type: 'startTimer', slideId: 'no-such-slide', durationMs: 5_000 },
    { type: 'cancelTimer', slideId: 'no-such-slide' },
    { type: 'setReveal', slideId: 'no-such-slide', mode: 'named' },
    { type: 'revealCorrect', slideId: 'no-such-slide', revealed: true },
    { type: 'hideResponse', slideId: 'no-such-slide', studentId: ctx.bob, hidden: true },
    { type: 'removeStudent', studentId: 'no-such-student' },
    { type: 'endSession' },
  ];
}

function templates(ctx: Ctx): Template[] {
  return [
    ...Object.entries(SCHEMA_VALID_ANSWERS).map(([kind, answer]): Template => ({
      name: `submit/${kind}`,
      from: 'studentA',
      event: 'student:submit',
      // The locked slide: even a valid answer would be refused there.
      message: {
        sessionId: ctx.sessionA,
        slideId: 'q-locked',
        answerId: 'fz-template-0001',
        answer,
        clientCreatedAt: 1_700_000_000_000,
      },
      // A record keyed by ids (placements, positions) may leave any entry out and still be
      // schema-valid: whether every item is placed is the question's call (not bad_request).
      optional: ['clientCreatedAt', ...recordEntryPaths(answer)],
    })),
    {
      name: 'navigate',
      from: 'studentA',
      event: 'student:navigate',
      message: { sessionId: ctx.sessionA, slideIndex: 1 },
      optional: [],
    },
    {
      name: 'ping/student',
      from: 'studentA',
      event: 'ping',
      message: { sentAt: 123 },
      optional: [],
    },
    {
      name: 'ping/teacher',
      from: 'teacherA',
      event: 'ping',
      message: { sentAt: 123 },
      optional: [],
    },
    ...teacherCommandTemplates(ctx).map((command): Template => ({
      name: `command/${String(command.type)}`,
      from: 'teacherA',
      event: 'teacher:command',
      message: { sessionId: ctx.sessionA, command },
      optional: [],
    })),
  ];
}

const ROLE_OF: Record<SocketKey, 'teacher' | 'student'> = {
  teacherA: 'teacher',
  teacherB: 'teacher',
  studentA: 'student',
  studentB: 'student',
};

/** A garbage payload on a known event: refused by role first, otherwise by the schema. */
function garbageExpectation(from: SocketKey, event: string): ErrorCode {
  const role = ROLE_OF[from];
  if (event === 'teacher:command' && role === 'student') return 'forbidden';
  if ((event === 'student:submit' || event === 'student:navigate') && role === 'teacher')
    return 'forbidden';
  return 'bad_request';
}

// ---------------------------------------------------------------------------------------------
// The systematic sweep

const FIXED_WRONG_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  'x',
  'x'.repeat(10_000),
  [],
  [1, 'a', null],
  {},
  { a: 1 },
  nest(500, 'object'),
  nest(500, 'array'),
  protoBomb(),
  Buffer.from([1, 2, 3]),
];

const WHOLE_PAYLOADS: ReadonlyArray<readonly [string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['0', 0],
  ['1', 1],
  ['-1', -1],
  ['1.5', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['true', true],
  ['false', false],
  ['empty string', ''],
  ['string', 'hello'],
  ['20k string', 'x'.repeat(20_000)],
  ['empty array', []],
  ['nested arrays', [[[]]]],
  ['empty object', {}],
  ['Buffer', Buffer.from('abc')],
  ['Uint8Array', new Uint8Array([1, 2, 3])],
  ['1500-deep object', nest(1_500, 'object')],
  ['1500-deep array', nest(1_500, 'array')],
  ['__proto__ bomb', protoBomb()],
  ['constructor.prototype', { constructor: { prototype: { polluted: 'yes' } } }],
];

function systematicCases(ctx: Ctx): CaseBody[] {
  const cases: CaseBody[] = [];
  for (const t of templates(ctx)) {
    for (const path of pathsOf(t.message)) {
      const where = `${t.name} ${path.join('.')}`;
      const original = getAt(t.message, path);
      for (const value of FIXED_WRONG_VALUES) {
        const sameType = wireType(value) === wireType(original);
        const wrong = sameType ? (Array.isArray(original) ? { wrapped: value } : [value]) : value;
        cases.push({
          label: `wrong type at ${where}: ${preview(value, 40)}`,
          from: t.from,
          event: t.event,
          args: [withValue(t.message, path, wrong)],
          expect: 'bad_request',
        });
      }
      const key = path.at(-1);
      if (typeof key === 'string' && !t.optional.includes(path.join('.'))) {
        cases.push({
          label: `missing ${where}`,
          from: t.from,
          event: t.event,
          args: [withoutKey(t.message, path)],
          expect: 'bad_request',
        });
      }
      const parentKey = path.at(-2);
      if (
        typeof original === 'string' &&
        ((typeof key === 'string' && ID_LIKE_KEYS.has(key)) || parentKey === 'optionIds')
      ) {
        for (const bad of BAD_STRINGS) {
          cases.push({
            label: `bad string at ${where}: ${preview(bad, 40)}`,
            from: t.from,
            event: t.event,
            args: [withValue(t.message, path, bad)],
            expect: 'bad_request',
          });
        }
      }
    }
    // The template as an array, and hidden under an own __proto__ key.
    cases.push({
      label: `${t.name} wrapped in an array`,
      from: t.from,
      event: t.event,
      args: [[t.message]],
      expect: 'bad_request',
    });
    cases.push({
      label: `${t.name} under __proto__`,
      from: t.from,
      event: t.event,
      args: [protoWrapped(t.message)],
      expect: 'bad_request',
    });
  }
  for (const event of ['teacher:command', 'student:submit', 'student:navigate', 'ping']) {
    for (const from of SOCKET_KEYS) {
      const expect = garbageExpectation(from, event);
      cases.push({ label: `no payload on ${event}`, from, event, args: [], expect });
      for (const [name, payload] of WHOLE_PAYLOADS) {
        cases.push({
          label: `whole payload ${name} on ${event}`,
          from,
          event,
          args: [payload],
          expect,
        });
      }
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries

const freshAnswerId = fc.stringMatching(/^[A-Za-z0-9_-]{6,40}$/).map((s) => `fz-${s}`);
const unknownId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).map((s) => `zz-${s}`);
const deckSlideId = fc.constantFrom(...SLIDE_IDS);
const word = fc.stringMatching(/^[a-z]{1,12}$/);
const unit = fc.double({ min: 0, max: 1, noNaN: true });

const validAnswer: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 })
    .map((optionIds) => ({ kind: 'multiple-choice', optionIds })),
  fc.stringMatching(/^[A-Za-z][A-Za-z .,!?]{0,60}$/).map((text) => ({ kind: 'short-text', text })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ kind: 'number', value })),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => ({ kind: 'word-cloud', words })),
  fc.integer({ min: 1, max: 10 }).map((value) => ({ kind: 'scale', value })),
  fc
    .array(
      fc.record({
        color: fc.stringMatching(/^#[0-9a-f]{6}$/),
        width: fc.double({ min: 0.5, max: 40, noNaN: true }),
        points: fc
          .array(unit, { minLength: 1, maxLength: 20 })
          .map((p) => (p.length % 2 === 0 ? p : [...p, 0])),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((strokes) => ({ kind: 'drawing', strokes })),
  fc.record({ x: unit, y: unit }).map(({ x, y }) => ({ kind: 'pin-on-image', x, y })),
  // The kinds with ids as keys or lists, each as its sample gives it for a few students.
  fc
    .tuple(fc.constantFrom(...QUESTION_KINDS), fc.nat(20))
    .map(([kind, i]) => KIND_SAMPLES[kind].answer(i) as Record<string, unknown>),
);

/** Answers that pass the schema but do not fit q-open (single choice a/b/c). */
const unfitForOpen: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  validAnswer.filter((a) => a.kind !== 'multiple-choice'),
  fc.constantFrom(
    { kind: 'multiple-choice', optionIds: ['a', 'b'] },
    { kind: 'multiple-choice', optionIds: ['a', 'a'] },
    { kind: 'multiple-choice', optionIds: ['z'] },
    { kind: 'multiple-choice', optionIds: ['a', 'b', 'c'] },
  ),
  unknownId.map((id) => ({ kind: 'multiple-choice', optionIds: [id] })),
);

function validTeacherCommand(studentIds: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const student = fc.oneof(fc.constantFrom(...studentIds), unknownId);
  return fc.oneof(
    fc
      .integer({ min: 0, max: LIMITS.slidesMax - 1 })
      .map((slideIndex) => ({ type: 'goToSlide', slideIndex })),
    fc.constantFrom('instructor', 'student').map((pacing) => ({ type: 'setPacing', pacing })),
    fc
      .constantFrom('allow', 'deny', 'next-slide')
      .map((latePolicy) => ({ type: 'setLatePolicy', latePolicy })),
    deckSlideId.map((slideId) => ({ type: 'lockSlide', slideId })),
    deckSlideId.map((slideId) => ({ type: 'unlockSlide', slideId })),
    fc
      .record({
        slideId: deckSlideId,
        durationMs: fc.integer({ min: LIMITS.timerMsMin, max: LIMITS.timerMsMax }),
      })
      .map((c) => ({ type: 'startTimer', ...c })),
    deckSlideId.map((slideId) => ({ type: 'cancelTimer', slideId })),
    fc
      .record({ slideId: deckSlideId, mode: fc.constantFrom('hidden', 'anonymous', 'named') })
      .map((c) => ({ type: 'setReveal', ...c })),
    fc
      .record({ slideId: deckSlideId, revealed: fc.boolean() })
      .map((c) => ({ type: 'revealCorrect', ...c })),
    fc
      .record({ slideId: deckSlideId, studentId: student, hidden: fc.boolean() })
      .map((c) => ({ type: 'hideResponse', ...c })),
    student.map((studentId) => ({ type: 'removeStudent', studentId })),
    fc.constant({ type: 'endSession' }),
  );
}

/** A string of about `min`..`max` bytes once JSON-encoded (escapes and UTF-8 included). */
const hugeString = (min: number, max: number) =>
  fc
    .record({
      n: fc.integer({ min, max }),
      c: fc.constantFrom('x', 'A', '0', ' ', '"', '\\', 'é', '€', '😀', '\u0000'),
    })
    .map(({ n, c }) =>
      c.repeat(Math.max(1, Math.floor(n / (Buffer.byteLength(JSON.stringify(c)) - 2)))),
    );
const deepValue = fc
  .record({ depth: fc.integer({ min: 2, max: 2_000 }), array: fc.boolean() })
  .map(({ depth, array }) => nest(depth, array ? 'array' : 'object'));
const protoValue = fc.constant(null).map(() => protoBomb());
const binary = fc.uint8Array({ maxLength: 256 }).map((a) => Buffer.from(a));

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 53 + 1,
    -1,
    1.5,
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
  hugeString(65, 8_000),
  deepValue,
  protoValue,
  binary,
);

const EXTRA_KEYS = [
  'pad',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'k'.repeat(300),
  '',
  '$where',
  'extra',
];
const extras: fc.Arbitrary<Array<readonly [string, unknown]>> = fc.array(
  fc.tuple(
    fc.constantFrom(...EXTRA_KEYS),
    fc.oneof(hugeString(1_000, 20_000), deepValue, protoValue, fc.jsonValue({ maxDepth: 3 })),
  ),
  { maxLength: 2 },
);

const KNOWN_EVENTS = new Set<unknown>([
  'teacher:command',
  'student:submit',
  'student:navigate',
  'session:sync',
  'ping',
]);
/** socket.io-client refuses to send these, and socket.io-parser refuses to receive them. */
const RESERVED_EVENTS = new Set<unknown>([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);
const eventName: fc.Arbitrary<string | number> = fc
  .oneof(
    fc.constantFrom(
      'error',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'teacher:Command',
      'TEACHER:COMMAND',
      'student:submit ',
      ' ping',
      'session:welcome',
      'protocol:error',
      'teacher:snapshot',
      'teacher:delta',
      'student:session',
      'student:self',
      'session:closed',
      'session:sync:',
      'teacher:command\u0000',
      'ping\n',
      '',
      'e'.repeat(5_000),
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.integer(),
  )
  .filter((name) => !KNOWN_EVENTS.has(name) && !RESERVED_EVENTS.has(name));

/** Values for numeric fields: NaN/Infinity (null on the wire), fractions, negatives, huge, numeric strings. */
const numberish: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0.5,
    1e21,
    2 ** 31,
    -(2 ** 31),
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    Number.EPSILON,
    1e308,
    -1e308,
    99,
    100,
    999,
    1_000,
    3_600_000,
    3_600_001,
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '0x10',
    '1',
    '',
  ),
  fc.double(),
  fc.integer(),
  fc.integer({ min: -10, max: 200 }),
);

function randomCaseArbitrary(ctx: Ctx): fc.Arbitrary<CaseBody> {
  const ts = templates(ctx);
  const template = fc.nat().map((i) => ts[i % ts.length] as Template);
  const submitA = (slideId: string, answerId: string, answer: unknown) => ({
    sessionId: ctx.sessionA,
    slideId,
    answerId,
    answer,
  });

  const mutate = fc
    .record({ t: template, p: fc.nat(), value: wrongValue, extras })
    .map(({ t, p, value, extras: ex }): CaseBody => {
      const paths = pathsOf(t.message);
      const path = paths[p % paths.length] as Path;
      const original = getAt(t.message, path);
      const wrong =
        wireType(value) === wireType(original)
          ? Array.isArray(original)
            ? { wrapped: value }
            : [value]
          : value;
      return {
        label: `random wrong type at ${t.name} ${path.join('.')}: ${preview(value, 40)} + ${ex.length} extras`,
        from: t.from,
        event: t.event,
        args: [withExtras(withValue(t.message, path, wrong), ex)],
        expect: 'bad_request',
      };
    });

  const missing = fc
    .record({ t: template, p: fc.nat(), extras })
    .map(({ t, p, extras: ex }): CaseBody => {
      const keys = pathsOf(t.message).filter(
        (path) => typeof path.at(-1) === 'string' && !t.optional.includes(path.join('.')),
      );
      const path = keys[p % keys.length] as Path;
      return {
        label: `random missing ${t.name} ${path.join('.')}`,
        from: t.from,
        event: t.event,
        args: [withExtras(withoutKey(t.message, path), ex)],
        expect: 'bad_request',
      };
    });

  const badString = fc
    .record({
      t: template,
      p: fc.nat(),
      bad: fc.oneof(
        fc.constantFrom(...BAD_STRINGS),
        fc.string({ minLength: 65, maxLength: 2_000 }),
        fc
          .string({ maxLength: 30 })
          .filter((s) => !/^[A-Za-z0-9_-]+$/.test(s) && !/^#[0-9a-fA-F]{6}$/.test(s)),
      ),
    })
    .filter(({ t }) => t.event !== 'ping')
    .map(({ t, p, bad }): CaseBody => {
      const candidates = pathsOf(t.message).filter((path) => {
        const key = path.at(-1);
        return (
          typeof getAt(t.message, path) === 'string' &&
          ((typeof key === 'string' && ID_LIKE_KEYS.has(key)) || path.at(-2) === 'optionIds')
        );
      });
      const path = candidates[p % candidates.length] as Path;
      return {
        label: `random bad string at ${t.name} ${path.join('.')}: ${preview(bad, 40)}`,
        from: t.from,
        event: t.event,
        args: [withValue(t.message, path, bad)],
        expect: 'bad_request',
      };
    });

  const schemaKeys = [
    'sentAt',
    'sessionId',
    'command',
    'slideIndex',
    'slideId',
    'answerId',
    'answer',
  ];
  const garbage = fc
    .record({
      event: fc.constantFrom('teacher:command', 'student:submit', 'student:navigate', 'ping'),
      from: fc.constantFrom(...SOCKET_KEYS),
      payload: fc.oneof(fc.anything(), wrongValue),
      more: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
    })
    .filter(
      ({ payload }) => !(isRecord(payload) && schemaKeys.some((k) => Object.hasOwn(payload, k))),
    )
    .map(({ event, from, payload, more }): CaseBody => ({
      label: `random whole payload on ${event}: ${preview(payload, 60)}`,
      from,
      event,
      args: [payload, ...more],
      expect: garbageExpectation(from, event),
    }));

  const out = (
    label: string,
    from: SocketKey,
    event: string,
    message: Record<string, unknown>,
    expect: ErrorCode,
    ex: Array<readonly [string, unknown]>,
  ): CaseBody => ({
    label,
    from,
    event,
    args: [withExtras(message, ex)],
    expect,
  });
  const outOfOrder = fc.oneof(
    fc
      .record({
        slideId: fc.constantFrom('q-closed', 'q-cloud'),
        id: freshAnswerId,
        answer: validAnswer,
        ex: extras,
      })
      .map((c) =>
        out(
          `answer for never-opened ${c.slideId}`,
          'studentA',
          'student:submit',
          submitA(c.slideId, c.id, c.answer),
          'slide_not_open',
          c.ex,
        ),
      ),
    fc
      .record({ id: freshAnswerId, answer: validAnswer, ex: extras })
      .map((c) =>
        out(
          'answer after lock',
          'studentA',
          'student:submit',
          submitA('q-locked', c.id, c.answer),
          'slide_locked',
          c.ex,
        ),
      ),
    fc
      .record({ id: freshAnswerId, answer: validAnswer, ex: extras })
      .map((c) =>
        out(
          'answer for a slide without a question',
          'studentA',
          'student:submit',
          submitA('content', c.id, c.answer),
          'no_question',
          c.ex,
        ),
      ),
    fc
      .record({ slideId: unknownId, id: freshAnswerId, answer: validAnswer, ex: extras })
      .map((c) =>
        out(
          'answer for an unknown slide',
          'studentA',
          'student:submit',
          submitA(c.slideId, c.id, c.answer),
          'slide_not_found',
          c.ex,
        ),
      ),
    fc
      .record({
        sessionId: fc.oneof(fc.constant(ctx.sessionB), unknownId),
        slideId: deckSlideId,
        id: freshAnswerId,
        answer: validAnswer,
        ex: extras,
      })
      .map((c) =>
        out(
          'answer for another session',
          'studentA',
          'student:submit',
          { ...submitA(c.slideId, c.id, c.answer), sessionId: c.sessionId },
          'forbidden',
          c.ex,
        ),
      ),
    fc
      .record({ id: freshAnswerId, answer: unfitForOpen, ex: extras })
      .map((c) =>
        out(
          'answer that does not fit the question',
          'studentA',
          'student:submit',
          submitA('q-open', c.id, c.answer),
          'invalid_answer',
          c.ex,
        ),
      ),
    fc
      .record({
        slideId: fc.constantFrom('q-locked', 'q-closed', 'content', 'q-cloud'),
        answer: validAnswer,
        ex: extras,
      })
      .map((c) =>
        out(
          'answer id reused on another slide',
          'studentA',
          'student:submit',
          submitA(c.slideId, PRE_ANSWER_ID, c.answer),
          'answer_id_conflict',
          c.ex,
        ),
      ),
    fc
      .record({ slideIndex: fc.integer({ min: 0, max: LIMITS.slidesMax - 1 }), ex: extras })
      .map((c) =>
        out(
          'navigate in instructor pacing',
          'studentA',
          'student:navigate',
          { sessionId: ctx.sessionA, slideIndex: c.slideIndex },
          'invalid_state',
          c.ex,
        ),
      ),
    fc
      .record({
        slideIndex: fc.integer({ min: DECK.slides.length, max: LIMITS.slidesMax - 1 }),
        ex: extras,
      })
      .map((c) =>
        out(
          'goToSlide past the deck',
          'teacherA',
          'teacher:command',
          { sessionId: ctx.sessionA, command: { type: 'goToSlide', slideIndex: c.slideIndex } },
          'slide_not_found',
          c.ex,
        ),
      ),
    fc
      .record({
        command: validTeacherCommand([ctx.ada, ctx.bob]).filter(
          (cmd) => typeof cmd.slideId === 'string',
        ),
        slideId: unknownId,
        ex: extras,
      })
      .map((c) =>
        out(
          `${String(c.command.type)} on an unknown slide`,
          'teacherA',
          'teacher:command',
          { sessionId: ctx.sessionA, command: { ...c.command, slideId: c.slideId } },
          'slide_not_found',
          c.ex,
        ),
      ),
    fc
      .record({
        slideId: deckSlideId,
        studentId: fc.oneof(fc.constant(ctx.bob), fc.constant(ctx.ada), unknownId),
        hidden: fc.boolean(),
        ex: extras,
      })
      .filter((c) => !(c.slideId === 'q-open' && c.studentId === ctx.ada))
      .map((c) =>
        out(
          'hideResponse without a response',
          'teacherA',
          'teacher:command',
          {
            sessionId: ctx.sessionA,
            command: {
              type: 'hideResponse',
              slideId: c.slideId,
              studentId: c.studentId,
              hidden: c.hidden,
            },
          },
          'response_not_found',
          c.ex,
        ),
      ),
    fc
      .record({ studentId: unknownId, ex: extras })
      .map((c) =>
        out(
          'removeStudent of an unknown student',
          'teacherA',
          'teacher:command',
          { sessionId: ctx.sessionA, command: { type: 'removeStudent', studentId: c.studentId } },
          'student_not_found',
          c.ex,
        ),
      ),
    fc
      .record({
        sessionId: fc.oneof(fc.constant(ctx.sessionB), unknownId),
        command: validTeacherCommand([ctx.ada, ctx.bob]),
        ex: extras,
      })
      .map((c) =>
        out(
          `${String(c.command.type)} for another session`,
          'teacherA',
          'teacher:command',
          { sessionId: c.sessionId, command: c.command },
          'forbidden',
          c.ex,
        ),
      ),
    fc
      .record({ command: validTeacherCommand([ctx.ada, ctx.bob]), ex: extras })
      .map((c) =>
        out(
          `${String(c.command.type)} from a student`,
          'studentA',
          'teacher:command',
          { sessionId: ctx.sessionA, command: c.command },
          'forbidden',
          c.ex,
        ),
      ),
    fc
      .record({ id: freshAnswerId, answer: validAnswer, ex: extras })
      .map((c) =>
        out(
          'answer from a teacher',
          'teacherA',
          'student:submit',
          submitA('q-open', c.id, c.answer),
          'forbidden',
          c.ex,
        ),
      ),
    fc
      .record({ slideIndex: fc.integer({ min: 0, max: 4 }), ex: extras })
      .map((c) =>
        out(
          'navigate from a teacher',
          'teacherA',
          'student:navigate',
          { sessionId: ctx.sessionA, slideIndex: c.slideIndex },
          'forbidden',
          c.ex,
        ),
      ),
  );

  const ended = fc.oneof(
    fc
      .record({
        command: validTeacherCommand([ctx.cy]).filter((cmd) => cmd.type !== 'endSession'),
        ex: extras,
      })
      .map((c) =>
        out(
          `${String(c.command.type)} after endSession`,
          'teacherB',
          'teacher:command',
          { sessionId: ctx.sessionB, command: c.command },
          'session_ended',
          c.ex,
        ),
      ),
    fc
      .record({ slideId: deckSlideId, id: freshAnswerId, answer: validAnswer, ex: extras })
      .map((c) =>
        out(
          'answer after endSession',
          'studentB',
          'student:submit',
          { sessionId: ctx.sessionB, slideId: c.slideId, answerId: c.id, answer: c.answer },
          'session_ended',
          c.ex,
        ),
      ),
    fc
      .record({ slideIndex: fc.integer({ min: 0, max: LIMITS.slidesMax - 1 }), ex: extras })
      .map((c) =>
        out(
          'navigate after endSession',
          'studentB',
          'student:navigate',
          { sessionId: ctx.sessionB, slideIndex: c.slideIndex },
          'session_ended',
          c.ex,
        ),
      ),
  );

  const unknownEvents = fc
    .record({
      name: eventName,
      from: fc.constantFrom(...SOCKET_KEYS),
      args: fc.array(fc.oneof(fc.anything(), wrongValue), { maxLength: 3 }),
    })
    .map(({ name, from, args }): CaseBody => ({
      label: `unknown event ${preview(name, 40)}`,
      from,
      event: name,
      args,
      expect: 'unknown_event',
    }));

  // Bases that would otherwise be accepted (or answered ok), so only the size can refuse them.
  const oversized = fc
    .record({
      size: fc.integer({ min: LIMITS.maxPayloadBytes + 1_000, max: OVERSIZE_MAX_BYTES - 10_000 }),
      base: fc.nat({ max: 9 }),
      c: fc.constantFrom('a', 'Z', '0', '-'),
      id: freshAnswerId,
    })
    .map(({ size, base, c, id }): CaseBody => {
      const pad = c.repeat(size);
      const bases: Array<[SocketKey, string, unknown]> = [
        [
          'studentA',
          'student:submit',
          { ...submitA('q-open', id, { kind: 'multiple-choice', optionIds: ['c'] }), pad },
        ],
        ['studentA', 'ping', { sentAt: 1, pad }],
        ['studentA', 'session:sync', { pad }],
        [
          'teacherA',
          'teacher:command',
          { sessionId: ctx.sessionA, command: { type: 'endSession' }, pad },
        ],
        [
          'teacherA',
          'teacher:command',
          { sessionId: ctx.sessionA, command: { type: 'setPacing', pacing: 'student', pad } },
        ],
        [
          'teacherA',
          'teacher:command',
          { sessionId: ctx.sessionA, command: { type: 'goToSlide', slideIndex: 2 }, pad },
        ],
        ['teacherA', 'session:sync', pad],
        [
          'studentA',
          'student:submit',
          submitA('q-open', id, {
            kind: 'multiple-choice',
            optionIds: Array.from({ length: Math.ceil(size / 4) }, () => 'a'),
          }),
        ],
        // Many small keys rather than one big string: '"k00000001":1,' is 14 characters.
        [
          'studentA',
          'student:navigate',
          Object.fromEntries(
            Array.from({ length: Math.ceil(size / 14) }, (_, i) => [
              `k${String(i).padStart(8, '0')}`,
              1,
            ]),
          ),
        ],
        ['teacherB', 'ping', [pad]],
      ];
      const [from, event, payload] = bases[base] as [SocketKey, string, unknown];
      return {
        label: `oversized ${event} (${size} chars)`,
        from,
        event,
        args: [payload],
        expect: 'payload_too_large',
      };
    });

  const numeric = fc.oneof(
    fc.record({ v: numberish }).map(({ v }): CaseBody => {
      const w = wireValue(v);
      return {
        label: `navigate slideIndex ${preview(v)}`,
        from: 'studentA',
        event: 'student:navigate',
        args: [{ sessionId: ctx.sessionA, slideIndex: v }],
        expect: isIntIn(w, 0, LIMITS.slidesMax - 1) ? 'invalid_state' : 'bad_request',
      };
    }),
    fc
      .record({ v: numberish })
      // goToSlide 0..4 would be a real command (or a no-op); those are not for this test.
      .filter(({ v }) => !isIntIn(wireValue(v), 0, DECK.slides.length - 1))
      .map(({ v }): CaseBody => {
        const w = wireValue(v);
        return {
          label: `goToSlide ${preview(v)}`,
          from: 'teacherA',
          event: 'teacher:command',
          args: [{ sessionId: ctx.sessionA, command: { type: 'goToSlide', slideIndex: v } }],
          expect: isIntIn(w, 0, LIMITS.slidesMax - 1) ? 'slide_not_found' : 'bad_request',
        };
      }),
    fc.record({ v: numberish }).map(({ v }): CaseBody => {
      const w = wireValue(v);
      return {
        label: `startTimer durationMs ${preview(v)}`,
        from: 'teacherA',
        event: 'teacher:command',
        args: [
          {
            sessionId: ctx.sessionA,
            command: { type: 'startTimer', slideId: 'no-such-slide', durationMs: v },
          },
        ],
        expect: isIntIn(w, LIMITS.timerMsMin, LIMITS.timerMsMax)
          ? 'slide_not_found'
          : 'bad_request',
      };
    }),
    fc.record({ v: numberish, id: freshAnswerId }).map(({ v, id }): CaseBody => ({
      label: `number answer ${preview(v)}`,
      from: 'studentA',
      event: 'student:submit',
      args: [submitA('q-locked', id, { kind: 'number', value: v })],
      expect: typeof wireValue(v) === 'number' ? 'slide_locked' : 'bad_request',
    })),
    fc.record({ v: numberish, id: freshAnswerId }).map(({ v, id }): CaseBody => ({
      label: `scale answer ${preview(v)}`,
      from: 'studentA',
      event: 'student:submit',
      args: [submitA('q-locked', id, { kind: 'scale', value: v })],
      expect: isIntIn(wireValue(v), 1, LIMITS.scaleStepsMax) ? 'slide_locked' : 'bad_request',
    })),
    fc.record({ v: numberish, id: freshAnswerId }).map(({ v, id }): CaseBody => {
      const w = wireValue(v);
      return {
        label: `pin answer x ${preview(v)}`,
        from: 'studentA',
        event: 'student:submit',
        args: [submitA('q-locked', id, { kind: 'pin-on-image', x: v, y: 0.5 })],
        expect: typeof w === 'number' && w >= 0 && w <= 1 ? 'slide_locked' : 'bad_request',
      };
    }),
    fc.record({ v: numberish, id: freshAnswerId }).map(({ v, id }): CaseBody => ({
      label: `clientCreatedAt ${preview(v)}`,
      from: 'studentA',
      event: 'student:submit',
      args: [
        { ...submitA('q-locked', id, { kind: 'short-text', text: 'hi' }), clientCreatedAt: v },
      ],
      expect: isIntIn(wireValue(v), 0, Number.MAX_SAFE_INTEGER) ? 'slide_locked' : 'bad_request',
    })),
    fc
      .record({ v: numberish, from: fc.constantFrom(...SOCKET_KEYS) })
      .filter(({ v }) => typeof wireValue(v) !== 'number')
      .map(({ v, from }): CaseBody => ({
        label: `ping sentAt ${preview(v)}`,
        from,
        event: 'ping',
        args: [{ sentAt: v }],
        expect: 'bad_request',
      })),
  );

  return fc.oneof(
    { arbitrary: mutate, weight: 25 },
    { arbitrary: missing, weight: 6 },
    { arbitrary: badString, weight: 6 },
    { arbitrary: garbage, weight: 10 },
    { arbitrary: outOfOrder, weight: 26 },
    { arbitrary: ended, weight: 8 },
    { arbitrary: unknownEvents, weight: 8 },
    { arbitrary: oversized, weight: 2 },
    { arbitrary: numeric, weight: 9 },
  );
}

function buildCases(ctx: Ctx): FuzzCase[] {
  const systematic = systematicCases(ctx).map((c, i): FuzzCase => ({ ...c, ack: i % 4 !== 3 }));
  const random = fc.sample(
    fc
      .tuple(randomCaseArbitrary(ctx), fc.integer({ min: 0, max: 3 }))
      .map(([c, n]): FuzzCase => ({ ...c, ack: n !== 0 })),
    { seed: SEED, numRuns: RANDOM_CASES },
  );
  const cases = [...systematic, ...random];
  // Guard the generators themselves: "small" cases must be clearly small, oversized ones must
  // fit the transport cap.
  for (const c of cases) {
    const bytes = jsonBytes(c.args);
    if (c.expect === 'payload_too_large') {
      assert.ok(
        bytes > LIMITS.maxPayloadBytes && bytes < OVERSIZE_MAX_BYTES,
        `generator: ${c.label} has ${bytes} bytes`,
      );
    } else if (c.expect !== 'unknown_event') {
      assert.ok(bytes < SMALL_MAX_BYTES, `generator: ${c.label} has ${bytes} bytes`);
    }
  }
  return cases;
}

function describeCase(c: FuzzCase): string {
  return `${c.label} — ${c.ack ? 'with ack' : 'without ack'} from ${c.from} on ${preview(c.event, 40)}: ${preview(c.args, 200)}`;
}

// ---------------------------------------------------------------------------------------------

interface TeacherView {
  state: SessionState;
  presence: Record<string, Omit<Presence, 'lastSeenAt'>>;
}

async function teacherView(socket: ClientSocket): Promise<TeacherView> {
  const snapshot = await teacherSync(socket);
  return { state: snapshot.state, presence: stablePresence(snapshot.presence) };
}

async function studentView(socket: ClientSocket): Promise<unknown> {
  const reply = (await socket.emitWithAck('session:sync')) as { ok: boolean; student?: unknown };
  assert.equal(reply.ok, true, `student sync failed: ${preview(reply)}`);
  return reply.student;
}

/**
 * Waits for the collector to hold `count` items, but fails instead of hanging when they do not
 * come: refusals involve no I/O, so every reply to the messages sent so far is on the wire before
 * the reply to a later ping on the same socket. A few ping round trips are a generous barrier.
 */
async function repliesOrFail(
  collector: Collector<unknown>,
  count: number,
  socket: ClientSocket,
  explain: () => string,
): Promise<unknown[]> {
  let arrived = false;
  const waiting = collector.waitFor(count).then((items) => {
    arrived = true;
    return items;
  });
  const barrier = (async () => {
    for (let i = 0; i < 10 && !arrived; i++) await socket.emitWithAck('ping', { sentAt: i });
    return null;
  })();
  const items = await Promise.race([waiting, barrier]);
  if (items === null && !arrived) assert.fail(explain());
  return waiting;
}

describe('fuzz: malformed, oversized and out-of-order messages', () => {
  let h: Harness;
  let ctx: Ctx;
  let teacherA: TeacherConnection;
  let teacherB: TeacherConnection;
  let ada: StudentConnection;
  let bob: StudentConnection;
  let cy: StudentConnection;
  let sockets: Record<SocketKey, ClientSocket>;
  let errors: Record<SocketKey, Collector<unknown>>;
  /** Codes the barrage received, for the metrics check. */
  const received = new Map<ErrorCode, number>();

  before(async () => {
    // Rate limits out of the way: this is about validation. The limiter has its own test below.
    h = await startServer({ rateLimitPerSecond: 100_000, rateLimitBurst: 100_000 });

    const a = await createSession(h, DECK, { teacherAccountId: 'teacher-a' });
    teacherA = await connectTeacher(h, a.teacherToken);
    ada = await joinStudent(h, a.joinCode, 'Ada');
    bob = await joinStudent(h, a.joinCode, 'Bob');
    const pre = (await ada.socket.emitWithAck('student:submit', {
      sessionId: a.sessionId,
      slideId: 'q-open',
      answerId: PRE_ANSWER_ID,
      answer: { kind: 'multiple-choice', optionIds: ['a'] },
    })) as { ok: boolean };
    assert.equal(pre.ok, true, `setup answer: ${preview(pre)}`);
    for (const command of [
      { type: 'goToSlide', slideIndex: 1 },
      { type: 'lockSlide', slideId: 'q-locked' },
      { type: 'goToSlide', slideIndex: 0 },
    ]) {
      const reply = (await teacherA.socket.emitWithAck('teacher:command', {
        sessionId: a.sessionId,
        command,
      })) as { ok: boolean };
      assert.equal(reply.ok, true, `setup ${command.type}: ${preview(reply)}`);
    }

    const b = await createSession(h, DECK, { teacherAccountId: 'teacher-b' });
    teacherB = await connectTeacher(h, b.teacherToken);
    cy = await joinStudent(h, b.joinCode, 'Cy');
    const cyAnswer = (await cy.socket.emitWithAck('student:submit', {
      sessionId: b.sessionId,
      slideId: 'q-open',
      answerId: 'cy-answer-0001',
      answer: { kind: 'multiple-choice', optionIds: ['b'] },
    })) as { ok: boolean };
    assert.equal(cyAnswer.ok, true);
    const end = (await teacherB.socket.emitWithAck('teacher:command', {
      sessionId: b.sessionId,
      command: { type: 'endSession' },
    })) as { ok: boolean };
    assert.equal(end.ok, true);

    ctx = {
      sessionA: a.sessionId,
      sessionB: b.sessionId,
      ada: ada.studentId,
      bob: bob.studentId,
      cy: cy.studentId,
    };
    sockets = {
      teacherA: teacherA.socket,
      studentA: ada.socket,
      teacherB: teacherB.socket,
      studentB: cy.socket,
    };
    errors = {
      teacherA: collect(teacherA.socket, 'protocol:error'),
      studentA: collect(ada.socket, 'protocol:error'),
      teacherB: collect(teacherB.socket, 'protocol:error'),
      studentB: collect(cy.socket, 'protocol:error'),
    };
  });

  after(async () => {
    await h?.close();
  });

  it(
    'gives every message a typed error and leaves both sessions exactly as they were',
    { timeout: 120_000 },
    async (t) => {
      const cases = buildCases(ctx);
      assert.ok(cases.length >= 3_000, `only ${cases.length} cases`);

      // A sync round trip on each teacher socket first, so every delta of the setup has arrived.
      const beforeA = await teacherView(teacherA.socket);
      const beforeB = await teacherView(teacherB.socket);
      const beforeHttpA = await http(h, 'GET', `/v1/sessions/${ctx.sessionA}`, {
        token: await h.server.tokens.signTeacher(ctx.sessionA, 'teacher-a'),
      });
      const beforeAda = await studentView(ada.socket);
      const beforeCy = await studentView(cy.socket);
      let deltas = 0;
      const countDelta = () => {
        deltas += 1;
      };
      teacherA.socket.on('teacher:delta', countDelta);
      teacherB.socket.on('teacher:delta', countDelta);

      const tally = (code: ErrorCode) => received.set(code, (received.get(code) ?? 0) + 1);
      const seen: Record<SocketKey, number> = {
        teacherA: 0,
        studentA: 0,
        teacherB: 0,
        studentB: 0,
      };
      let withoutAck = 0;

      for (let start = 0; start < cases.length; start += CHUNK) {
        const chunk = cases.slice(start, start + CHUNK);
        const acked: Array<Promise<{ c: FuzzCase; reply: unknown }>> = [];
        const unacked: Record<SocketKey, FuzzCase[]> = {
          teacherA: [],
          studentA: [],
          teacherB: [],
          studentB: [],
        };
        for (const c of chunk) {
          const socket = sockets[c.from];
          if (c.ack) {
            acked.push(
              (socket.emitWithAck(c.event as string, ...c.args) as Promise<unknown>).then(
                (reply) => ({ c, reply }),
              ),
            );
          } else {
            socket.emit(c.event as string, ...c.args);
            unacked[c.from].push(c);
          }
        }
        for (const { c, reply } of await Promise.all(acked)) {
          tally(assertProtocolError(reply, c.expect, describeCase(c)).code);
        }
        for (const key of SOCKET_KEYS) {
          const expected = unacked[key];
          if (expected.length === 0) continue;
          withoutAck += expected.length;
          const items = await repliesOrFail(
            errors[key],
            seen[key] + expected.length,
            sockets[key],
            () =>
              `missing protocol:error on ${key} (got ${errors[key].items.length - seen[key]} of ${expected.length}) for:\n${expected.map(describeCase).join('\n')}`,
          );
          const got = items
            .slice(seen[key], seen[key] + expected.length)
            .map((item) => assertProtocolError(item, undefined, `protocol:error on ${key}`).code);
          seen[key] += expected.length;
          assert.deepEqual(
            [...got].sort(),
            expected.map((c) => c.expect).sort(),
            `protocol:error codes on ${key} for:\n${expected.map(describeCase).join('\n')}`,
          );
          for (const code of got) tally(code);
        }
      }

      // Frames a socket.io client would never produce: nesting too deep to even encode, and
      // numbers JSON can only spell as 1e999 (Infinity on the server). Sent raw, without ack.
      const raw: Array<{ key: SocketKey; frame: string; expect: readonly ErrorCode[] }> = [];
      for (const depth of [5_000, 20_000, 60_000]) {
        raw.push({
          key: 'studentA',
          frame: `2["ping",${'['.repeat(depth)}${']'.repeat(depth)}]`,
          expect: ['bad_request', 'payload_too_large'],
        });
        raw.push({
          key: 'teacherA',
          frame: `2["teacher:command",${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]`,
          expect: ['bad_request', 'payload_too_large'],
        });
      }
      for (const inf of ['1e999', '-1e999']) {
        raw.push({
          key: 'studentA',
          frame: `2["ping",{"sentAt":${inf}}]`,
          expect: ['bad_request'],
        });
        raw.push({
          key: 'studentA',
          frame: `2["student:navigate",{"sessionId":"${ctx.sessionA}","slideIndex":${inf}}]`,
          expect: ['bad_request'],
        });
        raw.push({
          key: 'studentA',
          frame: `2["student:submit",{"sessionId":"${ctx.sessionA}","slideId":"q-open","answerId":"fz-raw-${inf.length}-0001","answer":{"kind":"pin-on-image","x":${inf},"y":0.5}}]`,
          expect: ['bad_request'],
        });
        raw.push({
          key: 'teacherA',
          frame: `2["teacher:command",{"sessionId":"${ctx.sessionA}","command":{"type":"startTimer","slideId":"q-open","durationMs":${inf}}}]`,
          expect: ['bad_request'],
        });
      }
      raw.push({
        key: 'teacherA',
        frame: `2["teacher:command",{"__proto__":{"sessionId":"${ctx.sessionA}","command":{"type":"endSession"}}}]`,
        expect: ['bad_request'],
      });
      raw.push({
        key: 'teacherA',
        frame: `2["teacher:command",{"sessionId":"${ctx.sessionA}","command":{"__proto__":{"type":"endSession"}}}]`,
        expect: ['bad_request'],
      });
      for (const { key, frame, expect } of raw) {
        const engine = (
          sockets[key] as unknown as { io: { engine: { write(data: string): void } } }
        ).io.engine;
        engine.write(frame);
        const items = await repliesOrFail(
          errors[key],
          seen[key] + 1,
          sockets[key],
          () => `no protocol:error for raw frame ${preview(frame, 120)}`,
        );
        const error = assertProtocolError(
          items[seen[key]],
          expect,
          `raw frame ${preview(frame, 120)}`,
        );
        seen[key] += 1;
        withoutAck += 1;
        tally(error.code);
      }

      // No reply was sent twice: after round trips on every socket, no extra protocol:error.
      for (const key of SOCKET_KEYS) {
        for (let i = 0; i < 3; i++) {
          const pong = (await sockets[key].emitWithAck('ping', { sentAt: i })) as { ok: boolean };
          assert.equal(pong.ok, true, `${key} still answers`);
        }
        assert.equal(
          errors[key].items.length,
          seen[key],
          `${key} got exactly one protocol:error per message without ack`,
        );
      }

      // Nothing was committed: no delta, the same state, the same roster and presence.
      assert.equal(deltas, 0, 'no teacher:delta during the barrage');
      const afterA = await teacherView(teacherA.socket);
      const afterB = await teacherView(teacherB.socket);
      assert.deepEqual(afterA, beforeA, 'session A is unchanged');
      assert.deepEqual(afterB, beforeB, 'session B is unchanged');
      const afterHttpA = await http(h, 'GET', `/v1/sessions/${ctx.sessionA}`, {
        token: await h.server.tokens.signTeacher(ctx.sessionA, 'teacher-a'),
      });
      assert.deepEqual(afterHttpA, beforeHttpA, 'the stored session A is unchanged');
      assert.deepEqual(await studentView(ada.socket), beforeAda, "Ada's view is unchanged");
      assert.deepEqual(await studentView(cy.socket), beforeCy, "Cy's view is unchanged");
      teacherA.socket.off('teacher:delta', countDelta);
      teacherB.socket.off('teacher:delta', countDelta);

      // Nothing leaked into the server's (this process's) prototypes.
      for (const key of ['polluted', 'kind', 'type', 'sessionId', 'command', 'n', 'a']) {
        assert.equal(
          Object.hasOwn(Object.prototype, key),
          false,
          `Object.prototype.${key} was polluted`,
        );
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined);

      const total = cases.length + raw.length;
      t.diagnostic(
        `${total} messages (${withoutAck} without ack): ${[...received].map(([k, v]) => `${k}=${v}`).join(' ')}`,
      );
    },
  );

  it('still answers afterwards and counted every refusal once in /metrics', async () => {
    const metrics = await scrape(h);
    assert.equal(metrics.status, 200);
    const text = metrics.text;
    assert.match(text, /^# TYPE realtime_rejected_messages_total counter$/m);
    // Prometheus can still parse it, lint-clean (Debian `prometheus` ships promtool).
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    assert.equal(
      promtool.status,
      0,
      `promtool check metrics: ${promtool.stdout}${promtool.stderr}`,
    );
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      assert.equal(
        metricValue(text, 'realtime_rejected_messages_total', { reason: code }),
        received.get(code) ?? 0,
        `realtime_rejected_messages_total{reason="${code}"}`,
      );
    }

    const health = await http(h, 'GET', '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });

    const before = await teacherSync(teacherA.socket);
    const answer = { kind: 'multiple-choice', optionIds: ['c'] };
    const reply = (await bob.socket.emitWithAck('student:submit', {
      sessionId: ctx.sessionA,
      slideId: 'q-open',
      answerId: 'bob-after-fuzz-0001',
      answer,
    })) as { ok: boolean; duplicate?: boolean; response?: { answer: unknown } };
    assert.equal(reply.ok, true, `a valid answer is accepted: ${preview(reply)}`);
    assert.equal(reply.duplicate, false);
    assert.deepEqual(reply.response?.answer, answer);
    const after = await teacherSync(teacherA.socket);
    assert.equal(after.state.seq, before.state.seq + 1);
    assert.deepEqual(after.state.responses['q-open']?.[ctx.bob]?.answer, answer);

    const command = (await teacherA.socket.emitWithAck('teacher:command', {
      sessionId: ctx.sessionA,
      command: { type: 'setReveal', slideId: 'q-open', mode: 'anonymous' },
    })) as { ok: boolean };
    assert.equal(command.ok, true, 'a valid teacher command is accepted');
  });

  it('closes only the connection that sends a frame socket.io cannot parse', async () => {
    const c = await createSession(h, DECK, { teacherAccountId: 'teacher-c' });
    const victim = await joinStudent(h, c.joinCode, 'Mallory');
    const closed = new Promise<string>((resolve) => victim.socket.once('disconnect', resolve));
    (victim.socket as unknown as { io: { engine: { write(data: string): void } } }).io.engine.write(
      '2["ping",{broken',
    );
    assert.equal(await closed, 'transport close');

    const reserved = await joinStudent(h, c.joinCode, 'Eve');
    const closedToo = new Promise<string>((resolve) => reserved.socket.once('disconnect', resolve));
    (
      reserved.socket as unknown as { io: { engine: { write(data: string): void } } }
    ).io.engine.write('2["disconnect"]');
    assert.equal(await closedToo, 'transport close');

    const pong = (await ada.socket.emitWithAck('ping', { sentAt: 7 })) as {
      ok: boolean;
      sentAt?: number;
    };
    assert.deepEqual({ ok: pong.ok, sentAt: pong.sentAt }, { ok: true, sentAt: 7 });
    assert.equal((await http(h, 'GET', '/healthz')).status, 200);
  });

  it('refuses a message over 64 KiB of UTF-8 even when it has fewer UTF-16 code units', async () => {
    const before = await teacherView(teacherA.socket);
    // 3-byte and 4-byte characters: ~75 KiB and ~80 KiB on the wire, but only ~25k / ~40k
    // UTF-16 code units. The bases are valid edits of Ada's answer, so only the size can refuse.
    for (const [name, pad] of [
      ['€ × 25,000', '€'.repeat(25_000)],
      ['emoji × 20,000', '😀'.repeat(20_000)],
    ] as const) {
      const message = {
        sessionId: ctx.sessionA,
        slideId: 'q-open',
        answerId: `multibyte-${pad.length}`,
        answer: { kind: 'multiple-choice', optionIds: ['b'] },
        pad,
      };
      assert.ok(Buffer.byteLength(JSON.stringify(message)) > LIMITS.maxPayloadBytes);
      const reply: unknown = await ada.socket.emitWithAck('student:submit', message);
      assertProtocolError(
        reply,
        'payload_too_large',
        `${name}: ${Buffer.byteLength(JSON.stringify(message))} bytes`,
      );
    }
    assert.deepEqual(await teacherView(teacherA.socket), before, 'session A is unchanged');
  });
});

describe('rate limiter', () => {
  let h: Harness;
  let nowMs = Date.UTC(2030, 0, 1);
  // A clock that only moves when told to, so the token bucket refills exactly when we say.
  const clock = {
    now: () => nowMs,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (handle: NodeJS.Timeout) => clearTimeout(handle),
  };

  before(async () => {
    h = await startServer({ rateLimitPerSecond: 2, rateLimitBurst: 5 }, { clock });
  });

  after(async () => {
    await h?.close();
  });

  it('answers rate_limited (retryable) past the burst, per socket, without touching the state', async () => {
    const s = await createSession(h, DECK);
    const teacher = await connectTeacher(h, s.teacherToken);
    const ada = await joinStudent(h, s.joinCode, 'Ada');
    const bob = await joinStudent(h, s.joinCode, 'Bob');
    const adaErrors = collect(ada.socket, 'protocol:error');
    const before = await teacherView(teacher.socket);
    const submit = (n: number) => ({
      sessionId: s.sessionId,
      slideId: 'q-open',
      answerId: `rate-limit-${String(n).padStart(4, '0')}`,
      answer: { kind: 'multiple-choice', optionIds: ['a'] },
    });

    // The burst: five messages pass.
    for (let i = 0; i < 5; i++) {
      const pong = (await ada.socket.emitWithAck('ping', { sentAt: i })) as { ok: boolean };
      assert.equal(pong.ok, true, `message ${i + 1} of the burst`);
    }
    // Then valid answers are refused, whether acknowledged or not.
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => ada.socket.emitWithAck('student:submit', submit(i))),
    );
    for (const reply of replies) {
      const error = assertProtocolError(reply, 'rate_limited');
      assert.equal(error.retryable, true);
    }
    for (let i = 0; i < 3; i++) ada.socket.emit('student:submit', submit(100 + i));
    const unacked = await adaErrors.waitFor(3);
    for (const error of unacked) assertProtocolError(error, 'rate_limited');
    assert.deepEqual(await teacherView(teacher.socket), before, 'refused answers changed nothing');

    // Another socket has its own bucket.
    const bobReply = (await bob.socket.emitWithAck('student:submit', submit(200))) as {
      ok: boolean;
    };
    assert.equal(bobReply.ok, true, 'Bob is not limited by Ada');

    // Half a second at 2/s refills exactly one token.
    nowMs += 500;
    const refilled = (await ada.socket.emitWithAck('student:submit', submit(300))) as {
      ok: boolean;
    };
    assert.equal(refilled.ok, true, 'one message passes after the refill');
    assertProtocolError(
      await ada.socket.emitWithAck('student:submit', submit(301)),
      'rate_limited',
    );

    const state = (await teacherSync(teacher.socket)).state;
    assert.equal(state.responses['q-open']?.[ada.studentId]?.answerId, 'rate-limit-0300');
    assert.equal(state.responses['q-open']?.[bob.studentId]?.answerId, 'rate-limit-0200');
    assert.equal(adaErrors.items.length, 3);

    const { text } = await scrape(h);
    assert.equal(
      metricValue(text, 'realtime_rejected_messages_total', { reason: 'rate_limited' }),
      10 + 3 + 1,
    );
  });
});
