import type { DeckInput } from '../realtime/src/protocol/index.ts';

/**
 * The deck both benchmarks run: one multiple-choice question on slide `q1` with options a, b, c
 * (the load generator answers with those ids).
 */
export const ONE_QUESTION_DECK: DeckInput = {
  title: 'Bench',
  slides: [
    {
      id: 'q1',
      title: 'Warm-up',
      question: {
        kind: 'multiple-choice',
        prompt: 'Which fraction is the largest?',
        options: [
          { id: 'a', label: '1/2' },
          { id: 'b', label: '2/3' },
          { id: 'c', label: '3/5' },
        ],
      },
    },
  ],
};
