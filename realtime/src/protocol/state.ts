import type { Answer } from './questions.ts';
import type { Deck, RevealMode, SessionSettings } from './deck.ts';
import type { ExtendedTime } from './extended-time.ts';

/**
 * The durable state of one live session. Plain JSON (records, no Maps) so a store can snapshot it
 * as is. Owned by the engine: only `evolve` changes it.
 */
export interface SessionState {
  id: string;
  joinCode: string;
  teacherId: string;
  deck: Deck;
  settings: SessionSettings;
  status: 'live' | 'ended';
  createdAt: number;
  endedAt: number | null;
  currentSlideIndex: number;
  /** Highest slide index the teacher has shown; used to tell a late join from an early one. */
  furthestSlideIndex: number;
  slides: Record<string, SlideRuntime>;
  students: Record<string, StudentRecord>;
  /** responses[slideId][studentId]: one current response per student and slide. */
  responses: Record<string, Record<string, StoredResponse>>;
  /** Number of accepted commands; the position in a store's log. */
  seq: number;
  /**
   * Other teacher accounts with the same control as the owner (`teacherId`), set by the owner.
   * Absent in sessions from before co-teaching: none.
   */
  coTeacherIds?: string[];
  /** Who did what, oldest first, at most LIMITS.auditEntriesMax (absent: nothing yet). */
  audit?: AuditEntry[];
  /** Quiz mode: the top five are on the projector (absent: not shown). */
  leaderboardShown?: boolean;
}

/** One teacher action in a session's audit trail: the command that changed the session. */
export interface AuditEntry {
  at: number;
  /** The teacher account that sent it (the owner or a co-teacher). */
  by: string;
  /** The teacher command's type (`goToSlide`, `lockSlide`, `setReveal`, `removeStudent`, …). */
  action: string;
  slideId?: string;
  studentId?: string;
  /** The value it set, where there is one: a slide number, a reveal mode, a pacing. */
  detail?: string;
}

export interface SlideRuntime {
  /** Shown by the teacher at least once (always true in student-paced sessions). */
  opened: boolean;
  locked: boolean;
  /**
   * Server time at which the class's time is up, or null without a running timer. Students with
   * extended time have their own, later deadline (`ownSlideDeadline`); the slide locks itself
   * once the last of them has passed.
   */
  deadline: number | null;
  /** Server time the running timer started (absent without one, and in older sessions). */
  timerStartedAt?: number;
  reveal: RevealMode;
  correctRevealed: boolean;
  /** Server time the slide was first shown (absent in sessions from before quiz mode). */
  openedAt?: number;
  /**
   * Quiz mode's speed bonus runs out this long after `openedAt`: set by the slide's timer (from
   * the slide's opening to its deadline), kept when the timer ends so scores do not move.
   */
  speedWindowMs?: number;
}

export interface StudentRecord {
  id: string;
  name: string;
  joinedAt: number;
  removed: boolean;
  /**
   * In the waiting room: joined while the teacher admits students one by one, not yet let in. Such a
   * student sees only a waiting screen and can answer nothing. Absent once admitted.
   */
  waiting?: boolean;
  /** Slides before this index are visible but not answerable (late-join policy "next-slide"). */
  firstAnswerableIndex: number;
  /** Where the student is in a student-paced session. */
  position: number;
  /**
   * Extended time the teacher gave this student (absent: standard time). Only the teachers and
   * the student themself ever see it.
   */
  extendedTime?: ExtendedTime;
}

/** A student who takes part: not removed and not waiting to be admitted. */
export function isInClass(student: StudentRecord): boolean {
  return !student.removed && student.waiting !== true;
}

export interface StoredResponse {
  answerId: string;
  answer: Answer;
  /** Server time of the first submission of this slide's answer. */
  firstSubmittedAt: number;
  /** Server time of the current revision. */
  submittedAt: number;
  clientCreatedAt: number | null;
  /** Moderated by the teacher; sticky across edits so editing cannot undo moderation. */
  hidden: boolean;
  /** Every answerId this response has had, oldest first; a resend of any of them is a no-op. */
  answerIds: string[];
}

export type PresenceStatus = 'connected' | 'reconnecting' | 'gone';

export interface Presence {
  status: PresenceStatus;
  lastSeenAt: number;
  /** "websocket" | "polling" | "firebase"; null before the first connection. */
  transport: string | null;
  /**
   * The round trip (ms) the student's client last measured on that transport; absent until it
   * reported one (memory only, like the rest of presence).
   */
  rttMs?: number;
}
