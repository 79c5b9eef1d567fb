import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { webConfig } from '../config.ts';

/**
 * The signed-in cookie: a JWT (jose, HS256) naming the account and when it was issued, signed with
 * a key derived from WEB_SESSION_SECRET. It is only half the check: current-account.ts also reads
 * the account, so a disabled account or "sign out everywhere" ends it.
 */
export const SESSION_COOKIE = 'cp_session';
/** A school day and then some: a shared classroom computer does not stay signed in for a week. */
export const SESSION_SECONDS = 12 * 3600;

/** A key for one purpose, derived from WEB_SESSION_SECRET (so no two purposes share a key). */
export function derivedKey(purpose: string): Uint8Array {
  const secret = webConfig().sessionSecret;
  if (!secret) throw new Error('WEB_SESSION_SECRET is not configured');
  return createHash('sha256').update(`classpulse-${purpose}:${secret}`).digest();
}

const cookieKey = () => derivedKey('session-cookie');

export interface SessionClaims {
  accountId: string;
  /** Milliseconds: compared with the account's sessions_valid_after. */
  issuedAtMs: number;
}

export function signSessionCookie(accountId: string, now = Date.now()): Promise<string> {
  return new SignJWT({ iat_ms: now })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(accountId)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + SESSION_SECONDS)
    .sign(cookieKey());
}

export async function verifySessionCookie(value: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(value, cookieKey(), { algorithms: ['HS256'] });
    const issuedAtMs = payload.iat_ms;
    if (typeof payload.sub !== 'string' || typeof issuedAtMs !== 'number') return null;
    return { accountId: payload.sub, issuedAtMs };
  } catch {
    return null;
  }
}

/** Secure whenever the page was served over HTTPS (directly or behind the ingress). */
export function servedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return forwarded === 'https' || new URL(request.url).protocol === 'https:';
}

/** HttpOnly, SameSite=Lax, Secure over HTTPS: every cookie this app sets. */
export function cookieAttributes(request: Request, maxAge: number, path = '/'): string {
  return `Path=${path}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${servedOverHttps(request) ? '; Secure' : ''}`;
}

export async function sessionCookieHeader(request: Request, accountId: string): Promise<string> {
  const value = await signSessionCookie(accountId);
  return `${SESSION_COOKIE}=${value}; ${cookieAttributes(request, SESSION_SECONDS)}`;
}

export function clearedSessionCookieHeader(request: Request): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(request, 0)}`;
}
