import type { WebKind } from '../kind.ts';

/** The number box's raw text, kept until the answer is checked. */
export type NumberDraft = string;

export const number: WebKind<'number', NumberDraft> = {
  label: 'Number',
  hint: 'Students answer with a number, optionally within a range.',
  newQuestion: (prompt) => ({ kind: 'number', prompt }),
  issueFields: {
    min: { field: 'min', name: 'Smallest answer' },
    max: { field: 'max', name: 'Largest answer' },
    correct: { field: 'correct', name: 'Correct answer' },
  },
  issueTarget: (_question, [property, below]) =>
    property === 'correct' && below === 'tolerance'
      ? { field: 'tolerance', detail: 'Tolerance' }
      : null,

  emptyDraft: '',
  draftFromAnswer: (answer) => String(answer.value),
  draftToCandidate: (draft) => ({ value: draft.trim() === '' ? undefined : Number(draft) }),
  missingMessage: 'Enter a number.',

  answerText: (_question, answer) => String(answer.value),
  correctText: (question, language = 'en') => {
    if (!question.correct) return null;
    const { value, tolerance } = question.correct;
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 20 });
    return tolerance > 0
      ? `${number.format(value)} ± ${number.format(tolerance)}`
      : number.format(value);
  },
  answerNumber: (answer) => answer.value,
};
