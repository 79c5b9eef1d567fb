/**
 * Where a session lives in the Realtime Database and how the engine's state maps onto it
 * (firebase/README.md). One module for both writers (the realtime tier's store, the web app)
 * and every reader, so the layout exists once.
 */
import {
  changesStandings,
  isSlideVisible,
  withoutStudent,
  ownStanding,
  META_EVENT_TYPES,
  publicSessionView,
  type EngineEvent,
} from '../engine/index.ts';
import {
  answerProblem,
  healthRecordNames,
  isInClass,
  KINDS,
  type GateValue,
  type OwnStanding,
  type QuestionKind,
  type SessionState,
  type StudentRecord,
} from '../protocol/index.ts';
import { paths } from './paths.ts';
import { responseNode, storedResponseFrom, type ResponseNode } from './response-node.ts';

export { paths, responseNode, storedResponseFrom, type ResponseNode };

/** An entry of `teacherSessions/{teacherId}`. */
export interface SessionSummaryNode {
  joinCode: string;
  title: string;
  status: 'live' | 'ended';
  createdAt: number;
}

export function summaryNode(state: SessionState): SessionSummaryNode {
  return {
    joinCode: state.joinCode,
    title: state.deck.title,
    status: state.status,
    createdAt: state.createdAt,
  };
}

export interface MetaNode {
  teacherId: string;
  joinCode: string;
  title: string;
  createdAt: number;
  status: 'live' | 'ended';
  /** Commands the engine applied; a writer claims the next one before appending. */
  seq: number;
}

/**
 * What the rules need to decide whether a student may answer a slide: whether it is open, and
 * what its question's kind says an answer may hold (never its correct answer).
 */
export interface GateSlide {
  index: number;
  visible: boolean;
  locked: boolean;
  deadline?: number;
  /** When the timer started: a student with extended time stretches the deadline from here. */
  timerStartedAt?: number;
  /** A homework's due time: no answer after it. */
  dueAt?: number;
  kind?: QuestionKind;
  /** The kind's own fields (`KindModule.gate`). */
  [field: string]: GateValue | undefined;
}

export interface GateNode {
  status: 'live' | 'ended';
  slides: Record<string, GateSlide>;
}

export interface SessionNode {
  meta: MetaNode;
  /** The engine's state without roster and responses, as JSON (teacher and servers only). */
  state: string;
  gate: GateNode;
  /** `publicSessionView(state)` as JSON: what every student sees, results only as revealed. */
  public: string;
  roster?: Record<string, StudentRecord>;
  presence?: Record<string, unknown>;
  responses?: Record<string, Record<string, ResponseNode>>;
  /** Quiz mode: each student's own standing (`OwnStanding`). */
  standings?: Record<string, OwnStanding>;
}

type StateCore = Omit<SessionState, 'students' | 'responses'>;

function stateCore(state: SessionState): StateCore {
  const { students: _students, responses: _responses, ...core } = state;
  return core;
}

function gateSlide(state: SessionState, index: number): GateSlide | undefined {
  const slide = state.deck.slides[index];
  const runtime = slide && state.slides[slide.id];
  if (!slide || !runtime) return undefined;
  const gate: GateSlide = {
    index,
    visible: isSlideVisible(state, runtime),
    locked: runtime.locked,
  };
  if (runtime.deadline !== null) gate.deadline = runtime.deadline;
  if (runtime.deadline !== null && runtime.timerStartedAt !== undefined)
    gate.timerStartedAt = runtime.timerStartedAt;
  if (state.settings.dueAt !== undefined) gate.dueAt = state.settings.dueAt;
  const q = slide.question;
  if (!q) return gate;
  return { ...KINDS[q.kind].gate(q as never), ...gate, kind: q.kind };
}

export function gateNode(state: SessionState): GateNode {
  const slides: GateNode['slides'] = {};
  state.deck.slides.forEach((slide, index) => {
    const gate = gateSlide(state, index);
    if (gate) slides[slide.id] = gate;
  });
  return { status: state.status, slides };
}

function metaNode(state: SessionState): MetaNode {
  return {
    teacherId: state.teacherId,
    joinCode: state.joinCode,
    title: state.deck.title,
    createdAt: state.createdAt,
    status: state.status,
    seq: state.seq,
  };
}

/** The whole session as the database holds it. */
export function sessionNode(state: SessionState): SessionNode {
  const responses: NonNullable<SessionNode['responses']> = {};
  for (const [slideId, bySlide] of Object.entries(state.responses)) {
    for (const [studentId, response] of Object.entries(bySlide)) {
      (responses[slideId] ??= {})[studentId] = responseNode(response);
    }
  }
  return {
    meta: metaNode(state),
    state: JSON.stringify(stateCore(state)),
    gate: gateNode(state),
    public: JSON.stringify(publicSessionView(state)),
    roster: { ...state.students },
    responses,
  };
}

/** Events that change the state core and the gate (everything but roster and responses). */
const CORE_EVENTS = new Set<EngineEvent['type']>([
  ...META_EVENT_TYPES,
  'sessionCreated',
  // Co-teachers and the audit trail live in the state core too.
  'coTeachersChanged',
  'teacherActed',
]);

/**
 * One multi-path update (relative to the database root) that brings a session's node from the
 * state before `events` to `state`, the state after them. Only what the events touched is
 * written: an answer writes its response, and the public view only while results are revealed.
 */
export function updatesFor(
  state: SessionState,
  events: readonly EngineEvent[],
): Record<string, unknown> {
  const base = paths.session(state.id);
  const updates: Record<string, unknown> = { [`${base}/meta/seq`]: state.seq };
  let core = false;
  let results = false;
  for (const event of events) {
    if (CORE_EVENTS.has(event.type)) core = true;
    switch (event.type) {
      case 'studentJoined':
      case 'studentNavigated':
      case 'studentReadmitted':
      case 'extendedTimeChanged':
        updates[`${base}/roster/${studentIdOf(event)}`] = state.students[studentIdOf(event)];
        break;
      case 'studentsAdmitted':
        for (const id of event.studentIds) updates[`${base}/roster/${id}`] = state.students[id];
        break;
      case 'studentRemoved':
        updates[`${base}/roster/${event.studentId}`] = state.students[event.studentId];
        for (const slide of state.deck.slides)
          updates[paths.response(state.id, slide.id, event.studentId)] = null;
        results = true;
        break;
      case 'answerSubmitted':
      case 'responseHiddenChanged': {
        const response = state.responses[event.slideId]?.[event.studentId];
        updates[paths.response(state.id, event.slideId, event.studentId)] = response
          ? responseNode(response)
          : null;
        results = true;
        break;
      }
      default:
        break;
    }
  }
  if (core) {
    updates[`${base}/meta/status`] = state.status;
    updates[`${paths.teacherSession(state.teacherId, state.id)}/status`] = state.status;
    // An ended session's code is free again (a live session holds it).
    if (state.status === 'ended') updates[paths.joinCode(state.joinCode)] = null;
    updates[`${base}/state`] = JSON.stringify(stateCore(state));
    updates[`${base}/gate`] = gateNode(state);
  }
  if (events.some((event) => changesStandings(state, event))) {
    // Quiz mode: every student's own standing (once per reveal, not per answer).
    for (const student of Object.values(state.students))
      updates[paths.standing(state.id, student.id)] = isInClass(student)
        ? (ownStanding(state, student.id) ?? null)
        : null;
    if (state.leaderboardShown) results = true;
  }
  const anyRevealed = Object.values(state.slides).some((s) => s.reveal !== 'hidden');
  if (core || (results && (anyRevealed || state.leaderboardShown)))
    updates[paths.public(state.id)] = JSON.stringify(publicSessionView(state));
  return updates;
}

function studentIdOf(event: Extract<EngineEvent, { student: unknown } | { studentId: string }>) {
  return 'student' in event ? event.student.id : event.studentId;
}

/**
 * The engine's state from a session's node as read from the database, or undefined when there is
 * none. Responses that are not valid answers (the database also takes browsers' writes) are left
 * out rather than trusted.
 */
export function stateFromNode(node: unknown): SessionState | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as Partial<Record<keyof SessionNode, unknown>>;
  if (typeof n.state !== 'string') return undefined;
  const core = JSON.parse(n.state) as StateCore;
  const students: SessionState['students'] = {};
  for (const [id, record] of Object.entries(asRecord(n.roster)))
    students[id] = record as StudentRecord;
  const responses: SessionState['responses'] = {};
  const questions = new Map(core.deck.slides.map((s) => [s.id, s.question]));
  for (const [slideId, bySlide] of Object.entries(asRecord(n.responses))) {
    const question = questions.get(slideId);
    if (!question) continue;
    for (const [studentId, raw] of Object.entries(asRecord(bySlide))) {
      const response = storedResponseFrom(raw);
      // The rules check shapes, not everything (a ranking listing an item twice): the engine's
      // own check decides what counts.
      if (
        response &&
        answerProblem(question, response.answer) === null &&
        students[studentId] &&
        !students[studentId].removed
      )
        (responses[slideId] ??= {})[studentId] = response;
    }
  }
  const meta = asRecord(n.meta);
  const seq = typeof meta.seq === 'number' ? meta.seq : core.seq;
  return { ...core, seq, students, responses };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Erasing a student (SessionStore.eraseStudent) from a session's node as read (`node`) and its
 * health records (`health`: `sessionHealth/{id}` as read), as one multi-path update relative to
 * the root: their roster entry, presence, responses and standing go; the state core (its audit
 * trail), the public view and the others' standings are rewritten from `withoutStudent`; health
 * batches naming them are rewritten without those records. Other students' nodes are not
 * touched. Undefined when there is no session; `erased`: anything of the student was there.
 */
export function studentErasureUpdates(
  sessionId: string,
  node: unknown,
  health: unknown,
  studentId: string,
): { updates: Record<string, unknown>; erased: boolean } | undefined {
  const state = stateFromNode(node);
  if (!state) return undefined;
  const n = node as Partial<Record<keyof SessionNode, unknown>>;
  const base = paths.session(sessionId);
  const updates: Record<string, unknown> = {};
  let erased = false;
  // The raw nodes, not only what the state kept: a response the engine ignored is theirs too.
  const forget = (owner: unknown, path: string) => {
    if (!Object.hasOwn(asRecord(owner), studentId)) return;
    updates[path] = null;
    erased = true;
  };
  forget(n.roster, paths.roster(sessionId, studentId));
  forget(n.presence, paths.presence(sessionId, studentId));
  forget(n.standings, paths.standing(sessionId, studentId));
  for (const [slideId, bySlide] of Object.entries(asRecord(n.responses)))
    forget(bySlide, paths.response(sessionId, slideId, studentId));
  const next = withoutStudent(state, studentId);
  if (next) {
    erased = true;
    updates[`${base}/state`] = JSON.stringify(stateCore(next));
    updates[paths.public(sessionId)] = JSON.stringify(publicSessionView(next));
    if (n.standings !== undefined && n.standings !== null)
      for (const student of Object.values(next.students))
        updates[paths.standing(sessionId, student.id)] = isInClass(student)
          ? (ownStanding(next, student.id) ?? null)
          : null;
  }
  for (const [key, batch] of Object.entries(asRecord(health))) {
    if (typeof batch !== 'string') continue;
    let records: unknown;
    try {
      records = JSON.parse(batch);
    } catch {
      continue;
    }
    if (!Array.isArray(records)) continue;
    const others = records.filter((r) => !healthRecordNames(r, studentId));
    if (others.length === records.length) continue;
    updates[`${paths.health(sessionId)}/${key}`] =
      others.length > 0 ? JSON.stringify(others) : null;
  }
  return { updates, erased };
}
