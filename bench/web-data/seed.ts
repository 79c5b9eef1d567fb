import type { Deck } from '@classpulse/realtime/protocol';
import type { Insertable, Kysely } from 'kysely';
import type { WebTables } from '../../web/src/server/data/tables.ts';

/** A deck as teachers make them: five slides, a question on each (about 1.5 KB of JSON). */
export function benchDeck(title: string): Deck {
  return {
    title,
    slides: Array.from({ length: 5 }, (_, i) => ({
      id: `s${i}`,
      title: `Slide ${i + 1}`,
      body: 'Read the passage on page 42 and think about what the author means by it.',
      question: {
        kind: 'multiple-choice' as const,
        prompt: `Question ${i + 1}: which of these best describes the main idea?`,
        allowMultiple: false,
        options: [
          { id: 'a', label: 'The first possible answer, a sentence long' },
          { id: 'b', label: 'The second possible answer, a sentence long' },
          { id: 'c', label: 'The third possible answer, a sentence long' },
          { id: 'd', label: 'The fourth possible answer, a sentence long' },
        ],
        correctOptionIds: ['a'],
      },
    })),
  };
}

const ROWS_PER_INSERT = 500;

/**
 * `teachers` accounts (no password: they never sign in here) with `decksEach` decks each, in
 * multi-row inserts, one transaction per batch. Ids are `t<n>` and `t<n>-d<m>`.
 */
export async function seedTeachers(
  db: Kysely<WebTables>,
  teachers: number,
  decksEach: number,
  firstTeacher = 0,
): Promise<void> {
  const deck = JSON.stringify(benchDeck('A deck of the bench'));
  let accounts: Array<Insertable<WebTables['accounts']>> = [];
  let decks: Array<{
    id: string;
    teacher_id: string;
    title: string;
    deck: string;
    created_at: number;
    updated_at: number;
  }> = [];
  const flush = async (force = false) => {
    if (accounts.length >= ROWS_PER_INSERT || (force && accounts.length > 0)) {
      await db.insertInto('accounts').values(accounts).execute();
      accounts = [];
    }
    if (decks.length >= ROWS_PER_INSERT || (force && decks.length > 0)) {
      await db.insertInto('decks').values(decks).execute();
      decks = [];
    }
  };
  for (let t = firstTeacher; t < firstTeacher + teachers; t++) {
    accounts.push({
      id: `t${t}`,
      email: `teacher${t}@district.test`,
      name: `Teacher ${t}`,
      role: 'teacher',
      password_hash: null,
      oidc_issuer: null,
      oidc_subject: null,
      disabled_at: null,
      sessions_valid_after: 0,
      created_at: 1_700_000_000_000,
      last_sign_in_at: null,
    });
    for (let d = 0; d < decksEach; d++)
      decks.push({
        id: `t${t}-d${d}`,
        teacher_id: `t${t}`,
        title: `Deck ${d} of teacher ${t}`,
        deck,
        created_at: 1_700_000_000_000 + d,
        updated_at: 1_700_000_000_000 + d,
      });
    await flush();
  }
  await flush(true);
}
