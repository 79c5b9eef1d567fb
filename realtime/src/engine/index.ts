export { apply, type Applied, type ApplyResult } from './apply.ts';
export type {
  Actor,
  CreateSessionCommand,
  EngineCommand,
  Envelope,
  StudentCommand,
  SystemCommand,
} from './commands.ts';
export { decide } from './decide.ts';
export { STUDENTS_PER_SESSION_MAX } from './decide-student.ts';
export { META_EVENT_TYPES, type EngineEvent, type EngineEventType } from './events.ts';
export { evolve, evolveAll } from './evolve.ts';
export { withoutStudent } from './erase-student.ts';
export type { DecideResult, Decision } from './result.ts';
export { reportStudents } from './report-order.ts';
// Where a question's points are read is the protocol's; the engine's users get it here too.
export { questionPoints } from '../protocol/index.ts';
export {
  answerPoints,
  changesStandings,
  LEADERBOARD_SIZE,
  sessionScores,
  SPEED_BONUS_SHARE,
  SPEED_WINDOW_MS,
  standingOf,
  standings,
  type AnswerPoints,
  type SessionScores,
  type Standing,
  type StudentScore,
} from './scores.ts';
export {
  answerRefusal,
  findSlide,
  isLateJoin,
  isSessionTeacher,
  isSlideLocked,
  isSlideLockedFor,
  isSlideVisible,
  slideExpiresAt,
} from './rules.ts';
export {
  countResponses,
  ownStanding,
  publicSessionView,
  responseCounts,
  slideResults,
  studentSelfView,
  teacherMeta,
} from './views.ts';
