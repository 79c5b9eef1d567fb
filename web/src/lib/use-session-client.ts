'use client';

import type * as RealtimeClient from '@classpulse/realtime/client';
import type { SessionClient, SessionClientState } from '@classpulse/realtime/client';
import { useEffect, useState, useSyncExternalStore } from 'react';

type ClientModule = typeof RealtimeClient;
let clientModule: Promise<ClientModule> | null = null;

/** Starts loading the client once per page; in the browser, as soon as this module runs. */
function loadClientModule(): Promise<ClientModule> {
  clientModule ??= import('@classpulse/realtime/client');
  return clientModule;
}
// Fetch it while React hydrates instead of after: a returning student's question shows sooner.
if (typeof window !== 'undefined') void loadClientModule();

/**
 * One SessionClient per page, created in the browser only (it opens a socket and uses
 * localStorage), and its state as React state. The client and socket.io are loaded after the page
 * is interactive: the join form and the first paint do not wait for ~16 KiB (gzip) of transport.
 */
export function useSessionClient(realtimeUrl: string | null): {
  client: SessionClient | null;
  state: SessionClientState | null;
} {
  const [client, setClient] = useState<SessionClient | null>(null);
  useEffect(() => {
    if (!realtimeUrl) return;
    let created: SessionClient | null = null;
    let cancelled = false;
    void loadClientModule().then((module) => {
      if (cancelled) return;
      created = module.createSessionClient({
        transport: module.createSocketTransport({ url: realtimeUrl }),
        storage: module.browserStorage(),
      });
      setClient(created);
    });
    return () => {
      cancelled = true;
      created?.close();
    };
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
