import { database } from '../db.ts';
import { findAccountByEmail, normalizeEmail, type Account } from '../data/account-repository.ts';
import { processSingleton } from '../process-singleton.ts';
import { createFailureLimiter } from './failure-limiter.ts';
import { burnPasswordCheck, passwordMatches } from './passwords.ts';

export type SignInResult =
  | { ok: true; account: Account }
  | { ok: false; status: number; code: string; message: string; retryAfterSeconds?: number };

const WINDOW_MS = 15 * 60_000;
/** Guessing one account's password: 10 wrong tries per 15 minutes. */
const perAccount = () =>
  processSingleton('sign-in-per-account', () =>
    createFailureLimiter({ maxFailures: 10, windowMs: WINDOW_MS }),
  );
/**
 * Spraying many accounts from one address: 100 failures per 15 minutes, far above what a school's
 * teachers mistyping behind one address produce.
 */
const perSource = () =>
  processSingleton('sign-in-per-source', () =>
    createFailureLimiter({ maxFailures: 100, windowMs: WINDOW_MS }),
  );

const WRONG: SignInResult = {
  ok: false,
  status: 401,
  code: 'wrong_password',
  message: 'That email and password do not match an account.',
};

/** Email and password sign-in of a local account, rate limited per account and per source. */
export async function signInWithPassword(
  email: string,
  password: string,
  source: string,
): Promise<SignInResult> {
  const accountKey = normalizeEmail(email);
  const wait = Math.max(perAccount().retryAfterMs(accountKey), perSource().retryAfterMs(source));
  if (wait > 0) {
    const retryAfterSeconds = Math.ceil(wait / 1000);
    return {
      ok: false,
      status: 429,
      code: 'too_many_attempts',
      message: `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      retryAfterSeconds,
    };
  }
  const db = await database();
  const account = await findAccountByEmail(db, accountKey);
  const matches = account?.passwordHash
    ? await passwordMatches(account.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  if (!account || !matches) {
    perAccount().recordFailure(accountKey);
    perSource().recordFailure(source);
    return WRONG;
  }
  // Only someone who knows the password learns that the account is disabled.
  if (account.disabledAt !== null)
    return {
      ok: false,
      status: 403,
      code: 'account_disabled',
      message: 'This account is disabled. Ask your Classpulse admin.',
    };
  perAccount().reset(accountKey);
  return { ok: true, account };
}
