'use client';

import type { SessionClient, SessionClientState } from '@classpulse/realtime/client';
import { startTransition, useEffect, useState } from 'react';

/**
 * The client's state as React state, every change applied in a transition. The first question
 * (every answer input) is a large render for a phone: in a transition React renders it in slices
 * a tap can interrupt, and a newer state restarts the render instead of queueing behind it.
 * Not useSyncExternalStore (+ useDeferredValue): a store that changes while a deferred render
 * is under way makes React finish that render synchronously, which on Firebase (several
 * database events in a row as the student resumes) was one long task after another (TBT).
 */
export function useClientState(client: SessionClient | null): SessionClientState | null {
  const [state, setState] = useState<SessionClientState | null>(null);
  useEffect(() => {
    if (!client) return;
    const follow = (next: SessionClientState) => startTransition(() => setState(next));
    follow(client.getState());
    return client.subscribe(follow);
  }, [client]);
  return state;
}
