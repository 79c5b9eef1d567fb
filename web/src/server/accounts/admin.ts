import { database } from '../db.ts';
import {
  countActiveAdmins,
  findAccountByEmail,
  getAccount,
  listAccountsWithUsage,
  setDisabled,
  setRole,
  type Account,
} from '../data/account-repository.ts';
import { listPendingLinks, revokeLink, revokeLinks } from '../data/link-repository.ts';
import type { AccountRole } from '../data/tables.ts';
import { forgetCachedAccount } from './current-account.ts';
import { issueLink, type IssuedLink } from './links.ts';
import { accountView } from './responses.ts';

export type AdminResult<T> =
  { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

/** The admin page: every account with its usage (counts only, never answers) and the totals. */
export async function accountsOverview(now = Date.now()) {
  const db = await database();
  const accounts = await listAccountsWithUsage(db);
  const invitations = await listPendingLinks(db, 'invitation', now);
  return {
    accounts: accounts.map((a) => ({
      ...accountView(a),
      disabled: a.disabledAt !== null,
      createdAt: a.createdAt,
      lastSignInAt: a.lastSignInAt,
      decks: a.decks,
      sessions: a.sessions,
    })),
    totals: {
      accounts: accounts.length,
      activeAccounts: accounts.filter((a) => a.disabledAt === null).length,
      decks: accounts.reduce((sum, a) => sum + a.decks, 0),
      sessions: accounts.reduce((sum, a) => sum + a.sessions, 0),
    },
    invitations: invitations.map((i) => ({
      id: i.tokenHash,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt,
    })),
  };
}

export async function inviteTeacher(
  admin: Account,
  origin: string,
  email: string,
  role: AccountRole,
): Promise<AdminResult<IssuedLink>> {
  const db = await database();
  if (await findAccountByEmail(db, email))
    return {
      ok: false,
      status: 409,
      code: 'email_taken',
      message: 'An account with this email address already exists.',
    };
  return {
    ok: true,
    value: await issueLink(db, origin, 'invitation', {
      email: email.toLowerCase(),
      role,
      createdBy: admin.id,
    }),
  };
}

export async function revokeInvitation(id: string): Promise<boolean> {
  return revokeLink(await database(), id, Date.now());
}

const NOT_FOUND = {
  ok: false,
  status: 404,
  code: 'not_found',
  message: 'This account does not exist.',
} as const;

/**
 * Disables or enables an account, or changes its role. An admin cannot do either to themself,
 * and the last enabled admin stays one, so a deployment always has someone who can fix things.
 */
export async function updateAccount(
  admin: Account,
  id: string,
  change: { disabled?: boolean | undefined; role?: AccountRole | undefined },
): Promise<AdminResult<ReturnType<typeof accountView> & { disabled: boolean }>> {
  const db = await database();
  const account = await getAccount(db, id);
  if (!account) return NOT_FOUND;
  if (id === admin.id)
    return {
      ok: false,
      status: 409,
      code: 'own_account',
      message: 'Ask another admin to disable your account or change your role.',
    };
  const losesAdmin =
    account.role === 'admin' &&
    account.disabledAt === null &&
    (change.disabled === true || change.role === 'teacher');
  if (losesAdmin && (await countActiveAdmins(db)) <= 1)
    return {
      ok: false,
      status: 409,
      code: 'last_admin',
      message: 'This is the last admin: make another admin first.',
    };
  if (change.disabled !== undefined)
    await setDisabled(db, id, change.disabled ? (account.disabledAt ?? Date.now()) : null);
  if (change.role) await setRole(db, id, change.role);
  forgetCachedAccount(id);
  const updated = (await getAccount(db, id))!;
  return { ok: true, value: { ...accountView(updated), disabled: updated.disabledAt !== null } };
}

/** A one-time link that sets a new password for the account; earlier reset links stop working. */
export async function passwordResetLink(
  admin: Account,
  origin: string,
  id: string,
): Promise<AdminResult<IssuedLink>> {
  const db = await database();
  if (!(await getAccount(db, id))) return NOT_FOUND;
  const now = Date.now();
  await revokeLinks(db, 'password-reset', now, id);
  return {
    ok: true,
    value: await issueLink(
      db,
      origin,
      'password-reset',
      { accountId: id, createdBy: admin.id },
      now,
    ),
  };
}
