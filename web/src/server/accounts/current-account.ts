import { cookies } from 'next/headers';
import { database } from '../db.ts';
import { getAccount, type Account } from '../data/account-repository.ts';
import { processSingleton } from '../process-singleton.ts';
import { SESSION_COOKIE, verifySessionCookie } from './session-cookie.ts';

/**
 * How long a process trusts what it read of an account. Disabling an account or "sign out
 * everywhere" on another replica takes effect here within this time (the promise: a minute).
 */
export const ACCOUNT_CACHE_MS = 30_000;
const CACHE_MAX_ENTRIES = 10_000;

interface Cached {
  account: Account | null;
  readAt: number;
}

const cache = () => processSingleton('account-cache', () => new Map<string, Cached>());

/** The account as this process last read it (at most ACCOUNT_CACHE_MS old), or null. */
export async function cachedAccount(id: string, now = Date.now()): Promise<Account | null> {
  const entries = cache();
  const hit = entries.get(id);
  if (hit && now - hit.readAt < ACCOUNT_CACHE_MS) return hit.account;
  const account = await getAccount(await database(), id);
  if (entries.size >= CACHE_MAX_ENTRIES) entries.clear();
  entries.set(id, { account, readAt: now });
  return account;
}

/** After a change made by this process, so it applies here at once. */
export function forgetCachedAccount(id: string): void {
  cache().delete(id);
}

/** Whether an account may act now: it exists, is enabled, and the sign-in is not ended. */
export function accountMayAct(account: Account | null, issuedAtMs: number): account is Account {
  return !!account && account.disabledAt === null && issuedAtMs >= account.sessionsValidAfter;
}

/** The signed-in account of this request, or null (no cookie, a bad one, disabled, signed out). */
export async function currentAccount(): Promise<Account | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!value) return null;
  const claims = await verifySessionCookie(value);
  if (!claims) return null;
  const account = await cachedAccount(claims.accountId);
  return accountMayAct(account, claims.issuedAtMs) ? account : null;
}

/** Pages: the signed-in teacher's account id, or null (they send the browser to sign-in). */
export async function currentTeacherId(): Promise<string | null> {
  return (await currentAccount())?.id ?? null;
}
