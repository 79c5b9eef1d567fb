import type { WebKind } from '../kind.ts';

/** The chosen step, or null before one is chosen. */
export type ScaleDraft = number | null;

export const scale: WebKind<'scale', ScaleDraft> = {
  label: 'Scale',
  hint: 'Students rate on a scale from 1 to a number you choose.',
  newQuestion: (prompt) => ({
    kind: 'scale',
    prompt,
    steps: 5,
    minLabel: 'Not at all',
    maxLabel: 'Completely',
  }),
  issueFields: {
    steps: { field: 'steps', name: 'Number of steps' },
    minLabel: { field: 'minLabel', name: 'Low end label' },
    maxLabel: { field: 'maxLabel', name: 'High end label' },
  },

  emptyDraft: null,
  draftFromAnswer: (answer) => answer.value,
  draftToCandidate: (draft) => ({ value: draft ?? undefined }),
  missingMessage: 'Choose a number on the scale.',

  answerText: (_question, answer) => String(answer.value),
  answerNumber: (answer) => answer.value,
};
