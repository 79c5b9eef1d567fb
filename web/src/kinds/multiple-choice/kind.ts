import { newClientId, optionLetter } from '../../components/editor/client-ids.ts';
import type { WebKind } from '../kind.ts';

/** The chosen option ids, in the teacher's order. */
export type MultipleChoiceDraft = readonly string[];

const OPTIONS = { field: 'options', name: 'Options' };

export const multipleChoice: WebKind<'multiple-choice', MultipleChoiceDraft> = {
  label: 'Multiple choice',
  hint: 'Students pick one or more of your options.',
  newQuestion: (prompt) => ({
    kind: 'multiple-choice',
    prompt,
    options: [
      { id: newClientId(), label: '' },
      { id: newClientId(), label: '' },
    ],
    allowMultiple: false,
  }),
  copyQuestion(question) {
    // Fresh option ids; the correct answers follow their options.
    const ids = new Map(question.options.map((o) => [o.id, newClientId()] as const));
    return {
      ...question,
      options: question.options.map((o) => ({ ...o, id: ids.get(o.id) ?? newClientId() })),
      ...(question.correctOptionIds
        ? { correctOptionIds: question.correctOptionIds.map((id) => ids.get(id) ?? id) }
        : {}),
    };
  },
  issueFields: {
    options: OPTIONS,
    correctOptionIds: OPTIONS,
    allowMultiple: { field: 'allowMultiple', name: 'Allow several answers' },
  },
  issueTarget(question, [property, index]) {
    if (property !== 'options' || typeof index !== 'number') return null;
    const option = question.options[index];
    return option
      ? { field: `option-${option.id}`, detail: `Option ${optionLetter(index)}` }
      : null;
  },

  emptyDraft: [],
  draftFromAnswer: (answer) => answer.optionIds,
  draftToCandidate: (draft) => ({ optionIds: [...draft] }),
  missingMessage: 'Choose an option.',

  answerText(question, answer) {
    const labels = question ? new Map(question.options.map((o) => [o.id, o.label])) : null;
    return answer.optionIds.map((id) => labels?.get(id) ?? id).join('; ');
  },
  correctText(question, language = 'en') {
    const correct = new Set(question.correctOptionIds ?? []);
    const labels = question.options.filter((o) => correct.has(o.id)).map((o) => o.label);
    return labels.length === 0
      ? null
      : new Intl.ListFormat(language, { type: 'conjunction' }).format(labels);
  },
};
