import type { Deck } from '@classpulse/realtime/protocol';
import type { Kysely } from 'kysely';
import type { DeckSummary } from './deck-repository.ts';
import type { DeckPermission, WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

export interface DeckShare {
  accountId: string;
  email: string;
  name: string;
  permission: DeckPermission;
}

export interface SharedDeckSummary extends DeckSummary {
  permission: DeckPermission;
  ownerName: string;
}

/** Shares a deck with an account, or changes what it may do. */
export async function putDeckShare(
  db: Db,
  share: { deckId: string; accountId: string; permission: DeckPermission; sharedBy: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('deck_shares')
    .values({
      deck_id: share.deckId,
      account_id: share.accountId,
      permission: share.permission,
      shared_by: share.sharedBy,
      created_at: now,
    })
    .onConflict((c) =>
      c.columns(['deck_id', 'account_id']).doUpdateSet({ permission: share.permission }),
    )
    .execute();
}

export async function deleteDeckShare(db: Db, deckId: string, accountId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('deck_shares')
    .where('deck_id', '=', deckId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** What the account may do with the deck through a share, or null. */
export async function deckShareOf(
  db: Db,
  deckId: string,
  accountId: string,
): Promise<DeckPermission | null> {
  const row = await db
    .selectFrom('deck_shares')
    .select('permission')
    .where('deck_id', '=', deckId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.permission ?? null;
}

/** Who a deck is shared with, by address. */
export async function listDeckShares(db: Db, deckId: string): Promise<DeckShare[]> {
  const rows = await db
    .selectFrom('deck_shares')
    .innerJoin('accounts', 'accounts.id', 'deck_shares.account_id')
    .select(['accounts.id', 'accounts.email', 'accounts.name', 'deck_shares.permission'])
    .where('deck_shares.deck_id', '=', deckId)
    .orderBy('accounts.email')
    .execute();
  return rows.map((r) => ({
    accountId: r.id,
    email: r.email,
    name: r.name,
    permission: r.permission,
  }));
}

/** Decks other teachers shared with the account, most recently changed first. */
export async function listDecksSharedWith(db: Db, accountId: string): Promise<SharedDeckSummary[]> {
  const rows = await db
    .selectFrom('deck_shares')
    .innerJoin('decks', 'decks.id', 'deck_shares.deck_id')
    .innerJoin('accounts', 'accounts.id', 'decks.teacher_id')
    .select([
      'decks.id',
      'decks.title',
      'decks.deck',
      'decks.updated_at',
      'deck_shares.permission',
      'accounts.name as owner_name',
    ])
    .where('deck_shares.account_id', '=', accountId)
    .orderBy('decks.updated_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slideCount: (JSON.parse(r.deck) as Deck).slides.length,
    updatedAt: r.updated_at,
    permission: r.permission,
    ownerName: r.owner_name,
  }));
}
