import { deckSchema, type Deck } from '@classpulse/realtime/protocol';
import { database } from './db.ts';
import * as repository from './data/deck-repository.ts';
import type { DeckSummary, StoredDeck } from './data/deck-repository.ts';
import { newId } from './ids.ts';

/** A new deck starts with one multiple-choice slide so "Start" works at once. */
export function blankDeck(title: string): Deck {
  return deckSchema.parse({
    title,
    slides: [
      {
        id: newId(),
        title: 'Warm-up',
        question: {
          kind: 'multiple-choice',
          prompt: 'How are you feeling about today’s topic?',
          options: [
            { id: 'a', label: 'Confident' },
            { id: 'b', label: 'Getting there' },
            { id: 'c', label: 'Lost' },
          ],
        },
      },
    ],
  });
}

export type { DeckSummary, StoredDeck };

export async function listDecks(teacherId: string): Promise<DeckSummary[]> {
  return repository.listDecks(await database(), teacherId);
}

export async function getDeck(teacherId: string, id: string): Promise<StoredDeck | null> {
  return repository.getDeck(await database(), teacherId, id);
}

export async function createDeck(teacherId: string, deck: Deck): Promise<StoredDeck> {
  return repository.insertDeck(await database(), teacherId, newId(), deck, Date.now());
}

/** Saves an already-validated deck; false when it does not exist for this teacher. */
export async function saveDeck(teacherId: string, id: string, deck: Deck): Promise<boolean> {
  return repository.updateDeck(await database(), teacherId, id, deck, Date.now());
}

export async function deleteDeck(teacherId: string, id: string): Promise<boolean> {
  return repository.deleteDeck(await database(), teacherId, id);
}

export async function duplicateDeck(teacherId: string, id: string): Promise<StoredDeck | null> {
  const source = await getDeck(teacherId, id);
  if (!source) return null;
  return createDeck(teacherId, {
    ...source.deck,
    title: `${source.deck.title} (copy)`.slice(0, 200),
  });
}
