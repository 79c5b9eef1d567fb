'use client';

import { useEffect, useRef } from 'react';
import { fetchImport, type ApiResult, type ImportStatus } from './import-api.ts';

/** How often the page asks how far the conversion is (the API's contract: about twice a second). */
export const POLL_INTERVAL_MS = 500;
/** After a lost connection, ask less often until the server answers again. */
const OFFLINE_RETRY_MS = 2000;

export interface PollHandlers {
  onStatus: (status: ImportStatus) => void;
  /** The server refused (not found, signed out): polling stops. */
  onFailure: (failure: Extract<ApiResult<never>, { ok: false }>) => void;
  /** true while the server cannot be reached (polling goes on). */
  onOffline: (offline: boolean) => void;
}

/**
 * Polls GET /api/imports/<id> until the import is done or failed. One request at a time: the
 * next one is scheduled after the answer, so a slow server is never asked twice at once.
 */
export function useImportPolling(importId: string | null, handlers: PollHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (importId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await fetchImport(importId);
      if (stopped) return;
      if (!result.ok && result.status === 0) {
        latest.current.onOffline(true);
        timer = setTimeout(() => void poll(), OFFLINE_RETRY_MS);
        return;
      }
      latest.current.onOffline(false);
      if (!result.ok) return latest.current.onFailure(result);
      latest.current.onStatus(result.value);
      if (result.value.state === 'done' || result.value.state === 'failed') return;
      timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importId]);
}
