import { DELIVERY_LIMITS, LIMITS } from '../protocol/limits.ts';
import { ANSWER_FIELD } from './answer-codec.ts';

/**
 * The source of `realtime/firebase/database.rules.json`. Rules are JSON with one long boolean
 * expression per key and no functions, so the few conditions every path needs (who is asking,
 * may this slide be answered now) are written once here and spliced in. `npm run rules` writes
 * the JSON; a test fails when the committed file differs from what this builds.
 *
 * The rules mirror the subset of the engine's rules the database itself must enforce (see
 * firebase/README.md). Admin writes (the web app and the realtime tier) bypass them.
 */

const session = `root.child('sessions').child($sessionId)`;

/** The session's teacher, signed in with a token for this session. */
const isTeacher = `(auth != null && auth.token.role === 'teacher' && auth.token.sessionId === $sessionId && auth.uid === ${session}.child('meta/teacherId').val())`;

/** A student of this session who has not been removed. */
const isStudent = `(auth != null && auth.token.role === 'student' && auth.token.sessionId === $sessionId && ${session}.child('roster').child(auth.token.studentId).child('removed').val() === false)`;

/** That student, acting on their own node. */
const isThisStudent = `(${isStudent} && auth.token.studentId === $studentId)`;

const gateSlide = `${session}.child('gate/slides').child($slideId)`;
const rosterEntry = `${session}.child('roster').child($studentId)`;

/**
 * The engine's `answerRefusal`: live session, a visible slide with a question, unlocked and
 * before its deadline, not before the student's first answerable slide (late join), and not
 * from the waiting room.
 */
const answerable = [
  `${session}.child('gate/status').val() === 'live'`,
  `${gateSlide}.child('visible').val() === true`,
  `${gateSlide}.child('locked').val() === false`,
  `(!${gateSlide}.child('deadline').exists() || now < ${gateSlide}.child('deadline').val())`,
  `${gateSlide}.child('index').val() >= ${rosterEntry}.child('firstAnswerableIndex').val()`,
  `${rosterEntry}.child('waiting').val() !== true`,
].join(' && ');

/** What the gate says about this slide's question (written with the session's state). */
const gate = (field: string) => `${gateSlide}.child('${field}')`;

const stringOf = (max: number, min = 1) =>
  `newData.isString() && newData.val().length >= ${min} && newData.val().length <= ${max}`;
const unit = `newData.isNumber() && newData.val() >= 0 && newData.val() <= 1`;
const noOtherChildren = { $other: { '.validate': false } };

/** The answer's shape for the slide's kind (firebase/README.md, "Answers"). */
function answerRules(): Record<string, unknown> {
  const kindIs = (kind: string) => `newData.parent().child('kind').val() === '${kind}'`;
  const requiredField = Object.entries(ANSWER_FIELD)
    .map(
      ([kind, field]) =>
        `(newData.child('kind').val() === '${kind}' && newData.hasChild('${field}'))`,
    )
    .join(' || ');
  return {
    '.validate': `newData.child('kind').val() === ${gate('kind')}.val() && (${requiredField})`,
    kind: { '.validate': 'newData.isString()' },
    optionIds: {
      '.validate': `${kindIs('multiple-choice')} && newData.hasChild('0') && (${gate('allowMultiple')}.val() === true || !newData.hasChild('1'))`,
      $i: {
        '.validate': `$i.matches(/^[0-9]$/) && newData.isString() && ${gate('optionIds')}.child(newData.val()).val() === true`,
      },
    },
    text: {
      '.validate': `${kindIs('short-text')} && ${stringOf(LIMITS.shortTextMax)} && newData.val().length <= ${gate('maxLength')}.val()`,
    },
    value: {
      '.validate': `newData.isNumber() && ((${kindIs('number')} && (!${gate('min')}.exists() || newData.val() >= ${gate('min')}.val()) && (!${gate('max')}.exists() || newData.val() <= ${gate('max')}.val())) || (${kindIs('scale')} && newData.val() % 1 === 0 && newData.val() >= 1 && newData.val() <= ${gate('steps')}.val()))`,
    },
    words: {
      '.validate': `${kindIs('word-cloud')} && newData.hasChild('0') && !newData.hasChild('' + ${gate('maxWords')}.val())`,
      $i: {
        '.validate': `$i.matches(/^[0-9]$/) && ${stringOf(LIMITS.wordCloudWordMax)} && newData.val().matches(/^[^\\s]+$/)`,
      },
    },
    strokes: {
      // Drawings are stored as one JSON string: thousands of points as database children would
      // make every read and every rule evaluation slow. Its shape is checked when it is read.
      '.validate': `${kindIs('drawing')} && ${stringOf(LIMITS.drawingAnswerBytesMax, 2)}`,
    },
    x: { '.validate': `${kindIs('pin-on-image')} && ${unit}` },
    y: { '.validate': `${kindIs('pin-on-image')} && ${unit}` },
    ...noOtherChildren,
  };
}

const integer = 'newData.isNumber() && newData.val() % 1 === 0';

const answerIdPattern = `/^[A-Za-z0-9_-]{8,${LIMITS.idMax}}$/`;

/** A student's own response: a new revision (new answerId) or a resend of the current one. */
function responseRules(): Record<string, unknown> {
  return {
    '.read': `${isTeacher} || ${isThisStudent}`,
    '.write': `${isTeacher} || (${isThisStudent} && newData.exists() && ${answerable})`,
    '.validate': `newData.hasChildren(['answerId', 'answer', 'firstSubmittedAt', 'submittedAt', 'hidden', 'revisions', 'answerIds'])`,
    answerId: {
      '.validate': `newData.isString() && newData.val().matches(${answerIdPattern}) && (${isTeacher} || newData.val() === data.val() || !data.parent().child('answerIds').child(newData.val()).exists())`,
    },
    answer: answerRules(),
    firstSubmittedAt: {
      '.validate': `newData.isNumber() && (${isTeacher} || (data.exists() ? newData.val() === data.val() : newData.val() === now))`,
    },
    submittedAt: {
      '.validate': `newData.isNumber() && (${isTeacher} || (newData.parent().child('answerId').val() === data.parent().child('answerId').val() ? newData.val() === data.val() : newData.val() === now))`,
    },
    clientCreatedAt: { '.validate': 'newData.isNumber() && newData.val() >= 0' },
    hidden: {
      // Moderation is the teacher's: a student's edit keeps whatever the teacher decided.
      '.validate': `newData.isBoolean() && (${isTeacher} || newData.val() === (data.val() === true))`,
    },
    revisions: {
      '.validate': `newData.isNumber() && newData.val() <= ${LIMITS.answerRevisionsMax} && (${isTeacher} || newData.val() === (newData.parent().child('answerId').val() === data.parent().child('answerId').val() ? data.val() : (data.exists() ? data.val() : 0) + 1))`,
    },
    delivery: {
      // How the answer got here (health report): the browser's own durations and clock offset.
      '.validate': `newData.hasChildren(['queuedMs', 'offline', 'attempt'])`,
      queuedMs: {
        '.validate': `${integer} && newData.val() >= 0 && newData.val() <= ${DELIVERY_LIMITS.queuedMsMax}`,
      },
      offline: { '.validate': 'newData.isBoolean()' },
      attempt: {
        '.validate': `${integer} && newData.val() >= 1 && newData.val() <= ${DELIVERY_LIMITS.attemptMax}`,
      },
      clockOffsetMs: {
        '.validate': `${integer} && newData.val() >= -${DELIVERY_LIMITS.clockOffsetMsMax} && newData.val() <= ${DELIVERY_LIMITS.clockOffsetMsMax}`,
      },
      ...noOtherChildren,
    },
    answerIds: {
      $answerId: {
        '.validate': `$answerId.matches(${answerIdPattern}) && newData.val() === true && (${isTeacher} || data.exists() || $answerId === newData.parent().parent().child('answerId').val())`,
      },
    },
    ...noOtherChildren,
  };
}

/**
 * A student's own presence: connected now, or gone (written by `onDisconnect`), with the round
 * trip the browser last measured to the database, for the teacher's roster.
 */
function presenceRules(): Record<string, unknown> {
  return {
    '.read': `${isTeacher} || ${isThisStudent}`,
    '.write': `${isTeacher} || ${isThisStudent}`,
    '.validate': `newData.hasChildren(['status', 'lastSeenAt', 'transport'])`,
    status: { '.validate': `newData.val() === 'connected' || newData.val() === 'gone'` },
    lastSeenAt: { '.validate': `newData.isNumber() && (${isTeacher} || newData.val() === now)` },
    transport: { '.validate': `newData.val() === 'firebase'` },
    rttMs: {
      '.validate': `newData.isNumber() && newData.val() >= 0 && newData.val() <= ${LIMITS.rttReportMaxMs}`,
    },
    ...noOtherChildren,
  };
}

/** A synthetic probe (probes/), on its own location's node only. */
const isThisProbe = `(auth != null && auth.token.role === 'probe' && auth.uid === 'probe:' + $location)`;

/**
 * A probe's run: the server time it was written, and nothing else. Runs are removed by the probe
 * after each run and swept when older than their TTL, so probes never pile up data.
 */
function probeRules(): Record<string, unknown> {
  return {
    '.read': isThisProbe,
    '.write': isThisProbe,
    runs: {
      '.indexOn': ['at'],
      $runId: {
        '.validate': "newData.hasChildren(['at'])",
        at: { '.validate': 'newData.isNumber() && newData.val() <= now' },
        $other: { '.validate': false },
      },
    },
    $other: { '.validate': false },
  };
}

export function buildDatabaseRules(): { rules: Record<string, unknown> } {
  return {
    rules: {
      // Nobody reads or writes anything the rules below do not grant; the join-code index is
      // the web app's alone (admin).
      '.read': false,
      '.write': false,
      sessions: {
        $sessionId: {
          // The teacher of the session reads and controls everything in it (not creation:
          // sessions are created by the web app, which writes meta/teacherId).
          '.read': isTeacher,
          '.write': isTeacher,
          meta: {
            teacherId: {
              '.validate': 'newData.isString() && (!data.exists() || newData.val() === data.val())',
            },
          },
          public: { '.read': isStudent },
          roster: { $studentId: { '.read': isThisStudent } },
          presence: { $studentId: presenceRules() },
          responses: { $slideId: { $studentId: responseRules() } },
        },
      },
      probes: { $location: probeRules() },
    },
  };
}
