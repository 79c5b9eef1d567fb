import { deckSchema, type Deck } from '@classpulse/realtime/protocol';
import { database } from './db.ts';
import * as repository from './data/deck-repository.ts';
import type { DeckSummary, StoredDeck } from './data/deck-repository.ts';
import { deckOwner } from './data/deck-repository.ts';
import {
  deckShareOf,
  listDecksSharedWith,
  type SharedDeckSummary,
} from './data/share-repository.ts';
import type { DeckPermission } from './data/tables.ts';
import { newId } from './ids.ts';

/** The first slide's words, in the deck's language. */
export interface BlankDeckWords {
  slideTitle: string;
  prompt: string;
  options: readonly [string, string, string];
}

const ENGLISH_BLANK_DECK: BlankDeckWords = {
  slideTitle: 'Warm-up',
  prompt: 'How are you feeling about today’s topic?',
  options: ['Confident', 'Getting there', 'Lost'],
};

/**
 * A new deck starts with one multiple-choice slide so "Start" works at once, in `language` (the
 * teacher's interface language, with `words` in it) when given.
 */
export function blankDeck(
  title: string,
  language?: string,
  words: BlankDeckWords = ENGLISH_BLANK_DECK,
): Deck {
  const [a, b, c] = words.options;
  return deckSchema.parse({
    ...(language ? { language } : {}),
    title,
    slides: [
      {
        id: newId(),
        title: words.slideTitle,
        question: {
          kind: 'multiple-choice',
          prompt: words.prompt,
          options: [
            { id: 'a', label: a },
            { id: 'b', label: b },
            { id: 'c', label: c },
          ],
        },
      },
    ],
  });
}

export type { DeckSummary, SharedDeckSummary, StoredDeck };

/** How an account reaches a deck: its own, or shared with it to view (and copy) or edit. */
export type DeckAccess = 'owner' | DeckPermission;

export interface AccessibleDeck extends StoredDeck {
  access: DeckAccess;
  ownerId: string;
}

export async function listDecks(teacherId: string): Promise<DeckSummary[]> {
  return repository.listDecks(await database(), teacherId);
}

export async function listSharedDecks(accountId: string): Promise<SharedDeckSummary[]> {
  return listDecksSharedWith(await database(), accountId);
}

/** The deck if the account owns it or it was shared with it; null otherwise (as if missing). */
export async function getDeck(accountId: string, id: string): Promise<AccessibleDeck | null> {
  const db = await database();
  const ownerId = await deckOwner(db, id);
  if (!ownerId) return null;
  const access: DeckAccess | null =
    ownerId === accountId ? 'owner' : await deckShareOf(db, id, accountId);
  if (!access) return null;
  const stored = await repository.getDeck(db, ownerId, id);
  return stored && { ...stored, access, ownerId };
}

export async function createDeck(teacherId: string, deck: Deck): Promise<StoredDeck> {
  return repository.insertDeck(await database(), teacherId, newId(), deck, Date.now());
}

/**
 * Saves an already-validated deck for its owner or a teacher it is shared with to edit. 'missing'
 * when the account cannot see it at all, 'read-only' when it may only view it.
 */
export async function saveDeck(
  accountId: string,
  id: string,
  deck: Deck,
): Promise<'saved' | 'missing' | 'read-only'> {
  const found = await getDeck(accountId, id);
  if (!found) return 'missing';
  if (found.access === 'view') return 'read-only';
  const saved = await repository.updateDeck(await database(), found.ownerId, id, deck, Date.now());
  return saved ? 'saved' : 'missing';
}

/** Only the owner deletes a deck (its shares go with it). */
export async function deleteDeck(teacherId: string, id: string): Promise<boolean> {
  return repository.deleteDeck(await database(), teacherId, id);
}

/** A copy in the account's own library, of its own deck or one shared with it. */
export async function duplicateDeck(teacherId: string, id: string): Promise<StoredDeck | null> {
  const source = await getDeck(teacherId, id);
  if (!source) return null;
  return createDeck(teacherId, {
    ...source.deck,
    title: `${source.deck.title} (copy)`.slice(0, 200),
  });
}
