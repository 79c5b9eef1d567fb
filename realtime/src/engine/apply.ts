import { protocolError, type ProtocolError, type SessionState } from '../protocol/index.ts';
import type { Envelope } from './commands.ts';
import { decide } from './decide.ts';
import type { EngineEvent } from './events.ts';
import { evolveAll } from './evolve.ts';

export interface Applied {
  ok: true;
  /** The same object as the input state (changed in place) unless the session was just created. */
  state: SessionState;
  events: EngineEvent[];
  duplicate: boolean;
}

export type ApplyResult = Applied | ProtocolError;

/**
 * `apply(state, command, now) → { state, events } | error`. Deterministic; a refused command leaves
 * `state` untouched. An accepted one changes `state` in place: the caller owns the state and
 * treats the input as consumed (clone first to keep the old one).
 */
export function apply(state: SessionState | null, envelope: Envelope, now: number): ApplyResult {
  const decision = decide(state, envelope, now);
  if (!decision.ok) return decision;
  const next = evolveAll(state, decision.events);
  if (!next) return protocolError('session_not_found');
  return { ok: true, state: next, events: decision.events, duplicate: decision.duplicate ?? false };
}
