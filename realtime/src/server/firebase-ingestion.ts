import type { Logger } from 'pino';
import type { Applied, Envelope } from '../engine/index.ts';
import type { DeliveryFacts, ProtocolError, StoredResponse } from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import type { HealthLog } from './health/health-log.ts';
import type { LiveSession } from './live-session.ts';
import type { ExternalPresence, SessionStore } from './store/session-store.ts';

export interface FirebaseIngestionDeps {
  store: SessionStore;
  clock: Clock;
  logger: Logger;
  health: HealthLog;
  /** Runs a command like any other (the command runner). */
  execute(
    sessionId: string,
    envelope: Envelope,
    origin: string,
    at: number,
  ): Promise<Applied | ProtocolError>;
}

/**
 * Firebase transport: follows what browsers write to the database themselves (answers and
 * presence) for a session held here. Returns how to stop, or null when the store has no such
 * writes (SQLite, Redis).
 */
export function watchExternalWrites(
  live: LiveSession,
  deps: FirebaseIngestionDeps,
): (() => void) | null {
  if (!deps.store.watch) return null;
  /** Answers this process logged as acknowledged by the database (health report). */
  const dbAcksLogged = new Set<string>();
  return deps.store.watch(live.id, {
    response: (slideId, studentId, response, delivery) =>
      externalResponse(live, deps, dbAcksLogged, slideId, studentId, response, delivery),
    presence: (studentId, presence) => externalPresence(live, deps, studentId, presence),
  });
}

/**
 * An answer a browser wrote to the database itself. The database's rules let it in; the engine,
 * where session rules live, still decides it like any submission, at the time the database
 * stored it, and logs it like any other command.
 */
function externalResponse(
  live: LiveSession,
  deps: FirebaseIngestionDeps,
  logged: Set<string>,
  slideId: string,
  studentId: string,
  response: StoredResponse,
  delivery: DeliveryFacts | undefined,
): void {
  // The database acknowledged this write to the browser: that is what the student saw as
  // "received", so it is logged for the health report's stored check. Nodes carry `delivery`
  // until a server rewrites them, so a browser write that arrived while no process held the
  // session is logged when one loads it. The watch passes every response of a slide on each
  // change: each answer is logged once per process (the report counts it once overall).
  const logDbAck = (refused?: string) => {
    const key = `${slideId}\u0000${studentId}\u0000${response.answerId}`;
    if (logged.has(key)) return;
    logged.add(key);
    deps.health.note(live.id, {
      k: 'db-ack',
      at: deps.clock.now(),
      storedAt: response.submittedAt,
      studentId,
      slideId,
      answerId: response.answerId,
      ...(response.clientCreatedAt === null ? {} : { clientCreatedAt: response.clientCreatedAt }),
      ...(delivery ?? {}),
      ...(refused === undefined ? {} : { refused }),
    });
  };
  if (live.state.responses[slideId]?.[studentId]?.answerIds.includes(response.answerId)) {
    if (delivery) logDbAck();
    return;
  }
  const command = {
    type: 'submitAnswer' as const,
    slideId,
    answerId: response.answerId,
    answer: response.answer,
    ...(response.clientCreatedAt === null ? {} : { clientCreatedAt: response.clientCreatedAt }),
  };
  void deps
    .execute(
      live.id,
      { actor: { role: 'student', studentId }, command },
      'firebase',
      response.submittedAt,
    )
    .then((outcome) => {
      logDbAck(outcome.ok ? undefined : outcome.code);
      if (!outcome.ok)
        deps.logger.warn(
          { sessionId: live.id, slideId, studentId, code: outcome.code },
          'the engine refused an answer the database rules let in',
        );
    });
}

/**
 * A Firebase student's presence node counts as one connection while it says connected. The
 * browser writes the round trip it measured into its `rttMs` (every 20 s), which presence keeps
 * for the teacher's roster (rate-limited there).
 */
function externalPresence(
  live: LiveSession,
  deps: FirebaseIngestionDeps,
  studentId: string,
  presence: ExternalPresence | null,
): void {
  const connected = presence?.status === 'connected';
  if (connected !== live.firebaseConnected.has(studentId)) {
    // Times are the database's (its server timestamp of the presence write); a connection is
    // named by when it connected, so seeing it again after a load counts it once.
    const at = presence?.lastSeenAt || deps.clock.now();
    if (connected) {
      live.firebaseConnected.add(studentId);
      live.presence.connected(studentId, 'firebase');
      deps.health.note(live.id, {
        k: 'open',
        at,
        studentId,
        connection: `firebase:${at}`,
        transport: 'firebase',
      });
    } else {
      live.firebaseConnected.delete(studentId);
      live.presence.disconnected(studentId);
      deps.health.note(live.id, {
        k: 'close',
        at,
        studentId,
        connection: 'firebase',
        reason: presence ? 'connection lost' : 'presence removed',
      });
    }
  }
  if (connected && presence.rttMs !== undefined)
    live.presence.rtt(studentId, 'firebase', presence.rttMs);
}
