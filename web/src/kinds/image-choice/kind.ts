import { newClientId, optionLetter } from '../../components/editor/client-ids.ts';
import type { WebKind } from '../kind.ts';

/** The chosen option ids, in the teacher's order. */
export type ImageChoiceDraft = readonly string[];

const OPTIONS = { field: 'options', name: 'Image options' };

export const imageChoice: WebKind<'image-choice', ImageChoiceDraft> = {
  label: 'Image choice',
  hint: 'Students pick one or more of your pictures.',
  newQuestion: (prompt) => ({
    kind: 'image-choice',
    prompt,
    options: [
      { id: newClientId(), imageUrl: '', alt: '' },
      { id: newClientId(), imageUrl: '', alt: '' },
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
  // The first option carries a picture over from (and to) a kind with one image.
  imageUrl: (question) => question.options[0]?.imageUrl || undefined,
  withImageUrl(question, url) {
    const [first, ...rest] = question.options;
    if (!first || first.imageUrl) return question;
    return { ...question, options: [{ ...first, imageUrl: url }, ...rest] };
  },
  issueFields: {
    options: OPTIONS,
    correctOptionIds: OPTIONS,
    allowMultiple: { field: 'allowMultiple', name: 'Allow several answers' },
    points: { field: 'points', name: 'Points' },
  },
  issueTarget(question, [property, index, detail]) {
    if (property !== 'options' || typeof index !== 'number') return null;
    const option = question.options[index];
    if (!option) return null;
    const letter = optionLetter(index);
    return detail === 'imageUrl'
      ? { field: `option-${option.id}-image`, detail: `Option ${letter} image` }
      : { field: `option-${option.id}-alt`, detail: `Option ${letter} description` };
  },

  emptyDraft: [],
  draftFromAnswer: (answer) => answer.optionIds,
  draftToCandidate: (draft) => ({ optionIds: [...draft] }),
  missingMessage: 'Choose a picture.',

  answerText(question, answer) {
    const alts = question ? new Map(question.options.map((o) => [o.id, o.alt])) : null;
    return answer.optionIds.map((id) => alts?.get(id) ?? id).join('; ');
  },
  correctText(question, language = 'en') {
    const correct = new Set(question.correctOptionIds ?? []);
    const alts = question.options.filter((o) => correct.has(o.id)).map((o) => o.alt);
    return alts.length === 0
      ? null
      : new Intl.ListFormat(language, { type: 'conjunction' }).format(alts);
  },
};
