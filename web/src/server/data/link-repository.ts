import type { Kysely, Selectable } from 'kysely';
import type { AccountRole, LinkPurpose, OneTimeLinksTable, WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

export interface OneTimeLink {
  tokenHash: string;
  purpose: LinkPurpose;
  email: string | null;
  role: AccountRole | null;
  accountId: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

const toLink = (r: Selectable<OneTimeLinksTable>): OneTimeLink => ({
  tokenHash: r.token_hash,
  purpose: r.purpose,
  email: r.email,
  role: r.role,
  accountId: r.account_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

export async function insertLink(db: Db, link: Omit<OneTimeLink, 'usedAt'>): Promise<void> {
  await db
    .insertInto('one_time_links')
    .values({
      token_hash: link.tokenHash,
      purpose: link.purpose,
      email: link.email,
      role: link.role,
      account_id: link.accountId,
      created_by: link.createdBy,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
      used_at: null,
    })
    .execute();
}

/** A link that is unused and unexpired at `now`, or null (without using it up). */
export async function findUsableLink(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<OneTimeLink | null> {
  const row = await db
    .selectFrom('one_time_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? toLink(row) : null;
}

/**
 * Uses a link up, atomically: of two requests racing with the same link, exactly one gets it.
 * Null when it is used, expired or unknown.
 */
export async function consumeLink(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<OneTimeLink | null> {
  const row = await db
    .updateTable('one_time_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  return row ? toLink(row) : null;
}

/** Unused, unexpired links of a purpose, newest first (the admin page's pending invitations). */
export async function listPendingLinks(
  db: Db,
  purpose: LinkPurpose,
  now: number,
): Promise<OneTimeLink[]> {
  const rows = await db
    .selectFrom('one_time_links')
    .selectAll()
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(toLink);
}

/** Ends every unused link of a purpose (a new setup link replaces the old). */
export async function revokeLinks(
  db: Db,
  purpose: LinkPurpose,
  now: number,
  accountId?: string,
): Promise<void> {
  let query = db
    .updateTable('one_time_links')
    .set({ expires_at: now })
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now);
  if (accountId) query = query.where('account_id', '=', accountId);
  await query.execute();
}

/** Ends one unused link (an admin revokes an invitation); false when there was none. */
export async function revokeLink(db: Db, tokenHash: string, now: number): Promise<boolean> {
  const updated = await db
    .updateTable('one_time_links')
    .set({ expires_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
