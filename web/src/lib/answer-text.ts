import type { Answer, Question } from '@classpulse/realtime/protocol';
import { webKind } from '../kinds/registry.ts';

/** One line of text for an answer: report tables and CSV cells. */
export function answerText(question: Question | undefined, answer: Answer): string {
  // The slide's question may have changed kind since; only a question of the answer's kind helps.
  return webKind(answer.kind).answerText(
    question?.kind === answer.kind ? question : undefined,
    answer,
  );
}

/** The answer as a number a spreadsheet can sum (−5 stays −5, not text), when it is one. */
export function answerNumber(answer: Answer): number | undefined {
  return webKind(answer.kind).answerNumber?.(answer);
}
