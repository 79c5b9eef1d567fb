'use client';

import type * as RealtimeClient from '@classpulse/realtime/client/core';
import type * as SocketTransport from '@classpulse/realtime/client/socket';
import type { SessionClient, SessionClientState } from '@classpulse/realtime/client/core';
import type { StudentTransport } from '@classpulse/realtime/protocol';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionConnection } from './student-connection.ts';

type ClientModule = typeof RealtimeClient;
let clientModule: Promise<ClientModule> | null = null;

/**
 * Loads the client once per page. Pages call it early when they know they will connect (a
 * returning student: fetched while React hydrates, so the question shows sooner); otherwise the
 * hook loads it when a client is wanted, so a page that never connects never runs it.
 */
export function loadClientModule(): Promise<ClientModule> {
  clientModule ??= import('@classpulse/realtime/client/core');
  return clientModule;
}

let socketTransportModule: Promise<typeof SocketTransport> | null = null;

/** The socket transport (socket.io) once per page; a page on Firebase never loads it. */
export function loadSocketTransport(): Promise<typeof SocketTransport> {
  socketTransportModule ??= import('@classpulse/realtime/client/socket');
  return socketTransportModule;
}

/**
 * The SessionClient of `useSessionClient` alone, without subscribing to its state (a page that
 * follows the state its own way: the student page, in transitions).
 */
export function useSessionClientInstance(
  connection: SessionConnection | null,
): SessionClient | null {
  const [client, setClient] = useState<SessionClient | null>(null);
  // One client per connection: callers pass a stable object (a new one means a new client).
  useEffect(() => {
    if (!connection) return;
    const target = connection;
    let created: SessionClient | null = null;
    let cancelled = false;
    // The transport the page starts on loads beside the client, not after it.
    if (target.transport === 'socket') void loadSocketTransport();
    void (async () => {
      const module = await loadClientModule();
      // Firebase mode: either transport, as the session's setting says (the client follows it).
      const transportFor = async (kind: StudentTransport) => {
        if (kind === 'socket') {
          const { createSocketTransport } = await loadSocketTransport();
          return createSocketTransport({ url: target.realtimeUrl });
        }
        const { joinUrl, firebase } = target;
        if (!joinUrl || !firebase) return null;
        const { createFirebaseTransport } = await import('@classpulse/realtime/client/firebase');
        return createFirebaseTransport({ joinUrl, firebase, storage: module.browserStorage() });
      };
      const transport = await transportFor(target.transport);
      if (cancelled || !transport) return;
      created = module.createSessionClient({
        transport,
        storage: module.browserStorage(),
        transportFor,
      });
      setClient(created);
    })();
    return () => {
      cancelled = true;
      created?.close();
    };
  }, [connection]);
  return client;
}

/**
 * One SessionClient per page, created in the browser only (it opens a connection and uses
 * localStorage), and its state as React state. The client and its transport are loaded after
 * the page is interactive: the join form and the first paint do not wait for them (~16 KiB gzip
 * for socket.io; the Firebase SDK, on the Firebase path, is larger and loads only there).
 */
export function useSessionClient(connection: SessionConnection | null): {
  client: SessionClient | null;
  state: SessionClientState | null;
} {
  const client = useSessionClientInstance(connection);
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
