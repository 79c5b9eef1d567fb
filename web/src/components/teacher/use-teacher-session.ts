'use client';

import type { PageMetrics } from '@classpulse/metrics-aggregator/reporter';
import { useEffect, useMemo, useState } from 'react';
import type { SessionConnection } from '../../lib/student-connection.ts';
import { useConnectionMetrics, useInteractive } from '../../lib/use-page-metrics.ts';
import { useSessionClient } from '../../lib/use-session-client.ts';
import { callApi } from './api.ts';

/** Keep in step with TEACHER_TOKEN_RENEW_MS (server/realtime-tokens.ts): a third of its life. */
const RENEW_EVERY_MS = 20_000;

/** Connects this page to a session as its teacher, with a token fetched from the web app. */
export function useTeacherSession(sessionId: string, metrics: PageMetrics | null) {
  const [connection, setConnection] = useState<{ token: string; realtimeUrl: string } | null>(null);
  /** The web API's error code (the page says it in the reader's language: useErrorText). */
  const [error, setError] = useState<string | null>(null);
  /** A failed renewal, after the page loaded (not a failed load). */
  const [renewError, setRenewError] = useState<string | null>(null);
  useEffect(() => {
    void callApi<{ token: string; realtimeUrl: string }>(
      `/api/sessions/${sessionId}/teacher-token`,
    ).then((r) =>
      r.ok ? setConnection({ token: r.token, realtimeUrl: r.realtimeUrl }) : setError(r.code),
    );
  }, [sessionId]);
  const realtimeUrl = connection?.realtimeUrl ?? null;
  const socket = useMemo<SessionConnection | null>(
    () => (realtimeUrl ? { transport: 'socket', realtimeUrl } : null),
    [realtimeUrl],
  );
  const { client, state } = useSessionClient(socket);
  useConnectionMetrics(metrics, 'socket', state?.status);
  // Usable once the session's state has arrived; a page that cannot get it has failed to load.
  useInteractive(metrics, Boolean(state?.teacher));
  useEffect(() => {
    if (error) metrics?.failed();
  }, [metrics, error]);
  useEffect(() => {
    if (client && connection) client.connectAsTeacher(connection.token);
  }, [client, connection]);
  // Teacher tokens are short-lived: renew before they run out. A refusal (signed out, disabled,
  // no longer a co-teacher) is shown; the next success (signed in again elsewhere) carries on.
  useEffect(() => {
    if (!client || !connection) return;
    const timer = setInterval(() => {
      void callApi<{ token: string }>(`/api/sessions/${sessionId}/teacher-token`).then(
        async (r) => {
          if (!r.ok) return setRenewError(r.code);
          setRenewError(null);
          await client.renewTeacherToken(r.token);
        },
      );
    }, RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, [client, connection, sessionId]);
  return { client, state, error: error ?? renewError };
}
