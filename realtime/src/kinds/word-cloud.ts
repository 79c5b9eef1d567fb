import * as z from 'zod/mini';
import { defineKind, listFromNode } from './kind.ts';
import { questionBase } from './common.ts';
import { gate, listItemKey, stringOf } from './rules-kit.ts';

export const WORD_CLOUD_LIMITS = { wordCloudWordsMax: 3, wordCloudWordMax: 30 } as const;

export const wordCloudQuestionSchema = z.object({
  kind: z.literal('word-cloud'),
  ...questionBase,
  maxWords: z._default(
    z.int().check(z.minimum(1), z.maximum(WORD_CLOUD_LIMITS.wordCloudWordsMax)),
    WORD_CLOUD_LIMITS.wordCloudWordsMax,
  ),
});

const word = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(
      WORD_CLOUD_LIMITS.wordCloudWordMax,
      `Each word has at most ${WORD_CLOUD_LIMITS.wordCloudWordMax} characters.`,
    ),
    z.regex(/^[^\s]+$/u, 'One word per box.'),
  );

export const wordCloudAnswerSchema = z.object({
  kind: z.literal('word-cloud'),
  words: z
    .array(word)
    .check(z.minLength(1, 'Enter a word.'), z.maxLength(WORD_CLOUD_LIMITS.wordCloudWordsMax)),
});

/** A poll of words: nothing to grade. */
export const wordCloud = defineKind({
  kind: 'word-cloud',
  question: wordCloudQuestionSchema,
  answer: wordCloudAnswerSchema,
  limits: WORD_CLOUD_LIMITS,
  problem: (q, a) => (a.words.length > q.maxWords ? `Enter at most ${q.maxWords} words.` : null),
  gradable: () => false,
  score: () => null,
  hideCorrect: (q) => q,
  gate: (q) => ({ maxWords: q.maxWords }),
  rules: {
    words: {
      '.validate': `newData.hasChild('0') && !newData.hasChild('' + ${gate('maxWords')}.val())`,
      $i: {
        '.validate': `${listItemKey} && ${stringOf(WORD_CLOUD_LIMITS.wordCloudWordMax)} && newData.val().matches(/^[^\\s]+$/)`,
      },
    },
  },
  requiredField: 'words',
  encode: (answer) => ({ ...answer }),
  decode: (node) => ({ ...node, words: listFromNode(node.words) }),
});
