import { database } from '../db.ts';
import {
  adoptLegacyTeacherData,
  insertAccount,
  setPasswordHash,
  type Account,
  getAccount,
} from '../data/account-repository.ts';
import { consumeLink, findUsableLink, revokeLinks } from '../data/link-repository.ts';
import type { AccountRole, LinkPurpose } from '../data/tables.ts';
import { newId } from '../ids.ts';
import { forgetCachedAccount } from './current-account.ts';
import { hashLinkToken } from './one-time-token.ts';
import { hashPassword } from './passwords.ts';

export type LinkActionResult =
  { ok: true; account: Account } | { ok: false; status: number; code: string; message: string };

const GONE = {
  ok: false,
  status: 410,
  code: 'link_used_or_expired',
  message: 'This link has been used or has expired. Ask for a new one.',
} as const;

/** What a link's page shows before anything is submitted; null when it cannot be used. */
export async function inspectLink(
  token: string,
  purpose: LinkPurpose,
): Promise<{ email: string | null; role: AccountRole | null; name: string | null } | null> {
  const db = await database();
  const link = await findUsableLink(db, hashLinkToken(token), Date.now());
  if (!link || link.purpose !== purpose) return null;
  const account = link.accountId ? await getAccount(db, link.accountId) : null;
  return { email: account?.email ?? link.email, role: link.role, name: account?.name ?? null };
}

/**
 * The setup link creates the owner (an admin) and gives it the decks and sessions of the embedded
 * default's teacher from before accounts.
 */
export async function completeSetup(
  token: string,
  details: { name: string; email: string; password: string },
): Promise<LinkActionResult> {
  const passwordHash = await hashPassword(details.password);
  const now = Date.now();
  const id = newId();
  const db = await database();
  const done = await db.transaction().execute(async (trx) => {
    const link = await consumeLink(trx, hashLinkToken(token), now);
    if (link?.purpose !== 'setup') return false;
    const created = await insertAccount(trx, {
      id,
      email: details.email,
      name: details.name,
      role: 'admin',
      passwordHash,
      createdAt: now,
    });
    if (!created) throw new EmailTaken();
    await adoptLegacyTeacherData(trx, id);
    await revokeLinks(trx, 'setup', now);
    return true;
  });
  if (!done) return GONE;
  return { ok: true, account: (await getAccount(db, id))! };
}

/** An invitation creates a teacher (or admin) account for the invited address. */
export async function acceptInvitation(
  token: string,
  details: { name: string; password: string },
): Promise<LinkActionResult> {
  const passwordHash = await hashPassword(details.password);
  const now = Date.now();
  const id = newId();
  const db = await database();
  const done = await db.transaction().execute(async (trx) => {
    const link = await consumeLink(trx, hashLinkToken(token), now);
    if (link?.purpose !== 'invitation' || !link.email) return false;
    const created = await insertAccount(trx, {
      id,
      email: link.email,
      name: details.name,
      role: link.role ?? 'teacher',
      passwordHash,
      createdAt: now,
    });
    if (!created) throw new EmailTaken();
    return true;
  });
  if (!done) return GONE;
  return { ok: true, account: (await getAccount(db, id))! };
}

/** A reset link sets a new password and ends every earlier sign-in of the account. */
export async function completePasswordReset(
  token: string,
  password: string,
): Promise<LinkActionResult> {
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  const db = await database();
  const accountId = await db.transaction().execute(async (trx) => {
    const link = await consumeLink(trx, hashLinkToken(token), now);
    if (link?.purpose !== 'password-reset' || !link.accountId) return null;
    return (await setPasswordHash(trx, link.accountId, passwordHash, now)) ? link.accountId : null;
  });
  if (!accountId) return GONE;
  forgetCachedAccount(accountId);
  const account = await getAccount(db, accountId);
  if (!account || account.disabledAt !== null)
    return {
      ok: false,
      status: 403,
      code: 'account_disabled',
      message: 'The password is set, but this account is disabled. Ask your Classpulse admin.',
    };
  return { ok: true, account };
}

/** Thrown inside a transaction to roll the link back when the address already has an account. */
export class EmailTaken extends Error {
  constructor() {
    super('An account with this email address already exists.');
  }
}

/** Turns EmailTaken into the API's answer; anything else propagates. */
export async function answeringEmailTaken(
  action: () => Promise<LinkActionResult>,
): Promise<LinkActionResult> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof EmailTaken)) throw error;
    return { ok: false, status: 409, code: 'email_taken', message: error.message };
  }
}
