import { deckSchema, type Deck } from '@classpulse/realtime/protocol';
import { db } from './db.ts';
import { newId } from './ids.ts';

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

interface Row {
  id: string;
  title: string;
  deck: string;
  updated_at: number;
}

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

export function listDecks(teacherId: string): DeckSummary[] {
  const rows = db()
    .prepare<[string], Row>(
      'SELECT id, title, deck, updated_at FROM decks WHERE teacher_id = ? ORDER BY updated_at DESC',
    )
    .all(teacherId);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slideCount: (JSON.parse(r.deck) as Deck).slides.length,
    updatedAt: r.updated_at,
  }));
}

export function getDeck(teacherId: string, id: string): StoredDeck | null {
  const row = db()
    .prepare<[string, string], Row>(
      'SELECT id, title, deck, updated_at FROM decks WHERE id = ? AND teacher_id = ?',
    )
    .get(id, teacherId);
  return row ? { id: row.id, deck: JSON.parse(row.deck) as Deck, updatedAt: row.updated_at } : null;
}

export function createDeck(teacherId: string, deck: Deck): StoredDeck {
  const id = newId();
  const now = Date.now();
  db()
    .prepare(
      'INSERT INTO decks (id, teacher_id, title, deck, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(id, teacherId, deck.title, JSON.stringify(deck), now, now);
  return { id, deck, updatedAt: now };
}

/** Saves an already-validated deck; false when it does not exist for this teacher. */
export function saveDeck(teacherId: string, id: string, deck: Deck): boolean {
  const result = db()
    .prepare('UPDATE decks SET title = ?, deck = ?, updated_at = ? WHERE id = ? AND teacher_id = ?')
    .run(deck.title, JSON.stringify(deck), Date.now(), id, teacherId);
  return result.changes > 0;
}

export function deleteDeck(teacherId: string, id: string): boolean {
  return (
    db().prepare('DELETE FROM decks WHERE id = ? AND teacher_id = ?').run(id, teacherId).changes > 0
  );
}

export function duplicateDeck(teacherId: string, id: string): StoredDeck | null {
  const source = getDeck(teacherId, id);
  if (!source) return null;
  return createDeck(teacherId, {
    ...source.deck,
    title: `${source.deck.title} (copy)`.slice(0, 200),
  });
}
