import { database } from './db.ts';
import { findAccountByEmail } from './data/account-repository.ts';
import { deckOwner } from './data/deck-repository.ts';
import {
  deleteDeckShare,
  listDeckShares,
  putDeckShare,
  type DeckShare,
} from './data/share-repository.ts';
import type { DeckPermission } from './data/tables.ts';

export type SharingResult =
  { ok: true; shares: DeckShare[] } | { ok: false; status: number; code: string; message: string };

const NOT_FOUND = {
  ok: false,
  status: 404,
  code: 'not_found',
  message: 'This deck does not exist.',
} as const;

/** Who the owner shared the deck with; for anyone but the owner the deck does not exist. */
export async function deckShares(ownerId: string, deckId: string): Promise<SharingResult> {
  const db = await database();
  if ((await deckOwner(db, deckId)) !== ownerId) return NOT_FOUND;
  return { ok: true, shares: await listDeckShares(db, deckId) };
}

/**
 * The owner shares the deck with another teacher of this deployment by address (`view`: see and
 * copy it; `edit`: change it too), or stops sharing it (`none`).
 */
export async function shareDeck(
  ownerId: string,
  deckId: string,
  email: string,
  permission: DeckPermission | 'none',
): Promise<SharingResult> {
  const db = await database();
  if ((await deckOwner(db, deckId)) !== ownerId) return NOT_FOUND;
  const account = await findAccountByEmail(db, email);
  if (!account || account.disabledAt !== null)
    return {
      ok: false,
      status: 404,
      code: 'no_such_teacher',
      message: 'No teacher of this Classpulse has that email address.',
    };
  if (account.id === ownerId)
    return { ok: false, status: 400, code: 'own_deck', message: 'This deck is already yours.' };
  if (permission === 'none') await deleteDeckShare(db, deckId, account.id);
  else
    await putDeckShare(
      db,
      { deckId, accountId: account.id, permission, sharedBy: ownerId },
      Date.now(),
    );
  return { ok: true, shares: await listDeckShares(db, deckId) };
}
