import type { Answer, Question } from '@classpulse/realtime/protocol';
import type { AnswerWords } from '../kinds/kind.ts';
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

/**
 * An answer for the report page: its words in the reader's language where the kind has some,
 * else its own text as data (a student's words, option labels: never translated).
 */
export function answerWords(question: Question | undefined, answer: Answer): AnswerWords | string {
  const sameKind = question?.kind === answer.kind ? question : undefined;
  const kind = webKind(answer.kind);
  return kind.answerWords ? kind.answerWords(sameKind, answer) : kind.answerText(sameKind, answer);
}
