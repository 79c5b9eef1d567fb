import { protocolError, type ErrorCode, type ProtocolError } from '../protocol/index.ts';
import type { EngineEvent } from './events.ts';

export interface Decision {
  ok: true;
  events: EngineEvent[];
  /** A resubmitted answerId: already stored, nothing to do, acknowledge again. */
  duplicate?: boolean;
}

export type DecideResult = Decision | ProtocolError;

export const accept = (...events: EngineEvent[]): Decision => ({ ok: true, events });
export const nothingToDo = (): Decision => ({ ok: true, events: [] });
export const refuse = (code: ErrorCode, message?: string): ProtocolError =>
  protocolError(code, message);
