import type { StoredIdentity } from '@classpulse/realtime/client';

/**
 * How a student signed in with the school account reaches the session page: the identity rides
 * in the URL fragment of `/join/CODE`, which browsers never send to a server (no log sees the
 * token); the page keeps it like an identity it joined with itself, and drops the fragment.
 */
export const SIGNED_IN_KEY = 'signed-in';

/** Where a student starts the school sign-in for the session with this code. */
export const schoolSignInHref = (code: string): string =>
  `/api/auth/oidc/start?role=student&code=${encodeURIComponent(code)}`;

export function signedInLocation(code: string, identity: StoredIdentity): string {
  return `/join/${encodeURIComponent(code)}#${SIGNED_IN_KEY}=${encodeURIComponent(JSON.stringify(identity))}`;
}

/** The adoption under way or done, per code: the page asks at load and again on hydration. */
const adoptions = new Map<string, Promise<void>>();

/**
 * In the browser: keeps a handed-over identity for this code and clears it from the address;
 * resolves once it is kept (every caller waits for the same adoption). The client module (with
 * its schemas) loads only when there is one to keep, so the student page's first load stays
 * without them.
 */
export function adoptSignedInIdentity(code: string): Promise<void> {
  const key = code.trim().toUpperCase(); // the address's code, or the page's normalized one
  let adoption = adoptions.get(key);
  if (!adoption) {
    adoption = adopt(code);
    adoptions.set(key, adoption);
  }
  return adoption;
}

async function adopt(code: string): Promise<void> {
  const hash = window.location.hash;
  if (!hash.startsWith(`#${SIGNED_IN_KEY}=`)) return;
  window.history.replaceState(window.history.state, '', window.location.pathname);
  let identity: unknown;
  try {
    identity = JSON.parse(decodeURIComponent(hash.slice(SIGNED_IN_KEY.length + 2)));
  } catch {
    return; // A mangled fragment: nothing to keep; the page offers sign-in again.
  }
  try {
    const { browserStorage, storeIdentity } = await import('@classpulse/realtime/client');
    storeIdentity(browserStorage(), code, identity);
  } catch {
    // The client could not load (offline): the page offers sign-in again.
  }
}
