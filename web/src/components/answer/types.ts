import type { AnswerFor, Question, QuestionKind } from '@classpulse/realtime/protocol';
import type { AnswerClasses } from './classes.ts';

export type QuestionOf<K extends QuestionKind> = Extract<Question, { kind: K }>;
export type Stroke = AnswerFor<'drawing'>['strokes'][number];
export type Pin = Pick<AnswerFor<'pin-on-image'>, 'x' | 'y'>;

/**
 * What each input edits before it becomes an answer: the raw text of a number box, blank word
 * boxes, no pin yet. `draftToCandidate` turns it into something the protocol schema can judge.
 */
export interface DraftValues {
  'multiple-choice': readonly string[];
  'short-text': string;
  number: string;
  'word-cloud': readonly string[];
  scale: number | null;
  drawing: readonly Stroke[];
  'pin-on-image': Pin | null;
}

export type Draft = { [K in QuestionKind]: { kind: K; value: DraftValues[K] } }[QuestionKind];

/** Props every per-kind input takes; the form owns the draft and the error message. */
export interface KindInputProps<K extends QuestionKind> {
  question: QuestionOf<K>;
  value: DraftValues[K];
  onChange: (value: DraftValues[K]) => void;
  disabled: boolean;
  /** Id of the visible error message while there is one; inputs reference it and mark themselves invalid. */
  errorId: string | undefined;
  classes: AnswerClasses;
}
