import type { AuditEntry, TeacherCommand } from '../protocol/index.ts';

/**
 * The audit trail's entry for a teacher command that changed the session: who, when, what, and
 * on which slide or student. The report shows these (answers are never copied into it).
 */
export function auditEntry(command: TeacherCommand, by: string, at: number): AuditEntry {
  const entry: AuditEntry = { at, by, action: command.type };
  if ('slideId' in command) entry.slideId = command.slideId;
  if ('studentId' in command) entry.studentId = command.studentId;
  const detail = detailOf(command);
  if (detail !== undefined) entry.detail = detail;
  return entry;
}

function detailOf(command: TeacherCommand): string | undefined {
  switch (command.type) {
    case 'goToSlide':
      return String(command.slideIndex + 1);
    case 'setPacing':
      return command.pacing;
    case 'setLatePolicy':
      return command.latePolicy;
    case 'setClassSize':
      return String(command.classSize);
    case 'setJoinLocked':
      return String(command.locked);
    case 'setWaitingRoom':
      return String(command.enabled);
    case 'admitStudents':
      return command.studentIds === 'all' ? 'all' : String(command.studentIds.length);
    case 'startTimer':
      return `${Math.round(command.durationMs / 1000)} s`;
    case 'setReveal':
      return command.mode;
    case 'revealCorrect':
    case 'hideResponse':
      return String('revealed' in command ? command.revealed : command.hidden);
    case 'setStudentTransport':
      return command.transport;
    case 'setDarkLaunchShare':
      return String(command.share);
    case 'setQuiz':
      return command.quiz === null
        ? 'off'
        : `speed bonus ${command.quiz.speedBonus ? 'on' : 'off'}, leaderboard ${command.quiz.leaderboard ? 'on' : 'off'}`;
    case 'showLeaderboard':
      return String(command.shown);
    case 'setDueAt':
      return command.dueAt === null ? 'none' : new Date(command.dueAt).toISOString();
    case 'setCoTeachers':
      return String(command.teacherIds.length);
    case 'setExtendedTime':
      return String(command.extendedTime);
    default:
      return undefined;
  }
}
