import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';

export interface WordCount {
  /** Grouping key: case-folded, without sentence punctuation. */
  key: string;
  /** The spelling students typed most often (first seen wins a tie). */
  word: string;
  count: number;
}

// Sentence punctuation only: symbols such as "C#" or "C++" are words in their own right.
const EDGE_PUNCTUATION = /^[.,;:!?"'“”‘’«»()[\]{}…]+|[.,;:!?"'“”‘’«»()[\]{}…]+$/gu;

function cleanWord(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.replace(EDGE_PUNCTUATION, '') || trimmed;
}

export function wordKey(raw: string): string {
  // toLowerCase, not toLocaleLowerCase: server and browser must group identically.
  return cleanWord(raw).normalize('NFKC').toLowerCase();
}

/**
 * Groups words case-insensitively, most frequent first (ties alphabetical, so the order is
 * stable). A word repeated within one answer counts once, so no student can inflate it.
 */
export function groupWords(entries: readonly ResultEntry[]): WordCount[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const answer of visibleAnswers(entries, 'word-cloud')) {
    const seen = new Set<string>();
    for (const raw of answer.words) {
      const key = wordKey(raw);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const spelling = cleanWord(raw).normalize('NFKC');
      const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      group.count += 1;
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      groups.set(key, group);
    }
  }
  const words: WordCount[] = [];
  for (const [key, group] of groups) {
    let word = key;
    let best = 0;
    // Map iteration is insertion order, so on a tie the first spelling seen stays.
    for (const [spelling, n] of group.spellings) {
      if (n > best) {
        word = spelling;
        best = n;
      }
    }
    words.push({ key, word, count: group.count });
  }
  return words.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
