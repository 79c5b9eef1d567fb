import type { FirebaseAdminConfig } from '@classpulse/realtime/firebase-config';
import { HttpStatusError } from '../failure.ts';

/**
 * The REST URL of `path`: on the database's own host, or on the emulator host with the
 * database's namespace (`ns`), as the emulators expect.
 */
export function restUrl(
  config: FirebaseAdminConfig,
  path: string,
  params: Record<string, string>,
): URL {
  const database = new URL(config.databaseUrl);
  const url = config.databaseEmulatorHost
    ? new URL(`http://${config.databaseEmulatorHost}/${path}.json`)
    : new URL(`${database.origin}/${path}.json`);
  if (config.databaseEmulatorHost)
    url.searchParams.set('ns', database.searchParams.get('ns') ?? database.hostname.split('.')[0]!);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url;
}

/** Exchanges a custom token for an ID token over HTTPS (Identity Toolkit), as a browser does. */
export async function signInOverRest(
  config: FirebaseAdminConfig,
  apiKey: string,
  customToken: string,
  signal: AbortSignal,
): Promise<string> {
  const base = config.authEmulatorHost
    ? `http://${config.authEmulatorHost}/identitytoolkit.googleapis.com`
    : 'https://identitytoolkit.googleapis.com';
  const response = await fetch(
    `${base}/v1/accounts:signInWithCustomToken?key=${encodeURIComponent(apiKey)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: customToken, returnSecureToken: true }),
      signal,
    },
  );
  if (response.status === 400 || response.status === 401 || response.status === 403)
    throw Object.assign(new Error(`auth/sign-in refused (${response.status})`), {
      code: 'auth/refused',
    });
  if (!response.ok) throw new HttpStatusError(response.status);
  const body = (await response.json()) as { idToken?: unknown };
  if (typeof body.idToken !== 'string')
    throw new Error('protocol: no idToken in the sign-in answer');
  return body.idToken;
}

/** One REST call that must answer 2xx; a 401 is the rules (or the token) refusing. */
export async function restCall(url: URL, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (response.status === 401 || response.status === 403)
    throw Object.assign(new Error('permission_denied over REST'), { code: 'PERMISSION_DENIED' });
  if (!response.ok) throw new HttpStatusError(response.status);
  return response;
}
