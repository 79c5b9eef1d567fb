import {
  deckSchema,
  idSchema,
  joinCodeSchema,
  sessionSettingsSchema,
  teacherCommandSchema,
  type SessionState,
} from '../protocol/index.ts';
import type { Envelope } from './commands.ts';
import { decideStudent } from './decide-student.ts';
import { decideTeacher } from './decide-teacher.ts';
import { accept, nothingToDo, refuse, type DecideResult } from './result.ts';
import { auditEntry } from './audit.ts';
import { findSlide, isSessionTeacher, slideExpiresAt } from './rules.ts';

/**
 * Pure: what should happen if `envelope` is applied to `state` at `now`. Never changes `state`.
 * Every session rule lives here (and in the functions it calls); servers and stores only call it.
 */
export function decide(state: SessionState | null, envelope: Envelope, now: number): DecideResult {
  const { actor, command } = envelope;

  if (command.type === 'createSession') {
    if (state) return refuse('invalid_state', 'The session already exists.');
    if (actor.role !== 'teacher') return refuse('forbidden');
    const deck = deckSchema.safeParse(command.deck);
    const settings = sessionSettingsSchema.safeParse(command.settings);
    const id = idSchema.safeParse(command.sessionId);
    const code = joinCodeSchema.safeParse(command.joinCode);
    if (!deck.success) return refuse('bad_request', deck.error.issues[0]?.message);
    if (!settings.success || !id.success || !code.success) return refuse('bad_request');
    return accept({
      type: 'sessionCreated',
      at: now,
      session: {
        id: id.data,
        joinCode: code.data,
        teacherId: actor.teacherId,
        deck: deck.data,
        settings: settings.data,
      },
    });
  }

  if (!state) return refuse('session_not_found');

  switch (command.type) {
    case 'join':
    case 'submitAnswer':
    case 'navigate':
      if (actor.role !== 'student') return refuse('forbidden');
      return decideStudent(state, actor.studentId, command, now);
    case 'expireTimer': {
      if (actor.role !== 'system') return refuse('forbidden');
      const located = findSlide(state, command.slideId);
      if (!located) return refuse('slide_not_found');
      // A timer that was cancelled, restarted or already fired makes this a stale wake-up, and so
      // does one that fires while a student with extended time still has time.
      const expiresAt = slideExpiresAt(state, located.runtime);
      if (state.status === 'ended' || expiresAt === null || now < expiresAt) return nothingToDo();
      return accept({ type: 'timerExpired', slideId: command.slideId });
    }
    default: {
      if (actor.role !== 'teacher' || !isSessionTeacher(state, actor.teacherId))
        return refuse('forbidden');
      // Typed callers cannot send anything else, but the engine never trusts a typed parameter.
      const parsed = teacherCommandSchema.safeParse(command);
      if (!parsed.success) return refuse('bad_request', parsed.error.issues[0]?.message);
      if (parsed.data.type === 'setCoTeachers' && actor.teacherId !== state.teacherId)
        return refuse('forbidden', 'Only the session’s owner chooses its co-teachers.');
      const decided = decideTeacher(state, parsed.data, now);
      // Whatever a teacher changed is recorded with who changed it.
      if (!decided.ok || decided.events.length === 0) return decided;
      return accept(...decided.events, {
        type: 'teacherActed',
        entry: auditEntry(parsed.data, actor.teacherId, now),
      });
    }
  }
}
