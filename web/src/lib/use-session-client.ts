'use client';

import {
  browserStorage,
  createSessionClient,
  createSocketTransport,
  type SessionClient,
  type SessionClientState,
} from '@classpulse/realtime/client';
import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * One SessionClient per page, created in the browser only (it opens a socket and uses
 * localStorage), and its state as React state.
 */
export function useSessionClient(realtimeUrl: string | null): {
  client: SessionClient | null;
  state: SessionClientState | null;
} {
  const [client, setClient] = useState<SessionClient | null>(null);
  useEffect(() => {
    if (!realtimeUrl) return;
    const created = createSessionClient({
      transport: createSocketTransport({ url: realtimeUrl }),
      storage: browserStorage(),
    });
    setClient(created);
    return () => created.close();
  }, [realtimeUrl]);
  const state = useSyncExternalStore(
    (onChange) => client?.subscribe(onChange) ?? (() => undefined),
    () => client?.getState() ?? null,
    () => null,
  );
  return { client, state };
}

/** navigator.onLine, live. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener('online', onChange);
      window.addEventListener('offline', onChange);
      return () => {
        window.removeEventListener('online', onChange);
        window.removeEventListener('offline', onChange);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}
