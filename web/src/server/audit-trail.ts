import type { AuditEntry, SessionState } from '@classpulse/realtime/protocol';
import { database } from './db.ts';
import { accountNames } from './data/account-repository.ts';

/** One line of a report's "Teacher actions": when, which teacher, what they did. */
export interface AuditRow {
  at: number;
  who: string;
  what: string;
}

/** The session's audit trail in words, oldest first, with each teacher's name. */
export async function auditTrail(state: SessionState): Promise<AuditRow[]> {
  const entries = state.audit ?? [];
  const names = await accountNames(
    await database(),
    entries.map((e) => e.by),
  );
  return entries.map((entry) => ({
    at: entry.at,
    who: names.get(entry.by) ?? 'A former teacher',
    what: describe(state, entry),
  }));
}

function describe(state: SessionState, entry: AuditEntry): string {
  const slideIndex = state.deck.slides.findIndex((s) => s.id === entry.slideId);
  const slideObj = state.deck.slides[slideIndex];
  const slide = slideObj
    ? `slide ${slideIndex + 1} (${slideObj.title || slideObj.question?.prompt || slideObj.id})`
    : 'a slide';
  const student = entry.studentId
    ? (state.students[entry.studentId]?.name ?? 'a student')
    : 'a student';
  switch (entry.action) {
    case 'goToSlide':
      return `Moved the class to slide ${entry.detail ?? ''}`.trim();
    case 'lockSlide':
      return `Locked ${slide}`;
    case 'unlockSlide':
      return `Unlocked ${slide}`;
    case 'startTimer':
      return `Started a ${entry.detail ?? ''} timer on ${slide}`;
    case 'cancelTimer':
      return `Stopped the timer on ${slide}`;
    case 'setReveal':
      return entry.detail === 'hidden'
        ? `Hid the results of ${slide}`
        : `Showed the results of ${slide} (${entry.detail === 'named' ? 'with names' : 'anonymous'})`;
    case 'revealCorrect':
      return entry.detail === 'true'
        ? `Revealed the correct answer of ${slide}`
        : `Hid the correct answer of ${slide}`;
    case 'hideResponse':
      return entry.detail === 'true'
        ? `Hid ${student}’s answer on ${slide}`
        : `Showed ${student}’s answer on ${slide} again`;
    case 'removeStudent':
      return `Removed ${student}`;
    case 'readmitStudent':
      return `Let ${student} back in`;
    case 'setClassSize':
      return `Set the class size to ${entry.detail ?? ''}`;
    case 'setJoinLocked':
      return entry.detail === 'true'
        ? 'Closed the session to new students'
        : 'Opened the session to new students';
    case 'setWaitingRoom':
      return entry.detail === 'true' ? 'Turned the waiting room on' : 'Turned the waiting room off';
    case 'admitStudents':
      return entry.detail === 'all'
        ? 'Let everyone in from the waiting room'
        : `Let ${entry.detail ?? ''} ${entry.detail === '1' ? 'student' : 'students'} in from the waiting room`;
    case 'setPacing':
      return entry.detail === 'student' ? 'Let students set their own pace' : 'Took over the pace';
    case 'setLatePolicy':
      return `Set late joins to “${entry.detail ?? ''}”`;
    case 'setStudentTransport':
      return `Moved students’ connection to ${entry.detail ?? ''}`;
    case 'setDarkLaunchShare':
      return `Set the connection test share to ${entry.detail ?? ''}`;
    case 'setCoTeachers':
      return `Changed the co-teachers (now ${entry.detail ?? '0'})`;
    case 'endSession':
      return 'Ended the session';
    default:
      return entry.action;
  }
}
