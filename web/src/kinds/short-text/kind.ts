import { LIMITS } from '@classpulse/realtime/protocol';
import type { WebKind } from '../kind.ts';

/** The text as typed. */
export type ShortTextDraft = string;

export const shortText: WebKind<'short-text', ShortTextDraft> = {
  label: 'Short text',
  hint: 'Students type a short answer.',
  newQuestion: (prompt) => ({ kind: 'short-text', prompt, maxLength: LIMITS.shortTextMax }),
  issueFields: {
    maxLength: { field: 'maxLength', name: 'Maximum length' },
    acceptedAnswers: { field: 'acceptedAnswers', name: 'Accepted answers' },
  },

  emptyDraft: '',
  draftFromAnswer: (answer) => answer.text,
  draftToCandidate: (draft) => ({ text: draft }),
  missingMessage: 'Write an answer.',

  answerText: (_question, answer) => answer.text,
  correctText: (question, language = 'en') =>
    question.acceptedAnswers?.length
      ? new Intl.ListFormat(language, { type: 'disjunction' }).format(question.acceptedAnswers)
      : null,
};
