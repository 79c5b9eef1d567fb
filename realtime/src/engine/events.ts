import type {
  Answer,
  AuditEntry,
  Deck,
  ExtendedTime,
  LatePolicy,
  Pacing,
  QuizSettings,
  RevealMode,
  SessionSettings,
  StudentRecord,
  StudentTransport,
} from '../protocol/index.ts';

/**
 * What happened, as decided by the engine. Events carry every value they need (times, ids,
 * disambiguated names) so replaying them is deterministic without the commands or the clock.
 */
export type EngineEvent =
  | {
      type: 'sessionCreated';
      at: number;
      session: {
        id: string;
        joinCode: string;
        teacherId: string;
        deck: Deck;
        settings: SessionSettings;
      };
    }
  | { type: 'studentJoined'; student: StudentRecord }
  | { type: 'studentRemoved'; studentId: string; at: number }
  | { type: 'studentReadmitted'; studentId: string }
  /** `null`: back to standard time. */
  | { type: 'extendedTimeChanged'; studentId: string; extendedTime: ExtendedTime | null }
  | { type: 'classSizeChanged'; classSize: number }
  | { type: 'joinLockChanged'; locked: boolean }
  | { type: 'waitingRoomChanged'; enabled: boolean }
  | { type: 'studentsAdmitted'; studentIds: string[] }
  | { type: 'studentNavigated'; studentId: string; position: number }
  | { type: 'slideChanged'; slideIndex: number; at: number }
  | { type: 'pacingChanged'; pacing: Pacing }
  | { type: 'latePolicyChanged'; latePolicy: LatePolicy }
  | { type: 'studentTransportChanged'; transport: StudentTransport }
  | { type: 'darkLaunchShareChanged'; share: number }
  | { type: 'slideLockChanged'; slideId: string; locked: boolean }
  /** `at`: when it started (absent in events from before extended time: the deadline then). */
  | { type: 'timerStarted'; slideId: string; deadline: number; at?: number }
  | { type: 'timerCancelled'; slideId: string }
  | { type: 'timerExpired'; slideId: string }
  | { type: 'revealChanged'; slideId: string; mode: RevealMode }
  | { type: 'correctRevealChanged'; slideId: string; revealed: boolean }
  | { type: 'quizChanged'; quiz: QuizSettings | null }
  | { type: 'leaderboardShownChanged'; shown: boolean }
  | { type: 'dueAtChanged'; dueAt: number | null }
  | {
      type: 'answerSubmitted';
      slideId: string;
      studentId: string;
      answerId: string;
      answer: Answer;
      at: number;
      clientCreatedAt: number | null;
    }
  | { type: 'responseHiddenChanged'; slideId: string; studentId: string; hidden: boolean }
  | { type: 'sessionEnded'; at: number }
  | { type: 'coTeachersChanged'; teacherIds: string[] }
  /** Recorded with every teacher command that changed something: the audit trail. */
  | { type: 'teacherActed'; entry: AuditEntry };

export type EngineEventType = EngineEvent['type'];

/**
 * Events that change the session's settings or slide runtime (what `teacherMeta` and the public
 * view show), as opposed to roster and responses.
 */
export const META_EVENT_TYPES: ReadonlySet<EngineEventType> = new Set<EngineEventType>([
  'slideChanged',
  'pacingChanged',
  'latePolicyChanged',
  'classSizeChanged',
  'joinLockChanged',
  'waitingRoomChanged',
  'studentTransportChanged',
  'darkLaunchShareChanged',
  'slideLockChanged',
  'timerStarted',
  'timerCancelled',
  'timerExpired',
  'revealChanged',
  'correctRevealChanged',
  'quizChanged',
  'leaderboardShownChanged',
  'dueAtChanged',
  'sessionEnded',
]);
