/**
 * What a store needs to know about session ownership when several processes share one Redis: where
 * a session's owner is written (cluster/session-lease.ts takes and renews it there) and the error of
 * a write that the owner check refused. Both the store and the cluster layer import it from here, so
 * the store never depends on the cluster layer that builds on it.
 *
 * Key: `<prefix>s:{<sessionId>}:owner` (same hash slot as the session's log and meta).
 */
export function ownerKey(keyPrefix: string, sessionId: string): string {
  return `${keyPrefix}s:{${sessionId}}:owner`;
}

/** This process no longer owns the session (its lease expired or was taken): it must not write. */
export class NotOwnerError extends Error {}
