import type { Server } from 'socket.io';
import {
  changesStandings,
  countResponses,
  META_EVENT_TYPES,
  publicSessionView,
  studentSelfView,
  teacherMeta,
  type EngineEvent,
} from '../engine/index.ts';
import {
  isInClass,
  protocolError,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type TeacherDelta,
  type TeacherSnapshot,
} from '../protocol/index.ts';
import { FanoutQueue } from './fanout-queue.ts';
import type { LiveSession, PendingTeacherDelta } from './live-session.ts';
import { studentRoom, studentsRoom, teacherRoom } from './rooms.ts';
import type { InterServerEvents, SocketData } from './socket-data.ts';

type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const META_EVENTS = META_EVENT_TYPES;
/** The longest stretch of flushes run before the event loop serves I/O again (fanout-queue.ts). */
const FANOUT_SLICE_MS = 4;
/** Students do not see the late-join policy. */
const PUBLIC_EVENTS: ReadonlySet<EngineEvent['type']> = new Set(
  [...META_EVENT_TYPES].filter((t) => t !== 'latePolicyChanged'),
);

/**
 * Turns committed events into messages. Teachers get one batched delta per event-loop turn;
 * students get the shared public view at most once per `studentIntervalMs` (computed once for
 * the whole class) and their own view only when it changed. Both flushes go through one
 * FanoutQueue, so many sessions flushing at once never hold the event loop in one long task.
 */
export class Broadcaster {
  private readonly io: IO;
  private readonly studentIntervalMs: number;
  /** One process: every socket of a room is here, so an empty room can be seen and skipped. */
  private readonly singleProcess: boolean;
  private readonly fanout = new FanoutQueue(FANOUT_SLICE_MS);

  constructor(io: IO, studentIntervalMs: number, singleProcess: boolean) {
    this.io = io;
    this.studentIntervalMs = studentIntervalMs;
    this.singleProcess = singleProcess;
  }

  committed(
    live: LiveSession,
    events: readonly EngineEvent[],
    originSocketId: string | undefined,
  ): void {
    const state = live.state;
    for (const event of events) {
      if (META_EVENTS.has(event.type)) this.delta(live).meta = true;
      if (PUBLIC_EVENTS.has(event.type)) this.markPublicDirty(live);
      switch (event.type) {
        case 'studentJoined':
        case 'studentNavigated':
          this.delta(live).students.add(
            event.type === 'studentJoined' ? event.student.id : event.studentId,
          );
          break;
        case 'studentReadmitted':
          this.delta(live).students.add(event.studentId);
          this.markPublicDirty(live);
          break;
        case 'extendedTimeChanged':
          // The teachers' roster shows it; the student alone learns it, in their own view.
          this.delta(live).students.add(event.studentId);
          this.sendSelf(live, event.studentId, undefined);
          break;
        case 'studentsAdmitted':
          // Their own view says they are in: the waiting screen gives way to the class.
          for (const id of event.studentIds) {
            this.delta(live).students.add(id);
            this.sendSelf(live, id, undefined);
          }
          break;
        case 'studentRemoved': {
          this.delta(live).students.add(event.studentId);
          this.markPublicDirty(live);
          const room = studentRoom(live.id, event.studentId);
          this.io.to(room).emit('session:closed', protocolError('student_removed'));
          this.io.in(room).disconnectSockets(true);
          live.presence.remove(event.studentId);
          break;
        }
        case 'answerSubmitted':
        case 'responseHiddenChanged': {
          const response = state.responses[event.slideId]?.[event.studentId];
          if (response) {
            this.delta(live).responses.set(`${event.slideId}\u0000${event.studentId}`, {
              slideId: event.slideId,
              studentId: event.studentId,
              response,
            });
          }
          if (state.slides[event.slideId]?.reveal !== 'hidden') this.markPublicDirty(live);
          this.sendSelf(
            live,
            event.studentId,
            event.type === 'answerSubmitted' ? originSocketId : undefined,
          );
          break;
        }
        case 'pacingChanged':
          for (const student of Object.values(state.students)) {
            if (!student.removed) this.sendSelf(live, student.id, undefined);
          }
          break;
        default:
          break;
      }
      if (event.type === 'studentNavigated') this.sendSelf(live, event.studentId, originSocketId);
    }
    if (events.some((event) => changesStandings(state, event))) {
      // Quiz mode: every student's points or rank may have moved (once per reveal, not per answer).
      for (const student of Object.values(state.students))
        if (isInClass(student)) this.sendSelf(live, student.id, undefined);
      if (state.leaderboardShown) this.markPublicDirty(live);
    }
  }

  presenceChanged(live: LiveSession, studentId: string): void {
    const presence = live.presence.get(studentId);
    if (presence) this.delta(live).presence.set(studentId, presence);
  }

  /**
   * Everyone's full view again: after a session changed process, broadcasts the old owner made
   * just before dying may never have gone out (acknowledgements did).
   */
  resync(live: LiveSession, snapshot: TeacherSnapshot): void {
    this.io.to(teacherRoom(live.id)).emit('teacher:snapshot', snapshot);
    this.markPublicDirty(live);
  }

  evicted(live: LiveSession): void {
    if (live.publicTimer) clearTimeout(live.publicTimer);
    live.publicTimer = null;
  }

  private sendSelf(live: LiveSession, studentId: string, exceptSocketId: string | undefined): void {
    const name = studentRoom(live.id, studentId);
    if (this.singleProcess) {
      // Usually the student's only socket sent the answer and has its ack: nobody to tell, and
      // building and encoding the view for nobody cost a few µs on every answer.
      const members = this.io.of('/').adapter.rooms.get(name);
      if (!members || (members.size === 1 && exceptSocketId && members.has(exceptSocketId))) return;
    }
    const view = studentSelfView(live.state, studentId);
    if (!view) return;
    const room = this.io.to(name);
    (exceptSocketId ? room.except(exceptSocketId) : room).emit('student:self', view);
  }

  private delta(live: LiveSession): PendingTeacherDelta {
    if (!live.teacherDelta) {
      live.teacherDelta = {
        meta: false,
        students: new Set(),
        responses: new Map(),
        presence: new Map(),
      };
      this.fanout.add(() => this.flushTeacher(live), 'first');
    }
    return live.teacherDelta;
  }

  private flushTeacher(live: LiveSession): void {
    const pending = live.teacherDelta;
    live.teacherDelta = null;
    if (!pending) return;
    const state = live.state;
    const delta: TeacherDelta = { seq: state.seq };
    if (pending.meta) delta.meta = teacherMeta(state);
    if (pending.students.size > 0) {
      delta.students = [...pending.students].flatMap((id) => {
        const s = state.students[id];
        return s ? [{ ...s }] : [];
      });
    }
    if (pending.responses.size > 0 || pending.students.size > 0) {
      const touched = new Set([...pending.responses.values()].map((r) => r.slideId));
      // A removal deletes answers on any slide.
      if (pending.students.size > 0) for (const slide of state.deck.slides) touched.add(slide.id);
      delta.counts = {};
      for (const slideId of touched) delta.counts[slideId] = countResponses(state, slideId);
    }
    if (pending.responses.size > 0) delta.responses = [...pending.responses.values()];
    if (pending.presence.size > 0) delta.presence = Object.fromEntries(pending.presence);
    this.io.to(teacherRoom(live.id)).emit('teacher:delta', delta);
  }

  private markPublicDirty(live: LiveSession): void {
    live.publicDirty = true;
    if (live.publicTimer) return;
    // Output pacing runs on real time, not the injected session clock.
    const wait = Math.max(0, live.lastPublicFlushAt + this.studentIntervalMs - performance.now());
    live.publicTimer = setTimeout(() => this.fanout.add(() => this.flushPublic(live)), wait);
  }

  private flushPublic(live: LiveSession): void {
    live.publicTimer = null;
    if (!live.publicDirty) return;
    live.publicDirty = false;
    live.lastPublicFlushAt = performance.now();
    this.io.to(studentsRoom(live.id)).emit('student:session', publicSessionView(live.state));
  }
}
