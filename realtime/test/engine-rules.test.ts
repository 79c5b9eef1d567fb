/**
 * One test (or a small table of them) per session rule of the engine. Every refusal is checked
 * with `refused`, which also asserts that the state did not change.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LIMITS,
  type Answer,
  type PublicSlideView,
  type SessionState,
  type TeacherCommand,
} from '../src/protocol/index.ts';
import {
  apply,
  decide,
  isLateJoin,
  publicSessionView,
  responseCounts,
  slideResults,
  studentSelfView,
  type EngineCommand,
  type Envelope,
} from '../src/engine/index.ts';
import {
  JOIN_CODE,
  OTHER_TEACHER_ID,
  SESSION_ID,
  SLIDE,
  SLIDE_IDS,
  T0,
  TEACHER_ID,
  accept,
  asTeacher,
  createCmd,
  deck,
  envelope,
  expireCmd,
  joinCmd,
  navigateCmd,
  newAnswerId,
  newSession,
  noop,
  openSlide,
  otherAnswer,
  refused,
  ruleEvents,
  run,
  sampleTeacherCommands,
  sessionWithStudents,
  slideIndex,
  studentActor,
  submitCmd,
  systemActor,
  teacherActor,
  validAnswer,
} from './support/engine-fixtures.ts';

const t = (ms: number): number => T0 + ms;

function publicSlide(state: SessionState, slideId: string): PublicSlideView | undefined {
  return publicSessionView(state).slides.find((s) => s.id === slideId);
}

function response(state: SessionState, slideId: string, studentId: string) {
  return state.responses[slideId]?.[studentId];
}

/** A lone UTF-16 surrogate (half of a split emoji). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// =============================================================================================

/** A one-slide single-choice deck with options a and b and the given correct answers. */
function singleChoiceDeck(correctOptionIds: string[]) {
  return {
    title: 'Quiz',
    slides: [
      {
        id: 'q',
        question: {
          kind: 'multiple-choice',
          prompt: 'Pick',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
          correctOptionIds,
        },
      },
    ],
  };
}

describe('createSession', () => {
  it('creates a live session from a valid deck', () => {
    const result = accept(null, createCmd({ pacing: 'instructor', latePolicy: 'next-slide' }), T0);
    assert.equal(result.duplicate, false);
    assert.deepEqual(
      ruleEvents(result).map((e) => e.type),
      ['sessionCreated'],
    );
    const state = result.state;
    assert.equal(state.id, SESSION_ID);
    assert.equal(state.joinCode, JOIN_CODE);
    assert.equal(state.teacherId, TEACHER_ID, 'the teacher comes from the actor');
    assert.equal(state.status, 'live');
    assert.equal(state.createdAt, T0);
    assert.equal(state.endedAt, null);
    assert.equal(state.currentSlideIndex, 0);
    assert.equal(state.furthestSlideIndex, 0);
    assert.equal(state.seq, 1);
    assert.deepEqual(state.settings, { pacing: 'instructor', latePolicy: 'next-slide' });
    assert.deepEqual(state.deck, deck);
    assert.deepEqual(state.students, {});
    assert.deepEqual(state.responses, {});
    assert.deepEqual(Object.keys(state.slides), SLIDE_IDS);
    for (const [id, runtime] of Object.entries(state.slides)) {
      assert.deepEqual(runtime, {
        opened: id === SLIDE.intro,
        locked: false,
        deadline: null,
        reveal: 'hidden',
        correctRevealed: false,
        // The time it was first shown: quiz mode's speed bonus counts from it.
        ...(id === SLIDE.intro ? { openedAt: T0 } : {}),
      });
    }
  });

  it('applies deck defaults and normalizes the join code', () => {
    const minimal = { title: '  Quiz  ', slides: [{ id: 'one' }] };
    const state = accept(null, createCmd({}, { deck: minimal, joinCode: 'abc234' }), T0).state;
    assert.equal(state.deck.title, 'Quiz');
    assert.deepEqual(state.deck.slides, [{ id: 'one', title: '', body: '' }]);
    assert.equal(state.joinCode, 'ABC234');
  });

  it('copies the deck, so changing the command afterwards does not change the session', () => {
    const env = createCmd();
    const state = accept(null, env, T0).state;
    if (env.command.type !== 'createSession') assert.fail('not a createSession command');
    env.command.deck.slides.pop();
    assert.equal(state.deck.slides.length, deck.slides.length);
  });

  const badDecks: Array<[string, unknown]> = [
    ['without a title', { title: '   ', slides: [{ id: 'one' }] }],
    ['without slides', { title: 'Quiz', slides: [] }],
    ['with duplicate slide ids', { title: 'Quiz', slides: [{ id: 'x' }, { id: 'x' }] }],
    ['with a slide id that is not an id', { title: 'Quiz', slides: [{ id: 'not an id' }] }],
    ['with a correct answer that is not an option', singleChoiceDeck(['z'])],
    ['with two correct answers on a single-choice question', singleChoiceDeck(['a', 'b'])],
    [
      'with a number question whose max is below its min',
      {
        title: 'Quiz',
        slides: [{ id: 'q', question: { kind: 'number', prompt: 'N', min: 5, max: 1 } }],
      },
    ],
    [
      'with an image that is not https',
      {
        title: 'Quiz',
        slides: [
          {
            id: 'q',
            question: {
              kind: 'pin-on-image',
              prompt: 'P',
              imageUrl: 'http://x/y.png',
              imageAlt: 'alt',
            },
          },
        ],
      },
    ],
    [
      'with too many slides',
      {
        title: 'Quiz',
        slides: Array.from({ length: LIMITS.slidesMax + 1 }, (_, i) => ({ id: `s${i}` })),
      },
    ],
    ['that is not an object', 'a deck'],
  ];
  for (const [name, bad] of badDecks) {
    it(`refuses a deck ${name}`, () => {
      refused(null, createCmd({}, { deck: bad }), T0, 'bad_request');
    });
  }

  it('refuses an invalid session id or join code', () => {
    refused(null, createCmd({}, { sessionId: 'has spaces' }), T0, 'bad_request');
    refused(null, createCmd({}, { joinCode: 'ABC' }), T0, 'bad_request');
    refused(null, createCmd({}, { joinCode: 'ABC10O' }), T0, 'bad_request');
  });

  it('refuses a creator who is not a teacher', () => {
    refused(null, createCmd({}, { actor: studentActor('s1') }), T0, 'forbidden');
    refused(null, createCmd({}, { actor: systemActor }), T0, 'forbidden');
  });

  it('refuses to create a session that already exists', () => {
    const state = newSession();
    refused(state, createCmd(), t(1), 'invalid_state');
  });

  it('refuses every other command without a session', () => {
    refused(null, joinCmd('s1', 'Sam'), T0, 'session_not_found');
    refused(null, asTeacher({ type: 'endSession' }), T0, 'session_not_found');
    refused(null, expireCmd(SLIDE.mc), T0, 'session_not_found');
  });
});

// =============================================================================================

describe('join', () => {
  it('adds a new student at the current slide', () => {
    const state = newSession();
    run(state, asTeacher({ type: 'goToSlide', slideIndex: 2 }), t(1));
    const result = accept(state, joinCmd('s1', 'Sam'), t(2));
    assert.equal(result.state, state, 'the state is changed in place');
    assert.deepEqual(ruleEvents(result), [
      {
        type: 'studentJoined',
        student: {
          id: 's1',
          name: 'Sam',
          joinedAt: t(2),
          removed: false,
          firstAnswerableIndex: 0,
          position: 2,
        },
      },
    ]);
    assert.deepEqual(state.students.s1, {
      id: 's1',
      name: 'Sam',
      joinedAt: t(2),
      removed: false,
      firstAnswerableIndex: 0,
      position: 2,
    });
    assert.equal(state.seq, 3);
  });

  it('trims the name and collapses inner whitespace', () => {
    const state = newSession();
    run(state, joinCmd('s1', '   Sam \t\n  Lee   '), t(1));
    assert.equal(state.students.s1?.name, 'Sam Lee');
  });

  it('disambiguates duplicate names case-insensitively: "Sam", "Sam (2)", "Sam (3)"', () => {
    const state = newSession();
    run(state, joinCmd('s1', 'Sam'), t(1));
    run(state, joinCmd('s2', 'Sam'), t(2));
    run(state, joinCmd('s3', 'sam'), t(3));
    run(state, joinCmd('s4', ' SAM '), t(4));
    assert.equal(state.students.s1?.name, 'Sam');
    assert.equal(state.students.s2?.name, 'Sam (2)');
    assert.equal(state.students.s3?.name, 'sam (3)');
    assert.equal(state.students.s4?.name, 'SAM (4)');
  });

  it('keeps disambiguated names within the name limit', () => {
    const state = newSession();
    const long = 'A'.repeat(LIMITS.studentNameMax);
    run(state, joinCmd('s1', long), t(1));
    run(state, joinCmd('s2', long), t(2));
    const name = state.students.s2?.name ?? '';
    assert.equal(name.length, LIMITS.studentNameMax);
    assert.ok(name.endsWith(' (2)'));
    assert.notEqual(name.toLowerCase(), long.toLowerCase());
  });

  it('never splits a character when shortening a name to disambiguate it', () => {
    const state = newSession();
    const name = `a${'😀'.repeat(19)}`; // 39 UTF-16 code units
    assert.ok(name.length <= LIMITS.studentNameMax);
    run(state, joinCmd('s1', name), t(1));
    run(state, joinCmd('s2', name), t(2));
    const second = state.students.s2?.name ?? '';
    assert.ok(second.endsWith(' (2)'));
    assert.ok(second.length <= LIMITS.studentNameMax);
    assert.doesNotMatch(
      second,
      LONE_SURROGATE,
      `"${JSON.stringify(second)}" contains half of a surrogate pair`,
    );
  });

  it('keeps a removed student’s name out until the teacher lets them back in', () => {
    const state = newSession();
    run(state, joinCmd('s1', 'Sam'), t(1));
    run(state, asTeacher({ type: 'removeStudent', studentId: 's1' }), t(2));
    refused(state, joinCmd('s2', 'Sam'), t(3), 'student_removed');
    run(state, asTeacher({ type: 'readmitStudent', studentId: 's1' }), t(4));
    run(state, joinCmd('s2', 'Sam'), t(5));
    assert.equal(
      state.students.s2?.name,
      'Sam (2)',
      'Sam is back in, so the newcomer is told apart',
    );
  });

  const invalidNames: Array<[string, string]> = [
    ['empty', ''],
    ['only whitespace', ' \t\n '],
    ['too long', 'x'.repeat(LIMITS.studentNameMax + 1)],
    ['with a NUL character', 'Sa\u0000m'],
    ['with a bell character', 'Sam\u0007'],
    ['with DEL', 'Sam\u007f'],
    ['with a C1 control character', 'Sam\u0085'],
  ];
  for (const [label, name] of invalidNames) {
    it(`refuses a name that is ${label}`, () => {
      const state = newSession();
      refused(state, joinCmd('s1', name), t(1), 'bad_request');
    });
  }

  it('refuses a second join of the same student', () => {
    const state = sessionWithStudents(1);
    refused(state, joinCmd('s1', 'Again'), t(10), 'invalid_state');
  });

  it('refuses a removed student who tries to join again', () => {
    const state = sessionWithStudents(1);
    run(state, asTeacher({ type: 'removeStudent', studentId: 's1' }), t(10));
    refused(state, joinCmd('s1', 'Student 1'), t(11), 'student_removed');
    refused(state, joinCmd('s1', 'Someone else'), t(12), 'student_removed');
  });
});

// =============================================================================================

describe('late joins', () => {
  describe('isLateJoin', () => {
    it('is false in a fresh session', () => {
      assert.equal(isLateJoin(newSession()), false);
      assert.equal(
        isLateJoin(sessionWithStudents(3)),
        false,
        'joining alone does not start the class',
      );
    });

    it('becomes true once the teacher moved past the first slide, even after going back', () => {
      const state = newSession();
      run(state, asTeacher({ type: 'goToSlide', slideIndex: 1 }), t(1));
      assert.equal(isLateJoin(state), true);
      run(state, asTeacher({ type: 'goToSlide', slideIndex: 0 }), t(2));
      assert.equal(isLateJoin(state), true);
    });

    it('becomes true once anyone answered', () => {
      const state = sessionWithStudents(1, { pacing: 'student' });
      assert.equal(isLateJoin(state), false);
      run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(10));
      assert.equal(state.furthestSlideIndex, 0);
      assert.equal(isLateJoin(state), true);
    });
  });

  it('allow: a late student joins and may answer every slide', () => {
    const state = newSession({ latePolicy: 'allow' });
    openSlide(state, SLIDE.mc, t(1));
    openSlide(state, SLIDE.mcm, t(2));
    run(state, joinCmd('s1', 'Late'), t(3));
    assert.equal(state.students.s1?.firstAnswerableIndex, 0);
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(4));
    run(state, submitCmd('s1', SLIDE.mcm, newAnswerId()), t(5));
  });

  it('deny: an early student joins, a late one is refused', () => {
    const state = newSession({ latePolicy: 'deny' });
    run(state, joinCmd('s1', 'Early'), t(1));
    assert.equal(state.students.s1?.firstAnswerableIndex, 0);
    openSlide(state, SLIDE.mc, t(2));
    refused(state, joinCmd('s2', 'Late'), t(3), 'late_join_denied');
  });

  it('deny: a join after the first answer is late even on the first slide', () => {
    const state = newSession({ latePolicy: 'deny', pacing: 'student' });
    run(state, joinCmd('s1', 'Early'), t(1));
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(2));
    refused(state, joinCmd('s2', 'Late'), t(3), 'late_join_denied');
  });

  it('next-slide: an early student may answer from the start', () => {
    const state = newSession({ latePolicy: 'next-slide' });
    run(state, joinCmd('s1', 'Early'), t(1));
    assert.equal(state.students.s1?.firstAnswerableIndex, 0);
  });

  it('next-slide: a late student sees the current slide but answers only from the next one', () => {
    const state = newSession({ latePolicy: 'next-slide' });
    openSlide(state, SLIDE.mc, t(1));
    openSlide(state, SLIDE.mcm, t(2));
    run(state, joinCmd('s1', 'Late'), t(3));
    const late = state.students.s1;
    assert.equal(late?.firstAnswerableIndex, slideIndex(SLIDE.mcm) + 1);
    assert.equal(late?.position, slideIndex(SLIDE.mcm));
    assert.ok(publicSlide(state, SLIDE.mcm), 'the current slide is visible');
    refused(state, submitCmd('s1', SLIDE.mcm, newAnswerId()), t(4), 'slide_not_open');
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(5), 'slide_not_open');
    openSlide(state, SLIDE.text, t(6));
    run(state, submitCmd('s1', SLIDE.text, newAnswerId()), t(7));
  });

  it('setLatePolicy changes the policy; the same policy again is a no-op', () => {
    const state = newSession({ latePolicy: 'allow' });
    const result = accept(state, asTeacher({ type: 'setLatePolicy', latePolicy: 'deny' }), t(1));
    assert.deepEqual(ruleEvents(result), [{ type: 'latePolicyChanged', latePolicy: 'deny' }]);
    assert.equal(state.settings.latePolicy, 'deny');
    noop(state, asTeacher({ type: 'setLatePolicy', latePolicy: 'deny' }), t(2));
    openSlide(state, SLIDE.mc, t(3));
    refused(state, joinCmd('s1', 'Late'), t(4), 'late_join_denied');
    run(state, asTeacher({ type: 'setLatePolicy', latePolicy: 'allow' }), t(5));
    run(state, joinCmd('s1', 'Late'), t(6));
  });
});

// =============================================================================================

describe('pacing', () => {
  it('instructor-paced: students cannot navigate', () => {
    const state = sessionWithStudents(1);
    refused(state, navigateCmd('s1', 1), t(10), 'invalid_state');
  });

  it('instructor-paced: students see only the current slide', () => {
    const state = sessionWithStudents(1);
    openSlide(state, SLIDE.mc, t(10));
    const view = publicSessionView(state);
    assert.equal(view.pacing, 'instructor');
    assert.equal(view.slideCount, deck.slides.length);
    assert.deepEqual(
      view.slides.map((s) => s.id),
      [SLIDE.mc],
    );
    assert.equal(view.slides[0]?.index, slideIndex(SLIDE.mc));
  });

  it('instructor-paced: a slide the teacher never showed cannot be answered, a shown one can', () => {
    const state = sessionWithStudents(1);
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(10), 'slide_not_open');
    openSlide(state, SLIDE.mc, t(11));
    openSlide(state, SLIDE.mcm, t(12));
    // The class moved on; an answer to the slide shown before (e.g. queued offline) still counts.
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(13));
    run(state, submitCmd('s1', SLIDE.mcm, newAnswerId()), t(14));
    refused(state, submitCmd('s1', SLIDE.text, newAnswerId()), t(15), 'slide_not_open');
  });

  it("a slide's image reaches students, its speaker notes never do", () => {
    const withImage = structuredClone(deck);
    withImage.slides[0] = {
      ...withImage.slides[0]!,
      image: {
        url: `/uploads/${'a'.repeat(64)}.png`,
        alt: 'A map of Europe',
        width: 1600,
        height: 900,
      },
      notes: 'SECRET-NOTES: ask about the Alps first',
    };
    const { state } = accept(null, createCmd({ pacing: 'student' }, { deck: withImage }), T0);
    const view = publicSessionView(state);
    assert.deepEqual(view.slides[0]?.image, withImage.slides[0].image);
    assert.ok(!JSON.stringify(view).includes('SECRET-NOTES'));
  });

  it('student-paced: every slide is visible and answerable', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    const view = publicSessionView(state);
    assert.equal(view.pacing, 'student');
    assert.deepEqual(
      view.slides.map((s) => s.id),
      SLIDE_IDS,
    );
    assert.deepEqual(
      view.slides.map((s) => s.index),
      SLIDE_IDS.map((_, i) => i),
    );
    run(state, submitCmd('s1', SLIDE.pin, newAnswerId()), t(10));
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(11));
  });

  it('student-paced: navigate moves only that student; the same slide is a no-op', () => {
    const state = sessionWithStudents(2, { pacing: 'student' });
    const result = accept(state, navigateCmd('s1', 4), t(10));
    assert.deepEqual(ruleEvents(result), [
      { type: 'studentNavigated', studentId: 's1', position: 4 },
    ]);
    assert.equal(state.students.s1?.position, 4);
    assert.equal(state.students.s2?.position, 0);
    assert.equal(state.currentSlideIndex, 0, 'navigation does not move the class');
    noop(state, navigateCmd('s1', 4), t(11));
    run(state, navigateCmd('s1', 0), t(12));
    assert.equal(state.students.s1?.position, 0);
  });

  it('student-paced: navigating past the last slide is refused', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    refused(state, navigateCmd('s1', deck.slides.length), t(10), 'slide_not_found');
    run(state, navigateCmd('s1', deck.slides.length - 1), t(11));
  });

  it('student-paced: navigating to a negative or fractional slide index is refused', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    const before = structuredClone(state);
    for (const slideIndexValue of [-1, 1.5]) {
      const result = apply(state, navigateCmd('s1', slideIndexValue), t(10));
      assert.equal(
        result.ok,
        false,
        `navigate to ${slideIndexValue} was accepted; position is now ${state.students.s1?.position}`,
      );
    }
    assert.deepEqual(state, before);
  });

  it('navigate: unknown and removed students are refused', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    refused(state, navigateCmd('nobody', 1), t(10), 'student_not_found');
    run(state, asTeacher({ type: 'removeStudent', studentId: 's1' }), t(11));
    refused(state, navigateCmd('s1', 1), t(12), 'student_removed');
  });

  it('switching to student pacing starts every student at the class position', () => {
    const state = sessionWithStudents(2);
    openSlide(state, SLIDE.text, t(10));
    run(state, asTeacher({ type: 'setPacing', pacing: 'student' }), t(11));
    assert.equal(state.settings.pacing, 'student');
    assert.equal(state.students.s1?.position, slideIndex(SLIDE.text));
    assert.equal(state.students.s2?.position, slideIndex(SLIDE.text));
    noop(state, asTeacher({ type: 'setPacing', pacing: 'student' }), t(12));
    run(state, navigateCmd('s1', 8), t(13));
    // Back to instructor pacing and to student pacing again: everyone restarts from the class.
    run(state, asTeacher({ type: 'setPacing', pacing: 'instructor' }), t(14));
    refused(state, navigateCmd('s1', 2), t(15), 'invalid_state');
    run(state, asTeacher({ type: 'setPacing', pacing: 'student' }), t(16));
    assert.equal(state.students.s1?.position, slideIndex(SLIDE.text));
  });

  it('a slide answered under student pacing stays visible after switching back to instructor pacing', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    run(state, submitCmd('s1', SLIDE.pin, newAnswerId()), t(10));
    run(state, asTeacher({ type: 'setPacing', pacing: 'instructor' }), t(11));
    // SlideRuntime.opened is documented as "always true in student-paced sessions"; a slide the
    // students could see and answer must not become unseen (with stored answers on it).
    assert.equal(
      state.slides[SLIDE.pin]?.opened,
      true,
      'slide answered under student pacing is not marked opened',
    );
  });

  it('students joining a student-paced session start at the class position', () => {
    const state = newSession({ pacing: 'student' });
    run(state, asTeacher({ type: 'goToSlide', slideIndex: 3 }), t(1));
    run(state, joinCmd('s1', 'Sam'), t(2));
    assert.equal(state.students.s1?.position, 3);
  });
});

// =============================================================================================

describe('goToSlide', () => {
  it('moves the class, opens the slide and records the furthest slide', () => {
    const state = newSession();
    const result = accept(state, asTeacher({ type: 'goToSlide', slideIndex: 3 }), t(1));
    assert.deepEqual(ruleEvents(result), [{ type: 'slideChanged', slideIndex: 3, at: t(1) }]);
    assert.equal(state.currentSlideIndex, 3);
    assert.equal(state.furthestSlideIndex, 3);
    assert.equal(state.slides[SLIDE.text]?.opened, true);
    assert.equal(state.slides[SLIDE.mc]?.opened, false, 'skipped slides are not opened');
    run(state, asTeacher({ type: 'goToSlide', slideIndex: 1 }), t(2));
    assert.equal(state.currentSlideIndex, 1);
    assert.equal(state.furthestSlideIndex, 3, 'going back keeps the furthest slide');
    assert.equal(state.slides[SLIDE.mc]?.opened, true);
  });

  it('the current slide again is a no-op', () => {
    const state = newSession();
    noop(state, asTeacher({ type: 'goToSlide', slideIndex: 0 }), t(1));
  });

  it('refuses a slide index past the deck, and one outside the protocol bounds', () => {
    const state = newSession();
    refused(
      state,
      asTeacher({ type: 'goToSlide', slideIndex: deck.slides.length }),
      t(1),
      'slide_not_found',
    );
    refused(state, asTeacher({ type: 'goToSlide', slideIndex: -1 }), t(2), 'bad_request');
    refused(state, asTeacher({ type: 'goToSlide', slideIndex: 1.5 }), t(3), 'bad_request');
  });
});

// =============================================================================================

describe('lock and unlock', () => {
  it('a locked slide refuses answers and edits; unlocking reopens it', () => {
    const state = sessionWithStudents(2);
    openSlide(state, SLIDE.mc, t(10));
    const first = newAnswerId();
    run(state, submitCmd('s1', SLIDE.mc, first), t(11));
    const result = accept(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), t(12));
    assert.deepEqual(ruleEvents(result), [
      { type: 'slideLockChanged', slideId: SLIDE.mc, locked: true },
    ]);
    assert.equal(state.slides[SLIDE.mc]?.locked, true);
    assert.equal(publicSlide(state, SLIDE.mc)?.locked, true);
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(13), 'slide_locked');
    refused(
      state,
      submitCmd('s1', SLIDE.mc, newAnswerId(), otherAnswer(SLIDE.mc)),
      t(14),
      'slide_locked',
    );
    assert.equal(response(state, SLIDE.mc, 's1')?.answerId, first);
    run(state, asTeacher({ type: 'unlockSlide', slideId: SLIDE.mc }), t(15));
    assert.equal(state.slides[SLIDE.mc]?.locked, false);
    run(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(16));
  });

  it('locking a locked slide and unlocking an open one are no-ops', () => {
    const state = newSession();
    noop(state, asTeacher({ type: 'unlockSlide', slideId: SLIDE.mc }), t(1));
    run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), t(2));
    noop(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), t(3));
  });

  it('a slide can be locked before it is shown', () => {
    const state = sessionWithStudents(1);
    run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.num }), t(10));
    openSlide(state, SLIDE.num, t(11));
    refused(state, submitCmd('s1', SLIDE.num, newAnswerId()), t(12), 'slide_locked');
  });

  it('refuses unknown slides', () => {
    const state = newSession();
    refused(state, asTeacher({ type: 'lockSlide', slideId: 'nope' }), t(1), 'slide_not_found');
    refused(state, asTeacher({ type: 'unlockSlide', slideId: 'nope' }), t(1), 'slide_not_found');
  });
});

// =============================================================================================

describe('timer', () => {
  function timedSession() {
    const state = sessionWithStudents(3);
    openSlide(state, SLIDE.mc, t(10));
    // deadline = t(1_000) + 5_000 = t(6_000)
    const result = accept(
      state,
      asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: 5_000 }),
      t(1_000),
    );
    assert.deepEqual(ruleEvents(result), [
      { type: 'timerStarted', slideId: SLIDE.mc, deadline: t(6_000), at: t(1_000) },
    ]);
    return state;
  }

  it('sets a server deadline shown to students', () => {
    const state = timedSession();
    assert.equal(state.slides[SLIDE.mc]?.deadline, t(6_000));
    assert.equal(state.slides[SLIDE.mc]?.locked, false);
    assert.equal(publicSlide(state, SLIDE.mc)?.deadline, t(6_000));
  });

  it('accepts answers before the deadline and refuses them at and after it, before expireTimer', () => {
    const state = timedSession();
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(5_999));
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(6_000), 'slide_locked');
    refused(state, submitCmd('s3', SLIDE.mc, newAnswerId()), t(60_000), 'slide_locked');
    refused(
      state,
      submitCmd('s1', SLIDE.mc, newAnswerId(), otherAnswer(SLIDE.mc)),
      t(6_001),
      'slide_locked',
    );
  });

  it('expireTimer before the deadline is a no-op; at the deadline it locks the slide', () => {
    const state = timedSession();
    noop(state, expireCmd(SLIDE.mc), t(5_999));
    const result = accept(state, expireCmd(SLIDE.mc), t(6_000));
    assert.deepEqual(ruleEvents(result), [{ type: 'timerExpired', slideId: SLIDE.mc }]);
    assert.equal(state.slides[SLIDE.mc]?.locked, true);
    assert.equal(state.slides[SLIDE.mc]?.deadline, null);
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(6_001), 'slide_locked');
    noop(state, expireCmd(SLIDE.mc), t(7_000));
  });

  it('a late expireTimer still locks', () => {
    const state = timedSession();
    run(state, expireCmd(SLIDE.mc), t(600_000));
    assert.equal(state.slides[SLIDE.mc]?.locked, true);
  });

  it('expireTimer after cancelTimer is a stale no-op and the slide stays open', () => {
    const state = timedSession();
    const result = accept(state, asTeacher({ type: 'cancelTimer', slideId: SLIDE.mc }), t(2_000));
    assert.deepEqual(ruleEvents(result), [{ type: 'timerCancelled', slideId: SLIDE.mc }]);
    assert.equal(state.slides[SLIDE.mc]?.deadline, null);
    noop(state, expireCmd(SLIDE.mc), t(6_000));
    assert.equal(state.slides[SLIDE.mc]?.locked, false);
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(6_500));
  });

  it('expireTimer of a restarted timer is a stale no-op until the new deadline', () => {
    const state = timedSession();
    run(state, asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: 10_000 }), t(3_000)); // → t(13_000)
    assert.equal(state.slides[SLIDE.mc]?.deadline, t(13_000));
    noop(state, expireCmd(SLIDE.mc), t(6_000));
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(12_999));
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(13_000), 'slide_locked');
    run(state, expireCmd(SLIDE.mc), t(13_000));
    assert.equal(state.slides[SLIDE.mc]?.locked, true);
  });

  it('startTimer reopens a locked slide until the deadline', () => {
    const state = sessionWithStudents(1);
    openSlide(state, SLIDE.mc, t(10));
    run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), t(20));
    run(state, asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: 1_000 }), t(30));
    assert.equal(state.slides[SLIDE.mc]?.locked, false);
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(1_029));
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(1_030), 'slide_locked');
  });

  it('lockSlide during a timer locks now and drops the deadline; a later expireTimer is a no-op', () => {
    const state = timedSession();
    run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), t(2_000));
    assert.deepEqual(
      { locked: state.slides[SLIDE.mc]?.locked, deadline: state.slides[SLIDE.mc]?.deadline },
      { locked: true, deadline: null },
    );
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(2_001), 'slide_locked');
    noop(state, expireCmd(SLIDE.mc), t(6_000));
  });

  it('unlockSlide during a timer removes the deadline', () => {
    const state = timedSession();
    run(state, asTeacher({ type: 'unlockSlide', slideId: SLIDE.mc }), t(2_000));
    assert.equal(state.slides[SLIDE.mc]?.deadline, null);
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(10_000));
    noop(state, expireCmd(SLIDE.mc), t(10_000));
  });

  it('cancelTimer after the deadline has passed does not reopen the slide', () => {
    const state = timedSession();
    // The deadline passed at t(6_000) but the expireTimer wake-up has not arrived yet.
    accept(state, asTeacher({ type: 'cancelTimer', slideId: SLIDE.mc }), t(7_000));
    const result = apply(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(7_001));
    assert.equal(
      result.ok,
      false,
      'an answer after the deadline was accepted because cancelTimer came late',
    );
  });

  it('cancelTimer without a timer is a no-op; unknown slides are refused', () => {
    const state = newSession();
    noop(state, asTeacher({ type: 'cancelTimer', slideId: SLIDE.mc }), t(1));
    refused(state, asTeacher({ type: 'cancelTimer', slideId: 'nope' }), t(1), 'slide_not_found');
    refused(
      state,
      asTeacher({ type: 'startTimer', slideId: 'nope', durationMs: 5_000 }),
      t(1),
      'slide_not_found',
    );
    refused(state, expireCmd('nope'), t(1), 'slide_not_found');
  });

  it('refuses durations outside the protocol bounds', () => {
    const state = newSession();
    refused(
      state,
      asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: LIMITS.timerMsMin - 1 }),
      t(1),
      'bad_request',
    );
    refused(
      state,
      asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: LIMITS.timerMsMax + 1 }),
      t(1),
      'bad_request',
    );
    run(
      state,
      asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: LIMITS.timerMsMin }),
      t(1),
    );
  });
});

// =============================================================================================

describe('submit and edit', () => {
  it('stores a first answer with its times and ids', () => {
    const state = sessionWithStudents(1);
    openSlide(state, SLIDE.mc, t(10));
    const id = newAnswerId();
    const seq = state.seq;
    const result = accept(
      state,
      submitCmd('s1', SLIDE.mc, id, validAnswer(SLIDE.mc), 12345),
      t(20),
    );
    assert.equal(result.duplicate, false);
    assert.deepEqual(ruleEvents(result), [
      {
        type: 'answerSubmitted',
        slideId: SLIDE.mc,
        studentId: 's1',
        answerId: id,
        answer: validAnswer(SLIDE.mc),
        at: t(20),
        clientCreatedAt: 12345,
      },
    ]);
    assert.deepEqual(response(state, SLIDE.mc, 's1'), {
      answerId: id,
      answer: validAnswer(SLIDE.mc),
      firstSubmittedAt: t(20),
      submittedAt: t(20),
      clientCreatedAt: 12345,
      hidden: false,
      answerIds: [id],
    });
    assert.equal(state.seq, seq + 1);
    assert.deepEqual(responseCounts(state)[SLIDE.mc], 1);
  });

  it('stores a missing clientCreatedAt as null and the parsed (trimmed) answer', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    run(
      state,
      submitCmd('s1', SLIDE.text, newAnswerId(), { kind: 'short-text', text: '  Hi there  ' }),
      t(10),
    );
    const stored = response(state, SLIDE.text, 's1');
    assert.equal(stored?.clientCreatedAt, null);
    assert.deepEqual(stored?.answer, { kind: 'short-text', text: 'Hi there' });
  });

  it('an edit replaces the answer, keeps the first submission time and remembers every answerId', () => {
    const state = sessionWithStudents(1);
    openSlide(state, SLIDE.mc, t(10));
    const first = newAnswerId();
    const second = newAnswerId();
    run(state, submitCmd('s1', SLIDE.mc, first), t(20));
    run(state, submitCmd('s1', SLIDE.mc, second, otherAnswer(SLIDE.mc)), t(30));
    const stored = response(state, SLIDE.mc, 's1');
    assert.equal(stored?.answerId, second);
    assert.deepEqual(stored?.answer, otherAnswer(SLIDE.mc));
    assert.equal(stored?.firstSubmittedAt, t(20));
    assert.equal(stored?.submittedAt, t(30));
    assert.deepEqual(stored?.answerIds, [first, second]);
    assert.equal(responseCounts(state)[SLIDE.mc], 1, 'an edit does not add a response');
    assert.deepEqual(studentSelfView(state, 's1')?.responses[SLIDE.mc], {
      answerId: second,
      answer: otherAnswer(SLIDE.mc),
      submittedAt: t(30),
      hidden: false,
    });
  });

  describe('idempotent resubmission', () => {
    function answered() {
      const state = sessionWithStudents(1);
      openSlide(state, SLIDE.mc, t(10));
      const first = newAnswerId();
      const second = newAnswerId();
      run(state, submitCmd('s1', SLIDE.mc, first), t(20));
      run(state, submitCmd('s1', SLIDE.mc, second, otherAnswer(SLIDE.mc)), t(30));
      return { state, first, second };
    }

    function assertDuplicate(state: SessionState, env: Envelope, now: number): void {
      const before = structuredClone(state);
      const result = accept(state, env, now);
      assert.equal(result.duplicate, true);
      assert.deepEqual(ruleEvents(result), []);
      assert.deepEqual(state, before, 'a duplicate changes nothing (seq included)');
    }

    it('resending the current answerId is acknowledged as a duplicate', () => {
      const { state, second } = answered();
      assertDuplicate(state, submitCmd('s1', SLIDE.mc, second, otherAnswer(SLIDE.mc)), t(40));
    });

    it('resending an older answerId does not roll the answer back', () => {
      const { state, first, second } = answered();
      assertDuplicate(state, submitCmd('s1', SLIDE.mc, first), t(40));
      assert.equal(response(state, SLIDE.mc, 's1')?.answerId, second);
    });

    it('is acknowledged after the slide locked', () => {
      const { state, second } = answered();
      run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), t(40));
      assertDuplicate(state, submitCmd('s1', SLIDE.mc, second, otherAnswer(SLIDE.mc)), t(41));
    });

    it('is acknowledged after the deadline passed', () => {
      const { state, second } = answered();
      run(state, asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: 1_000 }), t(40));
      assertDuplicate(state, submitCmd('s1', SLIDE.mc, second, otherAnswer(SLIDE.mc)), t(5_000));
    });

    it('is acknowledged after the session ended', () => {
      const { state, first } = answered();
      run(state, asTeacher({ type: 'endSession' }), t(40));
      assertDuplicate(state, submitCmd('s1', SLIDE.mc, first), t(41));
    });

    it('is acknowledged after the teacher moved on and even under student pacing changes', () => {
      const { state, second } = answered();
      openSlide(state, SLIDE.pin, t(40));
      run(state, asTeacher({ type: 'setPacing', pacing: 'student' }), t(41));
      assertDuplicate(state, submitCmd('s1', SLIDE.mc, second, otherAnswer(SLIDE.mc)), t(42));
    });
  });

  it('answer_id_conflict: an answerId already used on another slide is refused', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    const id = newAnswerId();
    run(state, submitCmd('s1', SLIDE.mc, id), t(10));
    refused(state, submitCmd('s1', SLIDE.num, id), t(11), 'answer_id_conflict');
    assert.equal(response(state, SLIDE.num, 's1'), undefined);
  });

  it("answerIds are scoped to their student: reusing another student's id never touches their answer", () => {
    const state = sessionWithStudents(2, { pacing: 'student' });
    const id = newAnswerId();
    run(state, submitCmd('s1', SLIDE.mc, id), t(10));
    const before = structuredClone(response(state, SLIDE.mc, 's1'));
    run(state, submitCmd('s2', SLIDE.mc, id), t(11));
    assert.deepEqual(response(state, SLIDE.mc, 's1'), before);
    assert.deepEqual(response(state, SLIDE.mc, 's2')?.answerIds, [id]);
    const again = apply(state, submitCmd('s1', SLIDE.mc, id), t(12));
    assert.ok(again.ok && again.duplicate, "s1's resend is still recognised as its own duplicate");
  });

  it(`too_many_edits: at most ${LIMITS.answerRevisionsMax} revisions of one answer`, () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    for (let i = 0; i < LIMITS.answerRevisionsMax; i++) {
      run(
        state,
        submitCmd('s1', SLIDE.num, newAnswerId(), { kind: 'number', value: i }),
        t(10 + i),
      );
    }
    const stored = response(state, SLIDE.num, 's1');
    assert.equal(stored?.answerIds.length, LIMITS.answerRevisionsMax);
    refused(
      state,
      submitCmd('s1', SLIDE.num, newAnswerId(), { kind: 'number', value: 99 }),
      t(100),
      'too_many_edits',
    );
    // Resends of stored ids are still acknowledged, and other slides are not affected.
    const firstId = stored?.answerIds[0] ?? assert.fail('no first answerId');
    assert.equal(accept(state, submitCmd('s1', SLIDE.num, firstId), t(101)).duplicate, true);
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(102));
  });

  it('refuses a slide without a question, an unknown slide and an unknown student', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    refused(
      state,
      submitCmd('s1', SLIDE.intro, newAnswerId(), validAnswer(SLIDE.mc)),
      t(10),
      'no_question',
    );
    refused(
      state,
      submitCmd('s1', 'nope', newAnswerId(), validAnswer(SLIDE.mc)),
      t(11),
      'slide_not_found',
    );
    refused(state, submitCmd('ghost', SLIDE.mc, newAnswerId()), t(12), 'student_not_found');
  });
});

// =============================================================================================

describe('answer validation', () => {
  /** [slide, label, answer]: each must be refused with invalid_answer. */
  const manyPoints = (pairs: number, value = 0): number[] =>
    Array.from({ length: pairs * 2 }, () => value);
  const invalid: Array<[string, string, unknown]> = [
    // multiple choice, single
    [
      SLIDE.mc,
      'two options on a single-choice question',
      { kind: 'multiple-choice', optionIds: ['a', 'b'] },
    ],
    [SLIDE.mc, 'an unknown option', { kind: 'multiple-choice', optionIds: ['z'] }],
    [SLIDE.mc, 'the same option twice', { kind: 'multiple-choice', optionIds: ['a', 'a'] }],
    [SLIDE.mc, 'no option', { kind: 'multiple-choice', optionIds: [] }],
    [SLIDE.mc, 'an option id that is not an id', { kind: 'multiple-choice', optionIds: ['a b'] }],
    // multiple choice, multiple
    [
      SLIDE.mcm,
      'an unknown option among known ones',
      { kind: 'multiple-choice', optionIds: ['a', 'x'] },
    ],
    [SLIDE.mcm, 'a duplicate option', { kind: 'multiple-choice', optionIds: ['a', 'c', 'a'] }],
    [
      SLIDE.mcm,
      'more options than the protocol allows',
      { kind: 'multiple-choice', optionIds: Array.from({ length: 11 }, (_, i) => `o${i}`) },
    ],
    // short text
    [SLIDE.text, 'text over the question maxLength', { kind: 'short-text', text: 'x'.repeat(21) }],
    [
      SLIDE.text,
      'text over the protocol limit',
      { kind: 'short-text', text: 'x'.repeat(LIMITS.shortTextMax + 1) },
    ],
    [SLIDE.text, 'blank text', { kind: 'short-text', text: '   ' }],
    // number
    [SLIDE.num, 'a number below min', { kind: 'number', value: -1 }],
    [SLIDE.num, 'a number above max', { kind: 'number', value: 100.5 }],
    [SLIDE.num, 'NaN', { kind: 'number', value: Number.NaN }],
    [SLIDE.num, 'Infinity', { kind: 'number', value: Number.POSITIVE_INFINITY }],
    [SLIDE.num, 'a numeric string', { kind: 'number', value: '42' }],
    // word cloud
    [
      SLIDE.cloud,
      'more words than the question allows',
      { kind: 'word-cloud', words: ['a', 'b', 'c'] },
    ],
    [
      SLIDE.cloud,
      'more words than the protocol allows',
      { kind: 'word-cloud', words: ['a', 'b', 'c', 'd'] },
    ],
    [SLIDE.cloud, 'two words in one box', { kind: 'word-cloud', words: ['two words'] }],
    [
      SLIDE.cloud,
      'a word that is too long',
      { kind: 'word-cloud', words: ['x'.repeat(LIMITS.wordCloudWordMax + 1)] },
    ],
    [SLIDE.cloud, 'no word', { kind: 'word-cloud', words: [] }],
    // scale
    [SLIDE.scale, 'a value above the steps', { kind: 'scale', value: 6 }],
    [SLIDE.scale, 'zero', { kind: 'scale', value: 0 }],
    [SLIDE.scale, 'a fraction', { kind: 'scale', value: 2.5 }],
    [
      SLIDE.scale,
      'a value above the protocol limit',
      { kind: 'scale', value: LIMITS.scaleStepsMax + 1 },
    ],
    // drawing
    [
      SLIDE.draw,
      'too many points in total',
      {
        kind: 'drawing',
        strokes: [
          { color: '#000000', width: 1, points: manyPoints(LIMITS.drawingPointsMax / 2 + 1) },
          { color: '#000000', width: 1, points: manyPoints(LIMITS.drawingPointsMax / 2) },
        ],
      },
    ],
    [
      SLIDE.draw,
      'too many points in one stroke',
      {
        kind: 'drawing',
        strokes: [{ color: '#000000', width: 1, points: manyPoints(LIMITS.drawingPointsMax + 1) }],
      },
    ],
    [
      SLIDE.draw,
      'more bytes than allowed',
      {
        kind: 'drawing',
        strokes: [
          {
            color: '#000000',
            width: 1,
            points: manyPoints(LIMITS.drawingPointsMax, 0.123456789012345),
          },
        ],
      },
    ],
    [
      SLIDE.draw,
      'an odd number of coordinates',
      { kind: 'drawing', strokes: [{ color: '#000000', width: 1, points: [0, 0, 1] }] },
    ],
    [
      SLIDE.draw,
      'a point outside the canvas',
      { kind: 'drawing', strokes: [{ color: '#000000', width: 1, points: [0, 0, 1.5, 1] }] },
    ],
    [
      SLIDE.draw,
      'a colour that is not #rrggbb',
      { kind: 'drawing', strokes: [{ color: 'red', width: 1, points: [0, 0, 1, 1] }] },
    ],
    [SLIDE.draw, 'no stroke', { kind: 'drawing', strokes: [] }],
    // pin on image
    [SLIDE.pin, 'x above 1', { kind: 'pin-on-image', x: 1.5, y: 0.5 }],
    [SLIDE.pin, 'y below 0', { kind: 'pin-on-image', x: 0.5, y: -0.1 }],
    [SLIDE.pin, 'a missing coordinate', { kind: 'pin-on-image', x: 0.5 }],
    // kind mismatch and garbage
    [SLIDE.mc, 'an answer of another kind', { kind: 'number', value: 1 }],
    [SLIDE.pin, 'a short-text answer to a pin question', { kind: 'short-text', text: 'here' }],
    [SLIDE.num, 'an unknown kind', { kind: 'essay', text: 'x' }],
    [SLIDE.num, 'null', null],
  ];

  for (const [slideId, label, answer] of invalid) {
    it(`${slideId}: refuses ${label}`, () => {
      const state = sessionWithStudents(1, { pacing: 'student' });
      refused(
        state,
        submitCmd('s1', slideId, newAnswerId(), answer as Answer),
        t(10),
        'invalid_answer',
      );
    });
  }

  it('an invalid edit keeps the stored answer', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    run(state, submitCmd('s1', SLIDE.num, newAnswerId(), { kind: 'number', value: 5 }), t(10));
    refused(
      state,
      submitCmd('s1', SLIDE.num, newAnswerId(), { kind: 'number', value: 500 }),
      t(11),
      'invalid_answer',
    );
    assert.deepEqual(response(state, SLIDE.num, 's1')?.answer, { kind: 'number', value: 5 });
  });

  /** Boundary answers that must be accepted. */
  const valid: Array<[string, string, Answer]> = [
    [SLIDE.mc, 'one known option', { kind: 'multiple-choice', optionIds: ['c'] }],
    [SLIDE.mcm, 'every option', { kind: 'multiple-choice', optionIds: ['a', 'b', 'c', 'd'] }],
    [SLIDE.text, 'text of exactly maxLength', { kind: 'short-text', text: 'x'.repeat(20) }],
    [SLIDE.num, 'the minimum', { kind: 'number', value: 0 }],
    [SLIDE.num, 'the maximum', { kind: 'number', value: 100 }],
    [SLIDE.cloud, 'exactly maxWords words', { kind: 'word-cloud', words: ['one', 'two'] }],
    [SLIDE.scale, 'the first step', { kind: 'scale', value: 1 }],
    [SLIDE.scale, 'the last step', { kind: 'scale', value: 5 }],
    [
      SLIDE.draw,
      'exactly the maximum number of points',
      {
        kind: 'drawing',
        strokes: [
          { color: '#000000', width: 1, points: manyPoints(LIMITS.drawingPointsMax / 2) },
          { color: '#ffffff', width: 40, points: manyPoints(LIMITS.drawingPointsMax / 2, 1) },
        ],
      },
    ],
    [SLIDE.pin, 'the corners of the image', { kind: 'pin-on-image', x: 0, y: 1 }],
  ];
  for (const [slideId, label, answer] of valid) {
    it(`${slideId}: accepts ${label}`, () => {
      const state = sessionWithStudents(1, { pacing: 'student' });
      run(state, submitCmd('s1', slideId, newAnswerId(), answer), t(10));
      assert.deepEqual(response(state, slideId, 's1')?.answer, answer);
    });
  }
});

// =============================================================================================

describe('hide a response', () => {
  function answeredByTwo() {
    const state = sessionWithStudents(2, { pacing: 'student' });
    run(
      state,
      submitCmd('s1', SLIDE.mc, newAnswerId(), { kind: 'multiple-choice', optionIds: ['a'] }),
      t(10),
    );
    run(
      state,
      submitCmd('s2', SLIDE.mc, newAnswerId(), { kind: 'multiple-choice', optionIds: ['b'] }),
      t(11),
    );
    return state;
  }

  it('hides a response from the results but keeps it for the teacher and the student', () => {
    const state = answeredByTwo();
    const result = accept(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 's1', hidden: true }),
      t(20),
    );
    assert.deepEqual(ruleEvents(result), [
      { type: 'responseHiddenChanged', slideId: SLIDE.mc, studentId: 's1', hidden: true },
    ]);
    assert.equal(response(state, SLIDE.mc, 's1')?.hidden, true);
    assert.equal(responseCounts(state)[SLIDE.mc], 2, 'a hidden response is still stored');
    const results = slideResults(state, SLIDE.mc, true);
    assert.equal(results.responseCount, 1);
    assert.deepEqual(results.entries, [
      { answer: { kind: 'multiple-choice', optionIds: ['b'] }, name: 'Student 2' },
    ]);
    assert.equal(studentSelfView(state, 's1')?.responses[SLIDE.mc]?.hidden, true);
    run(state, asTeacher({ type: 'setReveal', slideId: SLIDE.mc, mode: 'named' }), t(21));
    assert.equal(publicSlide(state, SLIDE.mc)?.results?.responseCount, 1);
  });

  it('stays hidden when the student edits the answer', () => {
    const state = answeredByTwo();
    run(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 's1', hidden: true }),
      t(20),
    );
    run(
      state,
      submitCmd('s1', SLIDE.mc, newAnswerId(), { kind: 'multiple-choice', optionIds: ['c'] }),
      t(21),
    );
    assert.equal(response(state, SLIDE.mc, 's1')?.hidden, true);
    assert.equal(slideResults(state, SLIDE.mc, false).responseCount, 1);
  });

  it('can be shown again; the same value again is a no-op', () => {
    const state = answeredByTwo();
    noop(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 's1', hidden: false }),
      t(20),
    );
    run(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 's1', hidden: true }),
      t(21),
    );
    noop(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 's1', hidden: true }),
      t(22),
    );
    run(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 's1', hidden: false }),
      t(23),
    );
    assert.equal(slideResults(state, SLIDE.mc, false).responseCount, 2);
  });

  it('refuses missing responses and unknown slides', () => {
    const state = answeredByTwo();
    refused(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.num, studentId: 's1', hidden: true }),
      t(20),
      'response_not_found',
    );
    refused(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 'ghost', hidden: true }),
      t(20),
      'response_not_found',
    );
    refused(
      state,
      asTeacher({ type: 'hideResponse', slideId: 'nope', studentId: 's1', hidden: true }),
      t(20),
      'slide_not_found',
    );
  });
});

// =============================================================================================

describe('reveal', () => {
  function answered() {
    const state = sessionWithStudents(2);
    openSlide(state, SLIDE.mc, t(10));
    run(
      state,
      submitCmd('s1', SLIDE.mc, 'answer-bbbbbbbb', { kind: 'multiple-choice', optionIds: ['a'] }),
      t(11),
    );
    run(
      state,
      submitCmd('s2', SLIDE.mc, 'answer-aaaaaaaa', { kind: 'multiple-choice', optionIds: ['b'] }),
      t(12),
    );
    return state;
  }

  it('hidden: no results are published', () => {
    const state = answered();
    const slide = publicSlide(state, SLIDE.mc);
    assert.equal(slide?.reveal, 'hidden');
    assert.equal(slide?.results, null);
  });

  it('anonymous: results without names, ordered by answerId rather than arrival', () => {
    const state = answered();
    const result = accept(
      state,
      asTeacher({ type: 'setReveal', slideId: SLIDE.mc, mode: 'anonymous' }),
      t(20),
    );
    assert.deepEqual(ruleEvents(result), [
      { type: 'revealChanged', slideId: SLIDE.mc, mode: 'anonymous' },
    ]);
    const results = publicSlide(state, SLIDE.mc)?.results;
    assert.deepEqual(results, {
      responseCount: 2,
      entries: [
        { answer: { kind: 'multiple-choice', optionIds: ['b'] } },
        { answer: { kind: 'multiple-choice', optionIds: ['a'] } },
      ],
      truncated: false,
    });
    const json = JSON.stringify(publicSessionView(state));
    assert.ok(
      !json.includes('Student 1') && !json.includes('Student 2'),
      'no names in anonymous mode',
    );
  });

  it('named: results carry the student names', () => {
    const state = answered();
    run(state, asTeacher({ type: 'setReveal', slideId: SLIDE.mc, mode: 'named' }), t(20));
    assert.deepEqual(publicSlide(state, SLIDE.mc)?.results?.entries, [
      { answer: { kind: 'multiple-choice', optionIds: ['b'] }, name: 'Student 2' },
      { answer: { kind: 'multiple-choice', optionIds: ['a'] }, name: 'Student 1' },
    ]);
    noop(state, asTeacher({ type: 'setReveal', slideId: SLIDE.mc, mode: 'named' }), t(21));
    run(state, asTeacher({ type: 'setReveal', slideId: SLIDE.mc, mode: 'hidden' }), t(22));
    assert.equal(publicSlide(state, SLIDE.mc)?.results, null);
  });

  it('never publishes answerIds or student ids', () => {
    const state = answered();
    run(state, asTeacher({ type: 'setReveal', slideId: SLIDE.mc, mode: 'named' }), t(20));
    const json = JSON.stringify(publicSessionView(state));
    assert.ok(!json.includes('answer-aaaaaaaa') && !json.includes('answer-bbbbbbbb'));
    assert.ok(!json.includes('"s1"') && !json.includes('"s2"'));
  });

  it('correct answers are stripped from questions until revealCorrect', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    for (const slideId of [SLIDE.mc, SLIDE.mcm]) {
      const question = publicSlide(state, slideId)?.question;
      assert.equal(question?.kind, 'multiple-choice');
      assert.ok(question && !('correctOptionIds' in question), `${slideId} leaks correctOptionIds`);
    }
    assert.ok(!JSON.stringify(publicSessionView(state)).includes('correctOptionIds'));
    // The engine's own deck still has them.
    assert.deepEqual(
      state.deck.slides[slideIndex(SLIDE.mc)]?.question,
      deck.slides[slideIndex(SLIDE.mc)]?.question,
    );

    const result = accept(
      state,
      asTeacher({ type: 'revealCorrect', slideId: SLIDE.mc, revealed: true }),
      t(10),
    );
    assert.deepEqual(ruleEvents(result), [
      { type: 'correctRevealChanged', slideId: SLIDE.mc, revealed: true },
    ]);
    const revealed = publicSlide(state, SLIDE.mc);
    assert.equal(revealed?.correctRevealed, true);
    assert.deepEqual(revealed?.question, deck.slides[slideIndex(SLIDE.mc)]?.question);
    const other = publicSlide(state, SLIDE.mcm)?.question;
    assert.ok(
      other && !('correctOptionIds' in other),
      'revealing one slide does not reveal another',
    );

    noop(state, asTeacher({ type: 'revealCorrect', slideId: SLIDE.mc, revealed: true }), t(11));
    run(state, asTeacher({ type: 'revealCorrect', slideId: SLIDE.mc, revealed: false }), t(12));
    const hiddenAgain = publicSlide(state, SLIDE.mc)?.question;
    assert.ok(hiddenAgain && !('correctOptionIds' in hiddenAgain));
  });

  it('reveal commands refuse unknown slides', () => {
    const state = newSession();
    refused(
      state,
      asTeacher({ type: 'setReveal', slideId: 'nope', mode: 'named' }),
      t(1),
      'slide_not_found',
    );
    refused(
      state,
      asTeacher({ type: 'revealCorrect', slideId: 'nope', revealed: true }),
      t(1),
      'slide_not_found',
    );
  });
});

// =============================================================================================

describe('end session', () => {
  function ended() {
    const state = sessionWithStudents(2, { pacing: 'student' });
    const answerId = newAnswerId();
    run(state, submitCmd('s1', SLIDE.mc, answerId), t(10));
    run(state, asTeacher({ type: 'startTimer', slideId: SLIDE.num, durationMs: 60_000 }), t(11));
    const result = accept(state, asTeacher({ type: 'endSession' }), t(20));
    assert.deepEqual(ruleEvents(result), [{ type: 'sessionEnded', at: t(20) }]);
    return { state, answerId };
  }

  it('ends the session and drops running timers', () => {
    const { state } = ended();
    assert.equal(state.status, 'ended');
    assert.equal(state.endedAt, t(20));
    assert.equal(state.slides[SLIDE.num]?.deadline, null);
    assert.equal(publicSessionView(state).status, 'ended');
  });

  it('endSession again is a no-op', () => {
    const { state } = ended();
    noop(state, asTeacher({ type: 'endSession' }), t(30));
  });

  it('refuses every other teacher command with session_ended', () => {
    const { state } = ended();
    for (const command of sampleTeacherCommands('s1')) {
      if (command.type === 'endSession') continue;
      refused(state, asTeacher(command), t(30), 'session_ended');
    }
  });

  it('refuses joins, new answers, edits and navigation with session_ended', () => {
    const { state } = ended();
    refused(state, joinCmd('s3', 'Late'), t(30), 'session_ended');
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(31), 'session_ended');
    refused(
      state,
      submitCmd('s1', SLIDE.mc, newAnswerId(), otherAnswer(SLIDE.mc)),
      t(32),
      'session_ended',
    );
    refused(
      state,
      submitCmd('s1', SLIDE.mc, newAnswerId(), { kind: 'number', value: 1 }),
      t(33),
      'session_ended',
    );
    refused(state, navigateCmd('s1', 3), t(34), 'session_ended');
  });

  it('still acknowledges resends of stored answers', () => {
    const { state, answerId } = ended();
    const before = structuredClone(state);
    const result = accept(state, submitCmd('s1', SLIDE.mc, answerId), t(30));
    assert.equal(result.duplicate, true);
    assert.deepEqual(ruleEvents(result), []);
    assert.deepEqual(state, before);
  });

  it('a timer wake-up after the end changes nothing', () => {
    const { state } = ended();
    noop(state, expireCmd(SLIDE.num), t(100_000));
  });
});

// =============================================================================================

describe('remove a student', () => {
  function removed() {
    const state = sessionWithStudents(2, { pacing: 'student' });
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(10));
    run(state, submitCmd('s1', SLIDE.num, newAnswerId()), t(11));
    run(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(12));
    run(state, asTeacher({ type: 'setReveal', slideId: SLIDE.mc, mode: 'named' }), t(13));
    const result = accept(state, asTeacher({ type: 'removeStudent', studentId: 's1' }), t(20));
    assert.deepEqual(ruleEvents(result), [{ type: 'studentRemoved', studentId: 's1', at: t(20) }]);
    return state;
  }

  it('marks the student removed and deletes their responses everywhere', () => {
    const state = removed();
    assert.equal(state.students.s1?.removed, true);
    assert.equal(response(state, SLIDE.mc, 's1'), undefined);
    assert.equal(response(state, SLIDE.num, 's1'), undefined);
    assert.ok(response(state, SLIDE.mc, 's2'), 'other students keep theirs');
    assert.equal(responseCounts(state)[SLIDE.mc], 1);
    assert.equal(responseCounts(state)[SLIDE.num], 0);
    assert.deepEqual(
      publicSlide(state, SLIDE.mc)?.results?.entries.map((e) => e.name),
      ['Student 2'],
    );
    assert.equal(studentSelfView(state, 's1'), null);
  });

  it('a removed student cannot submit, navigate or join', () => {
    const state = removed();
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(30), 'student_removed');
    refused(state, navigateCmd('s1', 2), t(31), 'student_removed');
    refused(state, joinCmd('s1', 'Back'), t(32), 'student_removed');
  });

  it('their responses can no longer be moderated', () => {
    const state = removed();
    refused(
      state,
      asTeacher({ type: 'hideResponse', slideId: SLIDE.mc, studentId: 's1', hidden: true }),
      t(30),
      'response_not_found',
    );
  });

  it('removing again is a no-op; unknown students are refused', () => {
    const state = removed();
    noop(state, asTeacher({ type: 'removeStudent', studentId: 's1' }), t(30));
    refused(
      state,
      asTeacher({ type: 'removeStudent', studentId: 'ghost' }),
      t(31),
      'student_not_found',
    );
  });
});

// =============================================================================================

describe('authorization', () => {
  const intruders: Array<[string, Envelope['actor']]> = [
    ['a student', studentActor('s1')],
    ['a student whose id is the teacher id', studentActor(TEACHER_ID)],
    ['the system', systemActor],
    ['another teacher', teacherActor(OTHER_TEACHER_ID)],
  ];

  for (const [who, actor] of intruders) {
    it(`every teacher command from ${who} is forbidden`, () => {
      const state = sessionWithStudents(1, { pacing: 'student' });
      run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(10));
      for (const command of sampleTeacherCommands('s1')) {
        refused(state, envelope(actor, command), t(20), 'forbidden');
      }
    });
  }

  it('teacher commands from a wrong actor are forbidden even after the session ended', () => {
    const state = sessionWithStudents(1);
    run(state, asTeacher({ type: 'endSession' }), t(10));
    refused(state, envelope(studentActor('s1'), { type: 'endSession' }), t(11), 'forbidden');
    refused(
      state,
      envelope(teacherActor(OTHER_TEACHER_ID), { type: 'endSession' }),
      t(11),
      'forbidden',
    );
  });

  it('the session teacher may send every teacher command', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(10));
    for (const command of sampleTeacherCommands('s1')) accept(state, asTeacher(command), t(20));
    assert.equal(state.status, 'ended');
  });

  const studentCommands: EngineCommand[] = [
    { type: 'join', name: 'Sam' },
    {
      type: 'submitAnswer',
      slideId: SLIDE.mc,
      answerId: 'answer-xxxxxxxx',
      answer: validAnswer(SLIDE.mc),
    },
    { type: 'navigate', slideIndex: 1 },
  ];
  for (const command of studentCommands) {
    it(`${command.type} from a teacher or the system is forbidden`, () => {
      const state = sessionWithStudents(1, { pacing: 'student' });
      refused(state, envelope(teacherActor(), command), t(10), 'forbidden');
      refused(state, envelope(systemActor, command), t(10), 'forbidden');
    });
  }

  it('expireTimer from a teacher or a student is forbidden', () => {
    const state = sessionWithStudents(1);
    run(state, asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: 1_000 }), t(10));
    refused(
      state,
      envelope(teacherActor(), { type: 'expireTimer', slideId: SLIDE.mc }),
      t(5_000),
      'forbidden',
    );
    refused(
      state,
      envelope(studentActor('s1'), { type: 'expireTimer', slideId: SLIDE.mc }),
      t(5_000),
      'forbidden',
    );
  });

  it('a student always answers for themselves: the studentId comes from the actor', () => {
    const state = sessionWithStudents(2, { pacing: 'student' });
    const mine = newAnswerId();
    run(state, submitCmd('s1', SLIDE.mc, mine), t(10));
    // A payload that names another student is ignored: the answer is stored for the sender.
    const forged = {
      type: 'submitAnswer',
      slideId: SLIDE.mc,
      answerId: newAnswerId(),
      answer: otherAnswer(SLIDE.mc),
      studentId: 's1',
    } as EngineCommand;
    const result = accept(state, envelope(studentActor('s2'), forged), t(11));
    const event = ruleEvents(result)[0];
    assert.equal(event?.type, 'answerSubmitted');
    if (event?.type === 'answerSubmitted') assert.equal(event.studentId, 's2');
    assert.equal(response(state, SLIDE.mc, 's1')?.answerId, mine, "s1's answer is untouched");
    assert.deepEqual(response(state, SLIDE.mc, 's2')?.answer, otherAnswer(SLIDE.mc));
  });

  it('a malformed teacher command is a bad request', () => {
    const state = newSession();
    const bogus = [
      { type: 'explode' },
      { type: 'lockSlide', slideId: 'not an id' },
      { type: 'setPacing', pacing: 'chaotic' },
      { type: 'setReveal', slideId: SLIDE.mc, mode: 'public' },
    ] as unknown as TeacherCommand[];
    for (const command of bogus) refused(state, asTeacher(command), t(1), 'bad_request');
  });
});

// =============================================================================================

describe('decide and views', () => {
  it('is pure: it never changes the state, and apply agrees with it', () => {
    const state = sessionWithStudents(1, { pacing: 'student' });
    const before = structuredClone(state);
    const env = submitCmd('s1', SLIDE.mc, 'answer-pure0001');
    const decision = decide(state, env, t(10));
    assert.deepEqual(state, before);
    assert.ok(decision.ok);
    const applied = accept(state, env, t(10));
    assert.deepEqual(ruleEvents(applied), decision.ok ? decision.events : []);
  });

  it('answers to each question slide are counted per slide', () => {
    const state = sessionWithStudents(2, { pacing: 'student' });
    for (const slideId of SLIDE_IDS) {
      if (slideId === SLIDE.intro) continue;
      run(state, submitCmd('s1', slideId, newAnswerId()), t(10));
    }
    run(state, submitCmd('s2', SLIDE.pin, newAnswerId()), t(11));
    const counts = responseCounts(state);
    assert.deepEqual(Object.keys(counts), SLIDE_IDS);
    for (const slideId of SLIDE_IDS) {
      const expected = slideId === SLIDE.intro ? 0 : slideId === SLIDE.pin ? 2 : 1;
      assert.equal(counts[slideId], expected, slideId);
    }
  });
});
