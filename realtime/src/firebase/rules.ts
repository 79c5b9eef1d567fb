import { KINDS, type KindModule } from '../kinds/index.ts';
import { gate, gateSlide, type RuleNode } from '../kinds/rules-kit.ts';
import { DELIVERY_LIMITS, LIMITS } from '../protocol/limits.ts';

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

const rosterEntry = `${session}.child('roster').child($studentId)`;

/** The student's extended time (protocol/extended-time.ts): absent, 1.5, 2 or 'unlimited'. */
const extendedTime = `${rosterEntry}.child('extendedTime')`;

/**
 * Before `end` (a gate field) for this student: before it, or before it stretched from `start`
 * by their extended time with `stretchedEnd`'s exact arithmetic (`start + (end - start) * m`),
 * or they have no limit. A multiplier without a start (an older timer) stretches nothing.
 */
function beforeOwn(end: string, start: string): string {
  const e = `${end}.val()`;
  const s = `${start}.val()`;
  return (
    `(!${end}.exists() || now < ${e} || ${extendedTime}.val() === 'unlimited' || ` +
    `(${extendedTime}.isNumber() && ${start}.isNumber() && now < ${s} + (${e} - ${s}) * ${extendedTime}.val()))`
  );
}

/**
 * The engine's `answerRefusal`: live session, a visible slide with a question, unlocked and
 * before the student's own deadline and homework due time (extended time stretches both), not
 * before the student's first answerable slide (late join), and not from the waiting room.
 */
const answerable = [
  `${session}.child('gate/status').val() === 'live'`,
  `${gateSlide}.child('visible').val() === true`,
  `${gateSlide}.child('locked').val() === false`,
  beforeOwn(gate('deadline'), gate('timerStartedAt')),
  beforeOwn(gate('dueAt'), `${session}.child('meta/createdAt')`),
  `${gateSlide}.child('index').val() >= ${rosterEntry}.child('firstAnswerableIndex').val()`,
  `${rosterEntry}.child('waiting').val() !== true`,
].join(' && ');

const noOtherChildren = { $other: { '.validate': false } };

/**
 * The answer's shape for the slide's kind (firebase/README.md, "Answers"): each kind's fields as
 * its module writes them, guarded by the answer's kind. Kinds that share a field (multiple and
 * image choice's `optionIds`) have their rules joined with "or", each under its own kind.
 */
function answerRules(): Record<string, unknown> {
  const modules = Object.values(KINDS) as readonly KindModule[];
  const requiredField = modules
    .map(
      (k) =>
        `(newData.child('kind').val() === '${k.kind}' && newData.hasChild('${k.requiredField}'))`,
    )
    .join(' || ');
  const fields: Record<string, RuleNode> = {};
  for (const [field, perKind] of groupFields(modules)) fields[field] = mergeKindRules(perKind, 0);
  return {
    '.validate': `newData.child('kind').val() === ${gate('kind')}.val() && (${requiredField})`,
    kind: { '.validate': 'newData.isString()' },
    ...fields,
    ...noOtherChildren,
  };
}

function groupFields(modules: readonly KindModule[]): Map<string, Array<[string, RuleNode]>> {
  const byField = new Map<string, Array<[string, RuleNode]>>();
  for (const module of modules)
    for (const [field, node] of Object.entries(module.rules)) {
      const list = byField.get(field) ?? [];
      list.push([module.kind, node]);
      byField.set(field, list);
    }
  return byField;
}

/**
 * One field's rules from every kind that has it, `depth` levels below the answer's fields: each
 * `.validate` holds only under its kind; children are joined the same way. A database level has
 * one wildcard, so kinds sharing a field must name it alike.
 */
function mergeKindRules(
  perKind: ReadonlyArray<readonly [string, RuleNode]>,
  depth: number,
): RuleNode {
  const kindIs = (kind: string) =>
    `newData${'.parent()'.repeat(depth + 1)}.child('kind').val() === '${kind}'`;
  const merged: RuleNode = {
    '.validate': perKind
      .map(([kind, node]) => {
        const own = node['.validate'];
        const guard = kindIs(kind);
        return own === undefined || own === true
          ? `(${guard})`
          : own === false
            ? 'false'
            : `(${guard} && ${own})`;
      })
      .join(' || '),
  };
  const children = new Map<string, Array<[string, RuleNode]>>();
  for (const [kind, node] of perKind)
    for (const [key, child] of Object.entries(node)) {
      if (key === '.validate' || typeof child !== 'object') continue;
      const list = children.get(key) ?? [];
      list.push([kind, child]);
      children.set(key, list);
    }
  const wildcards = [...children.keys()].filter((key) => key.startsWith('$') && key !== '$other');
  if (wildcards.length > 1)
    throw new Error(`Kinds name one list differently (${wildcards.join(', ')}): use one name.`);
  for (const [key, list] of children)
    merged[key] = key === '$other' ? { '.validate': false } : mergeKindRules(list, depth + 1);
  return merged;
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
          standings: { $studentId: { '.read': isThisStudent } },
          presence: { $studentId: presenceRules() },
          responses: { $slideId: { $studentId: responseRules() } },
        },
      },
      probes: { $location: probeRules() },
    },
  };
}
