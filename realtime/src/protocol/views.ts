import type { Answer } from './questions.ts';
import type { Pacing, RevealMode, SessionSettings, SlideImage, StudentTransport } from './deck.ts';
import type { Question } from './questions.ts';
import type { ExtendedTime } from './extended-time.ts';
import type { Presence, SessionState, StoredResponse, StudentRecord } from './state.ts';

/** What every student of a session may see; identical for all of them, so it is sent once. */
export interface PublicSessionView {
  sessionId: string;
  title: string;
  /** The deck's content language (BCP 47), when the teacher set one. */
  language?: string;
  status: 'live' | 'ended';
  pacing: Pacing;
  currentSlideIndex: number;
  slideCount: number;
  /** Instructor-paced: only the current slide. Student-paced: every slide. */
  slides: PublicSlideView[];
  /** The session's setting, when the teacher or the web app set one (Firebase mode). */
  studentTransport?: StudentTransport;
  darkLaunchShare?: number;
  /** Quiz mode is on; `leaderboard: false` when the teacher hid ranks entirely. */
  quiz?: { leaderboard: boolean };
  /** While the teacher shows it: the top five by revealed points (names only, never the class). */
  leaderboard?: LeaderboardEntry[];
  /** A homework's due time (server clock): answers close then. */
  dueAt?: number;
  /**
   * When the session was created (server clock), sent with `dueAt`: a student with extended time
   * stretches the due time from here (`ownDueAt`).
   */
  createdAt?: number;
}

export interface LeaderboardEntry {
  rank: number;
  name: string;
  points: number;
}

/** Quiz mode: a student's own points (revealed slides only) and, with a leaderboard, rank. */
export interface OwnStanding {
  points: number;
  rank?: number;
  /** Students ranked. */
  of?: number;
}

export interface PublicSlideView {
  index: number;
  id: string;
  title: string;
  body: string;
  /** The slide's picture (never its speaker notes: those stay with the teacher). */
  image?: SlideImage;
  /** Correct answers are stripped until the teacher reveals them. */
  question: Question | null;
  locked: boolean;
  /** The class's deadline; a student with extended time has their own (`ownSlideDeadline`). */
  deadline: number | null;
  /** When the running timer started: identical for everyone. */
  timerStartedAt?: number;
  reveal: RevealMode;
  correctRevealed: boolean;
  /** Present only when the teacher revealed results for this slide. */
  results: SlideResults | null;
}

export interface SlideResults {
  /** Visible (not hidden) responses. */
  responseCount: number;
  /** At most `RESULTS_ENTRIES_MAX` entries; names only in "named" mode. */
  entries: Array<{ answer: Answer; name?: string }>;
  truncated: boolean;
}

/** Results shown to students are capped so a reveal to a large class stays a small message. */
export const RESULTS_ENTRIES_MAX = 500;

/** What only this student may see about themselves. */
export interface StudentSelfView {
  studentId: string;
  name: string;
  firstAnswerableIndex: number;
  position: number;
  /** In the waiting room: the student app shows a waiting screen until the teacher admits them. */
  waiting: boolean;
  responses: Record<string, OwnResponse>;
  /** Quiz mode only. */
  standing?: OwnStanding;
  /** Extended time the teacher gave this student (absent: standard time); theirs alone. */
  extendedTime?: ExtendedTime;
}

export interface OwnResponse {
  answerId: string;
  answer: Answer;
  submittedAt: number;
  hidden: boolean;
}

/** What a student sees of one of their stored responses. */
export function ownResponse(r: StoredResponse): OwnResponse {
  return { answerId: r.answerId, answer: r.answer, submittedAt: r.submittedAt, hidden: r.hidden };
}

/** What a student sees of themselves: their roster entry and their own responses. */
export function selfViewOf(
  student: StudentRecord,
  responses: Iterable<readonly [slideId: string, response: StoredResponse]>,
  standing?: OwnStanding,
): StudentSelfView {
  const own: StudentSelfView['responses'] = {};
  for (const [slideId, r] of responses) own[slideId] = ownResponse(r);
  return {
    studentId: student.id,
    name: student.name,
    firstAnswerableIndex: student.firstAnswerableIndex,
    position: student.position,
    waiting: student.waiting === true,
    responses: own,
    ...(standing ? { standing } : {}),
    ...(student.extendedTime === undefined ? {} : { extendedTime: student.extendedTime }),
  };
}

export interface StudentView {
  session: PublicSessionView;
  self: StudentSelfView;
}

/** The teacher sees the whole state plus live presence. */
export interface TeacherSnapshot {
  state: SessionState;
  presence: Record<string, Presence>;
  /** Stored responses per slide id (hidden ones included). */
  counts: Record<string, number>;
  serverTime: number;
}

export interface ResponseUpsert {
  slideId: string;
  studentId: string;
  response: StoredResponse;
}

/**
 * Incremental teacher update, batched per event-loop turn so a class answering at once costs one
 * message per turn rather than one per answer.
 */
export interface TeacherDelta {
  seq: number;
  meta?: TeacherMeta;
  /** Upserted roster entries; a student with `removed: true` no longer has any response. */
  students?: SessionState['students'][string][];
  responses?: ResponseUpsert[];
  presence?: Record<string, Presence>;
  /** New response counts of the slides whose responses changed. */
  counts?: Record<string, number>;
}

/** Everything in the state except the roster and the responses. */
export interface TeacherMeta {
  status: SessionState['status'];
  endedAt: number | null;
  settings: SessionSettings;
  currentSlideIndex: number;
  furthestSlideIndex: number;
  slides: SessionState['slides'];
  /** Quiz mode: the top five are on the projector (false when not). */
  leaderboardShown: boolean;
}
