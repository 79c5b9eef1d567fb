'use client';

import type { PageMetrics } from '@classpulse/metrics-aggregator/reporter';
import { useEffect, useMemo, useState } from 'react';
import type { SessionConnection } from '../../lib/student-connection.ts';
import { useConnectionMetrics, useInteractive } from '../../lib/use-page-metrics.ts';
import { useSessionClient } from '../../lib/use-session-client.ts';
import { callApi } from './api.ts';

/** Connects this page to a session as its teacher, with a token fetched from the web app. */
export function useTeacherSession(sessionId: string, metrics: PageMetrics | null) {
  const [connection, setConnection] = useState<{ token: string; realtimeUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void callApi<{ token: string; realtimeUrl: string }>(
      `/api/sessions/${sessionId}/teacher-token`,
    ).then((r) =>
      r.ok ? setConnection({ token: r.token, realtimeUrl: r.realtimeUrl }) : setError(r.message),
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
  return { client, state, error };
}
