import type { Logger } from 'pino';
import {
  isSessionTeacher,
  publicSessionView,
  responseCounts,
  studentSelfView,
  type Envelope,
} from '../engine/index.ts';
import {
  navigateMessageSchema,
  ownResponse,
  protocolError,
  parseSubmitAnswerMessage,
  studentExport,
  teacherCommandMessageSchema,
  type ProtocolError,
  type TeacherSnapshot,
} from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import { healthReportFromBatches } from './health/health-report.ts';
import type { LiveSession } from './live-session.ts';
import type { SessionRegistry } from './session-registry.ts';
import type { Member, OpenedViews, Reply, SessionEvent, SessionOps } from './session-ops.ts';

export interface LocalSessionOpsDeps {
  registry: SessionRegistry;
  clock: Clock;
  logger: Logger;
}

/** The local operations plus what the cluster layer needs to rebuild presence after a move. */
export interface LocalSessionOps extends SessionOps {
  /**
   * `open` without the views: re-announces a connection to a session that changed owner.
   * `connection` (the socket id) is logged for the health report: it lived on.
   */
  attach(
    sessionId: string,
    member: Member,
    transport: string,
    connection?: string,
  ): Promise<boolean>;
  /** Resolves once the session is in memory here (false: it does not exist). */
  load(sessionId: string): Promise<boolean>;
  /** What `open` returns, without counting a connection (a repeated open). */
  views(sessionId: string, member: Member): Promise<OpenedViews | ProtocolError>;
}

/** SessionOps on the sessions held by this process's registry. */
export function createLocalSessionOps(deps: LocalSessionOpsDeps): LocalSessionOps {
  const { registry, clock } = deps;
  const health = registry.health;

  const attach = async (sessionId: string, member: Member, transport: string) => {
    const live = await registry.get(sessionId);
    if (!live) return undefined;
    if (member.role === 'student' && !live.state.students[member.studentId]) return undefined;
    registry.attach(live);
    if (member.role === 'student') live.presence.connected(member.studentId, transport);
    return live;
  };

  return {
    findByJoinCode: (joinCode) => registry.findSessionIdByJoinCode(joinCode),

    async admit(sessionId, member) {
      const live = await registry.get(sessionId);
      if (!live) return protocolError('session_not_found');
      if (member.role === 'teacher') {
        return isSessionTeacher(live.state, member.teacherId)
          ? { ok: true }
          : protocolError('forbidden');
      }
      const student = live.state.students[member.studentId];
      if (!student) return protocolError('student_not_found');
      if (student.removed) return protocolError('student_removed');
      return { ok: true };
    },

    async join(sessionId, studentId, name, verified) {
      const joined = await registry.execute(sessionId, {
        actor: { role: 'student', studentId },
        command: { type: 'join', name, ...(verified ? { verified: true } : {}) },
      });
      return joined.ok ? { ok: true } : joined;
    },

    async load(sessionId) {
      return (await registry.get(sessionId)) !== undefined;
    },

    async attach(sessionId, member, transport, connection) {
      const live = await attach(sessionId, member, transport);
      if (live && connection !== undefined && member.role === 'student')
        health.note(sessionId, {
          k: 'reattach',
          at: clock.now(),
          studentId: member.studentId,
          connection,
        });
      return live !== undefined;
    },

    async open(sessionId, member, transport, connection) {
      const live = await attach(sessionId, member, transport);
      if (!live) return protocolError('session_not_found');
      if (member.role === 'student')
        health.note(sessionId, {
          k: 'open',
          at: clock.now(),
          studentId: member.studentId,
          connection,
          transport,
        });
      return viewsOf(live, member, clock);
    },

    async views(sessionId, member) {
      const live = await registry.get(sessionId);
      if (!live || (member.role === 'student' && !live.state.students[member.studentId]))
        return protocolError('session_not_found');
      return viewsOf(live, member, clock);
    },

    async close(sessionId, member, connection, reason) {
      const live = registry.peek(sessionId);
      if (!live) return;
      // A student erased meanwhile (their socket is closed after the erasure): nothing about
      // them may be recorded again.
      if (member.role === 'student' && !live.state.students[member.studentId]) return;
      if (member.role === 'student') {
        live.presence.disconnected(member.studentId);
        health.note(sessionId, {
          k: 'close',
          at: clock.now(),
          studentId: member.studentId,
          connection,
          reason: (reason ?? 'closed').slice(0, 64),
        });
      }
      registry.detach(live);
    },

    async transportChanged(sessionId, studentId, transport, connection) {
      const live = registry.peek(sessionId);
      if (!live || !live.state.students[studentId]) return;
      live.presence.transportChanged(studentId, transport);
      if (connection !== undefined)
        health.note(sessionId, {
          k: 'upgrade',
          at: clock.now(),
          studentId,
          connection,
          transport,
        });
    },

    async reportRtt(sessionId, studentId, transport, rttMs) {
      registry.peek(sessionId)?.presence.rtt(studentId, transport, rttMs);
    },

    handle(sessionId, member, event, message, origin) {
      const run = (live: LiveSession | undefined): Promise<Reply> | Reply => {
        if (!live) return protocolError('session_not_found');
        if (member.role === 'student') live.presence.seen(member.studentId);
        return HANDLERS[event]({ sessionId, member, origin, registry, clock, live }, message);
      };
      // A held session is handled at once; another is loaded first.
      const live = registry.ready(sessionId);
      return live ? Promise.resolve(run(live)) : registry.get(sessionId).then(run);
    },

    create: (teacherId, deck, settings) => registry.create(teacherId, deck, settings),

    async report(sessionId, teacherId) {
      const live = await registry.get(sessionId);
      if (!live || !isSessionTeacher(live.state, teacherId))
        return protocolError('session_not_found');
      return { ok: true, state: live.state, responseCounts: responseCounts(live.state) };
    },

    async health(sessionId, teacherId) {
      // From the store, without loading the session here: reading a report is not a restart.
      const sources = await registry.healthSources(sessionId);
      if (!sources || !isSessionTeacher(sources.state, teacherId))
        return protocolError('session_not_found');
      return healthReportFromBatches(sources.state, sources.records, clock.now());
    },

    // Deleting a session and every answer is its owner's alone, not a co-teacher's.
    async delete(sessionId, teacherId) {
      const live = await registry.get(sessionId);
      if (!live || live.state.teacherId !== teacherId) return protocolError('session_not_found');
      await registry.delete(sessionId);
      return { ok: true };
    },

    async exportStudent(sessionId, teacherId, studentId) {
      // From the store, like the health report: reading an export does not load the session.
      const sources = await registry.healthSources(sessionId);
      if (!sources || !isSessionTeacher(sources.state, teacherId))
        return protocolError('session_not_found');
      const health: unknown[] = [];
      for await (const batch of sources.records) health.push(...batch);
      return studentExport(sources.state, studentId, health) ?? protocolError('student_not_found');
    },

    // Erasing is the owner's, like deleting the session. A live session is refused: its students'
    // browsers may still hold queued answers and (Firebase transport) write to the database
    // themselves, which would bring the student back after the erasure.
    async eraseStudent(sessionId, teacherId, studentId) {
      const state = await registry.stored(sessionId);
      if (!state || !isSessionTeacher(state, teacherId)) return protocolError('session_not_found');
      if (state.teacherId !== teacherId) return protocolError('forbidden');
      if (state.status === 'live') return protocolError('session_live');
      return { ok: true, erased: await registry.eraseStudent(sessionId, studentId) };
    },
  };
}

/** What a handler may use: who sent it, from which socket, and the session. */
interface EventContext {
  sessionId: string;
  member: Member;
  /** The sending socket's id: it already shows its own answer, so echoes skip it. */
  origin: string;
  registry: SessionRegistry;
  clock: Clock;
  live: LiveSession;
}

type Handler = (context: EventContext, message: unknown) => Promise<Reply>;

const HANDLERS: Record<SessionEvent, Handler> = {
  'teacher:command': async ({ sessionId, member, origin, registry }, message) => {
    if (member.role !== 'teacher') return protocolError('forbidden');
    const parsed = teacherCommandMessageSchema.safeParse(message);
    if (!parsed.success) return badRequest(parsed.error.issues[0]);
    if (parsed.data.sessionId !== sessionId) return protocolError('forbidden');
    const result = await registry.execute(
      sessionId,
      { actor: { role: 'teacher', teacherId: member.teacherId }, command: parsed.data.command },
      origin,
    );
    return result.ok ? { ok: true, seq: result.state.seq } : result;
  },
  'student:submit': async ({ sessionId, member, origin, registry, clock, live }, message) => {
    if (member.role !== 'student') return protocolError('forbidden');
    const receivedAt = clock.now();
    const parsed = parseSubmitAnswerMessage(message);
    if (!parsed.success) return badRequest(parsed.error.issues[0]);
    const m = parsed.data;
    if (m.sessionId !== sessionId) return protocolError('forbidden');
    const envelope: Envelope = {
      actor: { role: 'student', studentId: member.studentId },
      command: {
        type: 'submitAnswer',
        slideId: m.slideId,
        answerId: m.answerId,
        answer: m.answer,
        clientCreatedAt: m.clientCreatedAt,
      },
    };
    const result = await registry.execute(sessionId, envelope, origin);
    if (!result.ok) return result;
    const stored = result.state.responses[m.slideId]?.[member.studentId];
    if (!stored) return protocolError('internal_error');
    // Logged as the acknowledgement goes out (after the durable write), with the next write.
    registry.health.note(sessionId, {
      k: 'ack',
      at: clock.now(),
      receivedAt,
      studentId: member.studentId,
      slideId: m.slideId,
      answerId: m.answerId,
      transport: live.presence.transportOf(member.studentId) ?? 'socket',
      duplicate: result.duplicate,
      ...(m.delivery
        ? {
            queuedMs: m.delivery.queuedMs,
            offline: m.delivery.offline,
            attempt: m.delivery.attempt,
          }
        : {}),
    });
    return {
      ok: true,
      answerId: m.answerId,
      duplicate: result.duplicate,
      response: ownResponse(stored),
    };
  },
  'student:navigate': async ({ sessionId, member, origin, registry }, message) => {
    if (member.role !== 'student') return protocolError('forbidden');
    const parsed = navigateMessageSchema.safeParse(message);
    if (!parsed.success) return badRequest(parsed.error.issues[0]);
    if (parsed.data.sessionId !== sessionId) return protocolError('forbidden');
    const result = await registry.execute(
      sessionId,
      {
        actor: { role: 'student', studentId: member.studentId },
        command: { type: 'navigate', slideIndex: parsed.data.slideIndex },
      },
      origin,
    );
    return result.ok
      ? { ok: true, position: result.state.students[member.studentId]?.position ?? 0 }
      : result;
  },
  'session:sync': async ({ member, live, clock }) => {
    if (member.role === 'teacher') return { ok: true, teacher: teacherSnapshot(live, clock) };
    const self = studentSelfView(live.state, member.studentId);
    if (!self) return protocolError('student_removed');
    return { ok: true, student: { session: publicSessionView(live.state), self } };
  },
};

function viewsOf(live: LiveSession, member: Member, clock: Clock): OpenedViews {
  if (member.role === 'teacher') return { role: 'teacher', snapshot: teacherSnapshot(live, clock) };
  return {
    role: 'student',
    session: publicSessionView(live.state),
    self: studentSelfView(live.state, member.studentId) ?? null,
  };
}

export function teacherSnapshot(live: LiveSession, clock: Clock): TeacherSnapshot {
  // The audit trail is the report's; dashboards do not need it on every (re)connect.
  const { audit: _audit, ...state } = live.state;
  return {
    state,
    presence: live.presence.snapshot(),
    counts: responseCounts(live.state),
    serverTime: clock.now(),
  };
}

function badRequest(issue: { message: string; path: PropertyKey[] } | undefined): ProtocolError {
  return protocolError('bad_request', issue?.message, issue?.path.map(String).join('.'));
}
