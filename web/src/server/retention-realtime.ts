import type { SessionState } from '@classpulse/realtime/protocol';
import type { TokenService } from '@classpulse/realtime/tokens';

/** What the retention job learns of a session from the realtime tier. */
export type RealtimeSessionStatus =
  | { found: true; status: 'ended'; endedAt: number }
  /** Still live: the last moment anything happened in it (started, a student answered, …). */
  | { found: true; status: 'live'; lastActivityAt: number }
  | { found: false };

/**
 * The realtime tier as the retention job (the system, not a teacher) sees it: a session's status,
 * and deleting it from whichever store holds it (SQLite, Redis or Firebase) and from the tier's
 * cache. Both speak as the session's owner with a freshly minted teacher token, like
 * `deleteSessionEverywhere`; a failure to reach the tier throws.
 */
export interface RetentionRealtime {
  status(sessionId: string, ownerId: string): Promise<RealtimeSessionStatus>;
  /** True once the tier no longer has the session (deleted now, or already gone). */
  delete(sessionId: string, ownerId: string): Promise<boolean>;
}

export function retentionRealtimeOverHttp(
  internalUrl: string,
  tokens: Pick<TokenService, 'signTeacher'>,
): RetentionRealtime {
  const url = (sessionId: string) => `${internalUrl}/v1/sessions/${encodeURIComponent(sessionId)}`;
  const headers = async (sessionId: string, ownerId: string) => ({
    authorization: `Bearer ${await tokens.signTeacher(sessionId, ownerId)}`,
  });
  return {
    async status(sessionId, ownerId) {
      const res = await fetch(url(sessionId), {
        headers: await headers(sessionId, ownerId),
        cache: 'no-store',
      });
      if (res.status === 404) {
        await res.body?.cancel();
        return { found: false };
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`realtime tier answered ${res.status} for a session's state`);
      }
      const { state } = (await res.json()) as { state: SessionState };
      return state.status === 'ended' && state.endedAt !== null
        ? { found: true, status: 'ended', endedAt: state.endedAt }
        : { found: true, status: 'live', lastActivityAt: lastActivity(state) };
    },
    async delete(sessionId, ownerId) {
      const res = await fetch(url(sessionId), {
        method: 'DELETE',
        headers: await headers(sessionId, ownerId),
      });
      await res.body?.cancel();
      return res.ok || res.status === 404;
    },
  };
}

/** The latest moment a session changed that its state remembers: its start, answers, commands. */
export function lastActivity(state: SessionState): number {
  let latest = state.createdAt;
  for (const bySlide of Object.values(state.responses))
    for (const response of Object.values(bySlide)) latest = Math.max(latest, response.submittedAt);
  for (const entry of state.audit ?? []) latest = Math.max(latest, entry.at);
  return latest;
}
