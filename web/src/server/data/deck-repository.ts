import type { Deck } from '@classpulse/realtime/protocol';
import type { Kysely } from 'kysely';
import type { WebTables } from './tables.ts';

export interface DeckSummary {
  id: string;
  title: string;
  slideCount: number;
  updatedAt: number;
}

export interface StoredDeck {
  id: string;
  deck: Deck;
  updatedAt: number;
}

type Db = Kysely<WebTables>;

/** A teacher's decks, most recently changed first. */
export async function listDecks(db: Db, teacherId: string): Promise<DeckSummary[]> {
  const rows = await db
    .selectFrom('decks')
    .select(['id', 'title', 'deck', 'updated_at'])
    .where('teacher_id', '=', teacherId)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slideCount: (JSON.parse(r.deck) as Deck).slides.length,
    updatedAt: r.updated_at,
  }));
}

export async function getDeck(db: Db, teacherId: string, id: string): Promise<StoredDeck | null> {
  const row = await db
    .selectFrom('decks')
    .select(['id', 'deck', 'updated_at'])
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return row ? { id: row.id, deck: JSON.parse(row.deck) as Deck, updatedAt: row.updated_at } : null;
}

/** Whose deck this is, or null when there is none. */
export async function deckOwner(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('decks')
    .select('teacher_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.teacher_id ?? null;
}

/** Stores an already-validated deck under a new id. */
export async function insertDeck(
  db: Db,
  teacherId: string,
  id: string,
  deck: Deck,
  now: number,
): Promise<StoredDeck> {
  await db
    .insertInto('decks')
    .values({
      id,
      teacher_id: teacherId,
      title: deck.title,
      deck: JSON.stringify(deck),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, deck, updatedAt: now };
}

/** Saves an already-validated deck; false when this teacher has no deck with that id. */
export async function updateDeck(
  db: Db,
  teacherId: string,
  id: string,
  deck: Deck,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('decks')
    .set({ title: deck.title, deck: JSON.stringify(deck), updated_at: now })
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the owner's deck and every share of it. */
export async function deleteDeck(db: Db, teacherId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('decks')
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) return false;
  await db.deleteFrom('deck_shares').where('deck_id', '=', id).execute();
  return true;
}
