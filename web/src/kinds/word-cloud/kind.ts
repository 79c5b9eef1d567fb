import { LIMITS } from '@classpulse/realtime/protocol';
import type { WebKind } from '../kind.ts';

/** One entry per word box; blank boxes are unused boxes, not empty words. */
export type WordCloudDraft = readonly string[];

export const wordCloud: WebKind<'word-cloud', WordCloudDraft> = {
  label: 'Word cloud',
  hint: 'Students send a few words; common words grow bigger.',
  newQuestion: (prompt) => ({ kind: 'word-cloud', prompt, maxWords: LIMITS.wordCloudWordsMax }),
  issueFields: { maxWords: { field: 'maxWords', name: 'Words per answer' } },

  emptyDraft: [],
  draftFromAnswer: (answer) => answer.words,
  draftToCandidate: (draft) => ({ words: draft.filter((w) => w.trim() !== '') }),
  missingMessage: 'Enter a word.',

  answerText: (_question, answer) => answer.words.join(' '),
};
