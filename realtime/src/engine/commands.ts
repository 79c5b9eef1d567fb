import type { Answer, Deck, SessionSettings, TeacherCommand } from '../protocol/index.ts';

/** Who sends a command. The server derives it from a verified token, never from the payload. */
export type Actor =
  | { role: 'teacher'; teacherId: string }
  | { role: 'student'; studentId: string }
  | { role: 'system' };

export type StudentCommand =
  /** `verified`: the web app vouches for the student's school sign-in (servers set it, never a client). */
  | { type: 'join'; name: string; verified?: boolean }
  | {
      type: 'submitAnswer';
      slideId: string;
      answerId: string;
      answer: Answer;
      clientCreatedAt?: number | undefined;
    }
  | { type: 'navigate'; slideIndex: number };

export type SystemCommand = { type: 'expireTimer'; slideId: string };

export interface CreateSessionCommand {
  type: 'createSession';
  sessionId: string;
  joinCode: string;
  deck: Deck;
  settings: SessionSettings;
}

export type EngineCommand = TeacherCommand | StudentCommand | SystemCommand | CreateSessionCommand;

export interface Envelope {
  actor: Actor;
  command: EngineCommand;
}
