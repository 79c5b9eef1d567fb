import type { Kysely, Selectable } from 'kysely';
import type { AccountRole, AccountsTable, WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

export interface Account {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  passwordHash: string | null;
  /** The school sign-in identity linked to the account, if any. */
  oidcSubject: string | null;
  disabledAt: number | null;
  sessionsValidAfter: number;
  createdAt: number;
  lastSignInAt: number | null;
  /** The interface language the teacher chose (an offered locale), or null. */
  language: string | null;
}

export interface NewAccount {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  passwordHash: string | null;
  oidc?: { issuer: string; subject: string };
  createdAt: number;
}

/** The embedded default's single teacher before accounts: its rows move to the owner. */
export const LEGACY_LOCAL_TEACHER = 'local';

const toAccount = (r: Selectable<AccountsTable>): Account => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  oidcSubject: r.oidc_subject,
  disabledAt: r.disabled_at,
  sessionsValidAfter: r.sessions_valid_after,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
  language: r.language ?? null,
});

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** False when the address (or the provider identity) already has an account. */
export async function insertAccount(db: Db, account: NewAccount): Promise<boolean> {
  const inserted = await db
    .insertInto('accounts')
    .values({
      id: account.id,
      email: normalizeEmail(account.email),
      name: account.name,
      role: account.role,
      password_hash: account.passwordHash,
      oidc_issuer: account.oidc?.issuer ?? null,
      oidc_subject: account.oidc?.subject ?? null,
      disabled_at: null,
      created_at: account.createdAt,
      last_sign_in_at: null,
      language: null,
    })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function getAccount(db: Db, id: string): Promise<Account | null> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findAccountByEmail(db: Db, email: string): Promise<Account | null> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findAccountByOidc(
  db: Db,
  issuer: string,
  subject: string,
): Promise<Account | null> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** Links a provider identity to an account found by its address (first school sign-in). */
export async function linkOidcIdentity(
  db: Db,
  id: string,
  issuer: string,
  subject: string,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ oidc_issuer: issuer, oidc_subject: subject })
    .where('id', '=', id)
    .execute();
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Admins that can still sign in: the last one may not be disabled or demoted. */
export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AccountUsage extends Account {
  decks: number;
  sessions: number;
}

/** Every account with how many decks and sessions it has (the admin page; no answers). */
export async function listAccountsWithUsage(db: Db): Promise<AccountUsage[]> {
  const rows = await db
    .selectFrom('accounts')
    .selectAll('accounts')
    .select((eb) => [
      eb
        .selectFrom('decks')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('decks.teacher_id', '=', 'accounts.id')
        .as('deck_count'),
      eb
        .selectFrom('sessions')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('sessions.teacher_id', '=', 'accounts.id')
        .as('session_count'),
    ])
    .orderBy('accounts.email')
    .execute();
  return rows.map((r) => ({
    ...toAccount(r),
    decks: Number(r.deck_count ?? 0),
    sessions: Number(r.session_count ?? 0),
  }));
}

export async function setDisabled(db: Db, id: string, disabledAt: number | null): Promise<boolean> {
  const updated = await db
    .updateTable('accounts')
    .set({ disabled_at: disabledAt })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function setRole(db: Db, id: string, role: AccountRole): Promise<boolean> {
  const updated = await db
    .updateTable('accounts')
    .set({ role })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** A new password also ends every earlier sign-in of the account. */
export async function setPasswordHash(
  db: Db,
  id: string,
  passwordHash: string,
  now: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, sessions_valid_after: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** "Sign out everywhere": cookies issued before `now` stop counting. */
export async function endSessionsBefore(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ sessions_valid_after: now })
    .where('id', '=', id)
    .execute();
}

/** The teacher's interface language (null: follow the browser). */
export async function setLanguage(db: Db, id: string, language: string | null): Promise<boolean> {
  const updated = await db
    .updateTable('accounts')
    .set({ language })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function recordSignIn(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('accounts').set({ last_sign_in_at: now }).where('id', '=', id).execute();
}

/** The pre-accounts single teacher's decks and sessions become the owner's. */
export async function adoptLegacyTeacherData(db: Db, ownerId: string): Promise<void> {
  await db
    .updateTable('decks')
    .set({ teacher_id: ownerId })
    .where('teacher_id', '=', LEGACY_LOCAL_TEACHER)
    .execute();
  await db
    .updateTable('sessions')
    .set({ teacher_id: ownerId })
    .where('teacher_id', '=', LEGACY_LOCAL_TEACHER)
    .execute();
}

/** Names of the given accounts by id (an audit trail's teachers); unknown ids are left out. */
export async function accountNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)].slice(0, 500))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
