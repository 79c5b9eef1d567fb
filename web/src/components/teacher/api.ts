'use client';

/** The web API's error shape (see src/server/api-response.ts). */
export interface ApiFailure {
  ok: false;
  code: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
}

/** fetch + JSON for the web API; network failures come back as an ApiFailure, never a throw. */
export async function callApi<T extends object>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<({ ok: true } & T) | ApiFailure> {
  try {
    const res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
    if (res.status === 204) return { ok: true } as { ok: true } & T;
    return (await res.json()) as ({ ok: true } & T) | ApiFailure;
  } catch {
    return { ok: false, code: 'network', message: 'No connection to the server. Try again.' };
  }
}
