/**
 * The real firebase/database.rules.json, evaluated by targaryen: an allow/deny matrix of every
 * path for the session's teacher, the student on their own node, another student, another
 * session's teacher and an anonymous client, then the answer rules kind by kind.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as targaryen from 'targaryen';
import type { SessionState } from '../src/protocol/index.ts';
import { encodeAnswer } from '../src/firebase/answer-codec.ts';
import { paths, sessionNode, type ResponseNode } from '../src/firebase/layout.ts';
import { probeIdentity, studentIdentity, teacherIdentity } from '../src/firebase/claims.ts';
import { buildDatabaseRules } from '../src/firebase/rules.ts';
import {
  asTeacher,
  createCmd,
  joinCmd,
  run,
  SLIDE,
  submitCmd,
  T0,
  TEACHER_ID,
  OTHER_TEACHER_ID,
  validAnswer,
  otherAnswer,
  accept,
} from './support/engine-fixtures.ts';

const RULES = JSON.parse(
  readFileSync(new URL('../firebase/database.rules.json', import.meta.url), 'utf8'),
) as object;

const S1 = 'session-1';
const S2 = 'session-2';
const NOW = T0 + 60_000;

/** The auth the rules see for a custom token minted as the web app mints it. */
function studentAuth(studentId: string, sessionId = S1) {
  const { uid, claims } = studentIdentity(sessionId, studentId);
  return { uid, token: claims };
}
function probeAuth(location: string) {
  const { uid, claims } = probeIdentity(location);
  return { uid, token: claims };
}
function teacherAuth(teacherId: string, sessionId: string) {
  const { uid, claims } = teacherIdentity(sessionId, teacherId);
  return { uid, token: claims };
}

/**
 * Session 1: instructor-paced, the teacher has shown slides 0..7 (the pin slide is not open yet).
 * Students a and b joined at the start, r was removed, and l joined late ("next-slide": first
 * answerable slide 8). a and b answered the single-choice slide. Session 2 has its own teacher.
 */
function fixtureState(): SessionState {
  let state = accept(null, createCmd(), T0).state;
  for (const id of ['a', 'b', 'r']) state = run(state, joinCmd(id, `Student ${id}`), T0 + 1);
  for (let i = 1; i <= 7; i++)
    state = run(state, asTeacher({ type: 'goToSlide', slideIndex: i }), T0 + 2);
  state = run(state, submitCmd('a', SLIDE.mc, 'answer-a-1'), T0 + 3);
  state = run(state, submitCmd('b', SLIDE.mc, 'answer-b-1'), T0 + 3);
  state = run(state, asTeacher({ type: 'removeStudent', studentId: 'r' }), T0 + 4);
  state = run(state, asTeacher({ type: 'setLatePolicy', latePolicy: 'next-slide' }), T0 + 4);
  state = run(state, joinCmd('l', 'Late'), T0 + 5);
  return state;
}

function otherSessionState(): SessionState {
  return accept(
    null,
    createCmd(
      {},
      {
        sessionId: S2,
        joinCode: 'XYZ789',
        actor: { role: 'teacher', teacherId: OTHER_TEACHER_ID },
      },
    ),
    T0,
  ).state;
}

type Data = Record<string, unknown>;

function fixtureData(): Data {
  return JSON.parse(
    JSON.stringify({
      joinCodes: { ABC234: { sessionId: S1 }, XYZ789: { sessionId: S2 } },
      sessions: { [S1]: sessionNode(fixtureState()), [S2]: sessionNode(otherSessionState()) },
    }),
  ) as Data;
}

/** Sets `value` at a slash path of plain data (test setup only). */
function setIn(data: Data, path: string, value: unknown): Data {
  const keys = path.split('/');
  let node = data;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Data;
  node[keys.at(-1)!] = value;
  return data;
}

const ACTORS = {
  teacher: teacherAuth(TEACHER_ID, S1),
  ownStudent: studentAuth('a'),
  otherStudent: studentAuth('b'),
  otherTeacher: teacherAuth(OTHER_TEACHER_ID, S2),
  // A probe may touch only probes/{its location}: every session path below denies it.
  probe: probeAuth('europe-west1'),
  anonymous: null,
} as const;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

function db(auth: object | null, data: Data = fixtureData()): targaryen.RulesDatabase {
  const base = targaryen.database(RULES, data, NOW);
  return auth === null ? base : base.as(auth);
}

function expectMatrix(
  what: string,
  allowed: readonly ActorName[],
  attempt: (database: targaryen.RulesDatabase) => targaryen.RuleResult,
): void {
  for (const actor of ACTOR_NAMES) {
    const result = attempt(db(ACTORS[actor]));
    assert.equal(
      result.allowed,
      allowed.includes(actor),
      `${what} by ${actor}: expected ${allowed.includes(actor) ? 'allowed' : 'denied'}\n${result.info}`,
    );
  }
}

/** A's new revision of the single-choice answer, as the Firebase transport writes it. */
function newRevision(overrides: Partial<ResponseNode> = {}): ResponseNode {
  return {
    answerId: 'answer-a-2',
    answer: encodeAnswer(otherAnswer(SLIDE.mc)),
    firstSubmittedAt: T0 + 3,
    submittedAt: NOW,
    clientCreatedAt: NOW - 10,
    hidden: false,
    revisions: 2,
    answerIds: { 'answer-a-1': true, 'answer-a-2': true },
    ...overrides,
  };
}

/** A's first answer to a slide. */
function firstAnswer(
  slideId: string,
  answer: unknown = encodeAnswer(validAnswer(slideId)),
): object {
  return {
    answerId: `first-${slideId}-answer`,
    answer,
    firstSubmittedAt: NOW,
    submittedAt: NOW,
    hidden: false,
    revisions: 1,
    answerIds: { [`first-${slideId}-answer`]: true },
  };
}

test('the committed database.rules.json is what rules.ts builds (npm run rules)', () => {
  assert.deepEqual(RULES, buildDatabaseRules());
});

describe('reads: who may read each path', () => {
  const s = `sessions/${S1}`;
  const cases: Array<[string, ActorName[]]> = [
    ['', []],
    ['joinCodes', []],
    ['joinCodes/ABC234', []],
    ['sessions', []],
    [s, ['teacher']],
    [`${s}/meta`, ['teacher']],
    [`${s}/state`, ['teacher']],
    [`${s}/gate`, ['teacher']],
    [`${s}/public`, ['teacher', 'ownStudent', 'otherStudent']],
    [`${s}/roster`, ['teacher']],
    [`${s}/roster/a`, ['teacher', 'ownStudent']],
    [`${s}/roster/b`, ['teacher', 'otherStudent']],
    [paths.standing(S1, 'a'), ['teacher', 'ownStudent']],
    [paths.standing(S1, 'b'), ['teacher', 'otherStudent']],
    [`${s}/presence`, ['teacher']],
    [`${s}/presence/a`, ['teacher', 'ownStudent']],
    [`${s}/responses`, ['teacher']],
    [`${s}/responses/${SLIDE.mc}`, ['teacher']],
    [paths.response(S1, SLIDE.mc, 'a'), ['teacher', 'ownStudent']],
    [paths.response(S1, SLIDE.mc, 'b'), ['teacher', 'otherStudent']],
    [`sessions/${S2}`, ['otherTeacher']],
    [`sessions/${S2}/public`, ['otherTeacher']],
    ['probes', []],
    ['probes/europe-west1', ['probe']],
    ['probes/europe-west1/runs', ['probe']],
    ['probes/us-east1', []],
  ];
  for (const [path, allowed] of cases) {
    test(`/${path}: ${allowed.join(', ') || 'nobody'}`, () => {
      expectMatrix(`read /${path}`, allowed, (d) => d.read(path, NOW));
    });
  }

  test('a removed student reads nothing, not even their own nodes', () => {
    const removed = studentAuth('r');
    for (const path of [
      `sessions/${S1}/public`,
      `sessions/${S1}/roster/r`,
      `sessions/${S1}/presence/r`,
    ])
      assert.equal(db(removed).read(path, NOW).allowed, false, path);
  });

  test("another session's teacher with a token naming this session still reads nothing", () => {
    const forged = teacherAuth(OTHER_TEACHER_ID, S1);
    assert.equal(db(forged).read(`sessions/${S1}`, NOW).allowed, false);
  });

  test('a student token for another session reads nothing here', () => {
    const elsewhere = studentAuth('a', S2);
    assert.equal(db(elsewhere).read(`sessions/${S1}/public`, NOW).allowed, false);
  });
});

describe('writes: who may write each path', () => {
  const s = `sessions/${S1}`;
  const presence = { status: 'connected', lastSeenAt: NOW, transport: 'firebase' };
  const cases: Array<[string, string, unknown, ActorName[]]> = [
    ['the join-code index', 'joinCodes/NEW234', { sessionId: S1 }, []],
    ['a new session', 'sessions/session-3', { meta: { teacherId: TEACHER_ID } }, []],
    ['the meta', `${s}/meta/title`, 'Renamed', ['teacher']],
    ['the state', `${s}/state`, '{}', ['teacher']],
    ['the gate', `${s}/gate/slides/${SLIDE.mc}/locked`, true, ['teacher']],
    ['the public view', `${s}/public`, '{}', ['teacher']],
    ['a roster entry', `${s}/roster/a/name`, 'Someone else', ['teacher']],
    ["a's presence", paths.presence(S1, 'a'), presence, ['teacher', 'ownStudent']],
    ["b's presence", paths.presence(S1, 'b'), presence, ['teacher', 'otherStudent']],
    ["a's answer", paths.response(S1, SLIDE.mc, 'a'), newRevision(), ['teacher', 'ownStudent']],
    ['the whole session (delete)', s, null, ['teacher']],
    ["another session's state", `sessions/${S2}/state`, '{}', ['otherTeacher']],
    ["the probe's run", 'probes/europe-west1/runs/run-1', { at: NOW }, ['probe']],
    ["the probe's cleanup", 'probes/europe-west1/runs/run-1', null, ['probe']],
    ["another location's run", 'probes/us-east1/runs/run-1', { at: NOW }, []],
  ];
  for (const [what, path, value, allowed] of cases) {
    test(`${what}: ${allowed.join(', ') || 'nobody'}`, () => {
      expectMatrix(`write ${what}`, allowed, (d) => d.write(path, value, { now: NOW }));
    });
  }

  test('a probe run holds only its server time: no other data, no future time', () => {
    const probe = db(ACTORS.probe);
    const run = 'probes/europe-west1/runs/run-2';
    assert.equal(
      probe.write(run, { at: NOW, note: 'x'.repeat(1000) }, { now: NOW }).allowed,
      false,
    );
    assert.equal(probe.write(run, { at: NOW + 60_000 }, { now: NOW }).allowed, false);
    assert.equal(probe.write(run, { at: 'soon' }, { now: NOW }).allowed, false);
    assert.equal(probe.write('probes/europe-west1/elsewhere', 'x', { now: NOW }).allowed, false);
  });

  test('the teacher cannot hand the session to another teacher (meta/teacherId is fixed)', () => {
    assert.equal(
      db(ACTORS.teacher).write(`sessions/${S1}/meta/teacherId`, OTHER_TEACHER_ID, { now: NOW })
        .allowed,
      false,
    );
  });
});

describe("answers: a student's own response", () => {
  const own = db(ACTORS.ownStudent);
  const write = (slideId: string, value: unknown, database = own) =>
    database.write(paths.response(S1, slideId, 'a'), value, { now: NOW });
  const denied = (what: string, result: targaryen.RuleResult) =>
    assert.equal(result.allowed, false, `${what} should be denied\n${result.info}`);
  const allowed = (what: string, result: targaryen.RuleResult) =>
    assert.equal(result.allowed, true, `${what} should be allowed\n${result.info}`);

  test('a valid first answer of every open kind is accepted', () => {
    // (a already answered the single-choice slide: see the revision tests)
    for (const slideId of [SLIDE.mcm, SLIDE.text, SLIDE.num, SLIDE.cloud, SLIDE.scale, SLIDE.draw])
      allowed(slideId, write(slideId, firstAnswer(slideId)));
  });

  test('shapes that do not fit the slide are refused', () => {
    const bad: Array<[string, string, unknown]> = [
      ['an unknown option', SLIDE.mc, { kind: 'multiple-choice', optionIds: ['zz'] }],
      [
        'two options on a single-choice slide',
        SLIDE.mc,
        { kind: 'multiple-choice', optionIds: ['a', 'b'] },
      ],
      ['no option', SLIDE.mc, { kind: 'multiple-choice' }],
      ['another kind than the slide', SLIDE.mc, { kind: 'short-text', text: 'hi' }],
      [
        'a field of another kind',
        SLIDE.mc,
        { kind: 'multiple-choice', optionIds: ['a'], text: 'x' },
      ],
      [
        'a text over the slide limit (20)',
        SLIDE.text,
        { kind: 'short-text', text: 'x'.repeat(21) },
      ],
      ['an empty text', SLIDE.text, { kind: 'short-text', text: '' }],
      ['a number below the range', SLIDE.num, { kind: 'number', value: -1 }],
      ['a number above the range', SLIDE.num, { kind: 'number', value: 101 }],
      ['a number as text', SLIDE.num, { kind: 'number', value: '5' }],
      ['more words than allowed', SLIDE.cloud, { kind: 'word-cloud', words: ['a', 'b', 'c'] }],
      ['a word with a space', SLIDE.cloud, { kind: 'word-cloud', words: ['two words'] }],
      ['a too-long word', SLIDE.cloud, { kind: 'word-cloud', words: ['x'.repeat(31)] }],
      ['a scale value above its steps', SLIDE.scale, { kind: 'scale', value: 6 }],
      ['a fractional scale value', SLIDE.scale, { kind: 'scale', value: 2.5 }],
      ['a scale value of 0', SLIDE.scale, { kind: 'scale', value: 0 }],
      [
        'a drawing over 48 KiB',
        SLIDE.draw,
        { kind: 'drawing', strokes: 'x'.repeat(48 * 1024 + 1) },
      ],
      ['a drawing as children', SLIDE.draw, { kind: 'drawing', strokes: { 0: 'x' } }],
    ];
    for (const [what, slideId, answer] of bad)
      denied(what, write(slideId, firstAnswer(slideId, answer)));
  });

  test('a pin outside the image is refused (on a slide opened for it)', () => {
    const data = setIn(fixtureData(), `sessions/${S1}/gate/slides/${SLIDE.pin}/visible`, true);
    const d = db(ACTORS.ownStudent, data);
    allowed('a pin inside', write(SLIDE.pin, firstAnswer(SLIDE.pin), d));
    denied(
      'a pin outside',
      write(SLIDE.pin, firstAnswer(SLIDE.pin, { kind: 'pin-on-image', x: 1.5, y: 0 }), d),
    );
  });

  test('closed slides refuse answers: not shown yet, locked, timer over, session ended', () => {
    denied('a slide not shown yet', write(SLIDE.pin, firstAnswer(SLIDE.pin)));
    const gate = `sessions/${S1}/gate`;
    const locked = db(
      ACTORS.ownStudent,
      setIn(fixtureData(), `${gate}/slides/${SLIDE.num}/locked`, true),
    );
    denied('a locked slide', write(SLIDE.num, firstAnswer(SLIDE.num), locked));
    const expired = db(
      ACTORS.ownStudent,
      setIn(fixtureData(), `${gate}/slides/${SLIDE.num}/deadline`, NOW),
    );
    denied('a slide whose timer ran out', write(SLIDE.num, firstAnswer(SLIDE.num), expired));
    const running = db(
      ACTORS.ownStudent,
      setIn(fixtureData(), `${gate}/slides/${SLIDE.num}/deadline`, NOW + 1),
    );
    allowed('a slide whose timer still runs', write(SLIDE.num, firstAnswer(SLIDE.num), running));
    const ended = db(ACTORS.ownStudent, setIn(fixtureData(), `${gate}/status`, 'ended'));
    denied('an ended session', write(SLIDE.num, firstAnswer(SLIDE.num), ended));
  });

  test('extended time: past the class deadline, a student answers until their own (same arithmetic as the engine)', () => {
    const gate = `sessions/${S1}/gate/slides/${SLIDE.num}`;
    const roster = `sessions/${S1}/roster/a`;
    // The class's 10 s ran out 1 ms ago: start NOW - 10_001, deadline NOW - 1.
    const timed = (extendedTime: unknown, start: number | null = NOW - 10_001) => {
      const data = setIn(fixtureData(), `${gate}/deadline`, NOW - 1);
      if (start !== null) setIn(data, `${gate}/timerStartedAt`, start);
      if (extendedTime !== undefined) setIn(data, `${roster}/extendedTime`, extendedTime);
      return db(ACTORS.ownStudent, data);
    };
    const answer = (d: targaryen.RulesDatabase) => write(SLIDE.num, firstAnswer(SLIDE.num), d);
    denied('standard time', answer(timed(undefined)));
    allowed('2× (until NOW + 9_999)', answer(timed(2)));
    allowed('1.5× (until NOW + 4_999)', answer(timed(1.5)));
    allowed('no time limit', answer(timed('unlimited')));
    // Own deadline = start + (deadline - start) * 2 = 2 × (NOW - 1) - start, exactly.
    allowed('2×, own deadline 1 ms away', answer(timed(2, NOW - 3)));
    denied('2×, own deadline now', answer(timed(2, NOW - 2)));
    denied('2×, own deadline passed', answer(timed(2, NOW - 1)));
    denied('a multiplier without the timer’s start stretches nothing', answer(timed(2, null)));
    denied('an extension that is not a number', answer(timed('2')));
    const lockedData = setIn(fixtureData(), `${gate}/locked`, true);
    setIn(lockedData, `${roster}/extendedTime`, 'unlimited');
    denied('no time limit, but locked by the teacher', answer(db(ACTORS.ownStudent, lockedData)));
  });

  test('extended time: the homework’s due time stretches from the session’s creation', () => {
    const createdAt = T0; // meta/createdAt of the fixture
    const due = (dueAt: number, extendedTime?: unknown) => {
      const data = setIn(fixtureData(), `sessions/${S1}/gate/slides/${SLIDE.num}/dueAt`, dueAt);
      if (extendedTime !== undefined)
        setIn(data, `sessions/${S1}/roster/a/extendedTime`, extendedTime);
      return write(SLIDE.num, firstAnswer(SLIDE.num), db(ACTORS.ownStudent, data));
    };
    // Due at T0 + 30_000 (NOW is T0 + 60_000): 2× is T0 + 60_000 (= NOW), 2× of T0 + 30_001 is later.
    denied('standard, past due', due(createdAt + 30_000));
    denied('2×, own due time now', due(createdAt + 30_000, 2));
    allowed('2×, own due time 2 ms away', due(createdAt + 30_001, 2));
    denied('1.5×, own due time passed', due(createdAt + 30_001, 1.5));
    allowed('no time limit', due(createdAt + 1, 'unlimited'));
  });

  test('a late joiner cannot answer slides before their first answerable one; a removed student nothing', () => {
    const late = db(studentAuth('l'));
    denied(
      'late',
      late.write(paths.response(S1, SLIDE.draw, 'l'), firstAnswer(SLIDE.draw), { now: NOW }),
    );
    const removed = db(studentAuth('r'));
    denied(
      'removed',
      removed.write(paths.response(S1, SLIDE.draw, 'r'), firstAnswer(SLIDE.draw), { now: NOW }),
    );
  });

  test('a student in the waiting room reads their own roster entry but answers nothing', () => {
    const data = setIn(fixtureData(), `sessions/${S1}/roster/b/waiting`, true);
    const waiting = db(ACTORS.otherStudent, data);
    denied(
      'waiting',
      waiting.write(paths.response(S1, SLIDE.num, 'b'), firstAnswer(SLIDE.num), { now: NOW }),
    );
    assert.equal(waiting.read(`sessions/${S1}/roster/b`, NOW).allowed, true, 'sees being admitted');
    const admitted = db(
      ACTORS.otherStudent,
      setIn(fixtureData(), `sessions/${S1}/roster/b/waiting`, null),
    );
    allowed(
      'admitted',
      admitted.write(paths.response(S1, SLIDE.num, 'b'), firstAnswer(SLIDE.num), { now: NOW }),
    );
  });

  test("nobody writes another student's answer, in this session or another", () => {
    denied('b for a', write(SLIDE.mc, newRevision(), db(ACTORS.otherStudent)));
    denied('other teacher', write(SLIDE.mc, newRevision(), db(ACTORS.otherTeacher)));
    denied('anonymous', write(SLIDE.mc, newRevision(), db(null)));
  });

  test('revisions: a new answerId counts one up; a resend of the current one changes nothing', () => {
    allowed('next revision', write(SLIDE.mc, newRevision()));
    denied('skipping a count', write(SLIDE.mc, newRevision({ revisions: 3 })));
    denied('not counting', write(SLIDE.mc, newRevision({ revisions: 1 })));
    const stored = JSON.parse(JSON.stringify(fixtureData())) as Data;
    const current = (stored.sessions as Data)[S1] as {
      responses: Record<string, Record<string, ResponseNode>>;
    };
    const resend = current.responses[SLIDE.mc]!.a!;
    allowed('resend of the current answer', write(SLIDE.mc, resend));
    denied('resend with a new time', write(SLIDE.mc, { ...resend, submittedAt: NOW }));
  });

  test('an earlier answerId cannot come back, and the revision cap holds', () => {
    const data = fixtureData();
    setIn(data, `${paths.response(S1, SLIDE.mc, 'a')}/answerIds/answer-a-0`, true);
    denied(
      'an old answerId',
      write(
        SLIDE.mc,
        newRevision({
          answerId: 'answer-a-0',
          answerIds: { 'answer-a-0': true, 'answer-a-1': true },
        }),
        db(ACTORS.ownStudent, data),
      ),
    );
    const capped = setIn(fixtureData(), `${paths.response(S1, SLIDE.mc, 'a')}/revisions`, 50);
    denied(
      'a 51st revision',
      write(SLIDE.mc, newRevision({ revisions: 51 }), db(ACTORS.ownStudent, capped)),
    );
  });

  test('times come from the server and moderation stays the teacher’s', () => {
    denied('a made-up submittedAt', write(SLIDE.mc, newRevision({ submittedAt: NOW - 5 })));
    denied('a changed firstSubmittedAt', write(SLIDE.mc, newRevision({ firstSubmittedAt: NOW })));
    denied('unhiding', write(SLIDE.mc, newRevision({ hidden: true })));
    denied('an extra field', write(SLIDE.mc, { ...newRevision(), score: 100 }));
    denied('deleting it', write(SLIDE.mc, null));
    allowed(
      'the teacher hides it',
      db(ACTORS.teacher).write(`${paths.response(S1, SLIDE.mc, 'a')}/hidden`, true, { now: NOW }),
    );
  });

  test('a server timestamp is resolved before the rules see it', () => {
    allowed(
      'submittedAt as {.sv: timestamp}',
      write(SLIDE.mc, newRevision({ submittedAt: { '.sv': 'timestamp' } as unknown as number })),
    );
  });
});

describe("presence: a student's own, and only as the transport writes it", () => {
  const write = (value: unknown, actor: object = ACTORS.ownStudent) =>
    db(actor).write(paths.presence(S1, 'a'), value, { now: NOW });
  test('connected now and gone are accepted', () => {
    assert.equal(
      write({ status: 'connected', lastSeenAt: NOW, transport: 'firebase' }).allowed,
      true,
    );
    assert.equal(write({ status: 'gone', lastSeenAt: NOW, transport: 'firebase' }).allowed, true);
  });
  test('other states, times, transports and fields are refused', () => {
    for (const value of [
      { status: 'reconnecting', lastSeenAt: NOW, transport: 'firebase' },
      { status: 'connected', lastSeenAt: NOW - 1, transport: 'firebase' },
      { status: 'connected', lastSeenAt: NOW, transport: 'websocket' },
      { status: 'connected', lastSeenAt: NOW, transport: 'firebase', extra: 1 },
      { status: 'connected', lastSeenAt: NOW },
    ])
      assert.equal(write(value).allowed, false, JSON.stringify(value));
  });
  test('the round trip the browser measured may be added, as a plausible number only', () => {
    const connected = { status: 'connected', lastSeenAt: NOW, transport: 'firebase' };
    const withPresence = (actor: object) =>
      db(actor, setIn(fixtureData(), paths.presence(S1, 'a'), connected));
    const rtt = (actor: object, value: unknown) =>
      withPresence(actor).write(`${paths.presence(S1, 'a')}/rttMs`, value, { now: NOW });
    assert.equal(write({ ...connected, rttMs: 42 }).allowed, true);
    assert.equal(rtt(ACTORS.ownStudent, 37).allowed, true);
    assert.equal(rtt(ACTORS.otherStudent, 37).allowed, false, "another student's presence");
    for (const value of [-1, 60_001, 'fast', true])
      assert.equal(rtt(ACTORS.ownStudent, value).allowed, false, JSON.stringify(value));
  });
});
