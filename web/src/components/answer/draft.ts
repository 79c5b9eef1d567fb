import {
  answerProblem,
  answerSchema,
  plainMessage,
  type Answer,
  type Question,
  type QuestionKind,
} from '@classpulse/realtime/protocol';
import type { Draft, DraftValues } from './types.ts';

export const EMPTY_DRAFT_VALUES: DraftValues = {
  'multiple-choice': [],
  'short-text': '',
  number: '',
  'word-cloud': [],
  scale: null,
  drawing: [],
  'pin-on-image': null,
};

/** The draft a form starts from: the student's earlier answer when it fits the question. */
export function initialDraft(question: Question, initial: Answer | null): Draft {
  switch (question.kind) {
    case 'multiple-choice':
      return {
        kind: question.kind,
        value: initial?.kind === 'multiple-choice' ? initial.optionIds : [],
      };
    case 'short-text':
      return { kind: question.kind, value: initial?.kind === 'short-text' ? initial.text : '' };
    case 'number':
      return {
        kind: question.kind,
        value: initial?.kind === 'number' ? String(initial.value) : '',
      };
    case 'word-cloud':
      return { kind: question.kind, value: initial?.kind === 'word-cloud' ? initial.words : [] };
    case 'scale':
      return { kind: question.kind, value: initial?.kind === 'scale' ? initial.value : null };
    case 'drawing':
      return { kind: question.kind, value: initial?.kind === 'drawing' ? initial.strokes : [] };
    case 'pin-on-image':
      return {
        kind: question.kind,
        value: initial?.kind === 'pin-on-image' ? { x: initial.x, y: initial.y } : null,
      };
  }
}

/** An answer-shaped object for the schema to judge; incomplete drafts leave fields missing. */
export function draftToCandidate(draft: Draft): unknown {
  switch (draft.kind) {
    case 'multiple-choice':
      return { kind: draft.kind, optionIds: [...draft.value] };
    case 'short-text':
      return { kind: draft.kind, text: draft.value };
    case 'number':
      return {
        kind: draft.kind,
        value: draft.value.trim() === '' ? undefined : Number(draft.value),
      };
    case 'word-cloud':
      // Blank boxes are unused boxes, not empty words.
      return { kind: draft.kind, words: draft.value.filter((w) => w.trim() !== '') };
    case 'scale':
      return { kind: draft.kind, value: draft.value ?? undefined };
    case 'drawing':
      return { kind: draft.kind, strokes: draft.value };
    case 'pin-on-image':
      return draft.value === null ? { kind: draft.kind } : { kind: draft.kind, ...draft.value };
  }
}

/**
 * Said when a field is missing or of the wrong type: zod's own wording for that ("expected
 * number, received NaN") is not for children. Every other message comes from the protocol.
 */
const MISSING: Record<QuestionKind, string> = {
  'multiple-choice': 'Choose an option.',
  'short-text': 'Write an answer.',
  number: 'Enter a number.',
  'word-cloud': 'Enter a word.',
  scale: 'Choose a number on the scale.',
  drawing: 'Draw something first.',
  'pin-on-image': 'Place your pin on the picture first.',
};

export type DraftCheck = { ok: true; answer: Answer } | { ok: false; message: string };

/** Validates with the same schema and `answerProblem` the server uses, so both say the same thing. */
export function checkDraft(question: Question, draft: Draft): DraftCheck {
  const parsed = answerSchema.safeParse(draftToCandidate(draft), { error: plainMessage });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message =
      issue === undefined || issue.code === 'invalid_type' ? MISSING[draft.kind] : issue.message;
    return { ok: false, message };
  }
  const problem = answerProblem(question, parsed.data);
  return problem === null ? { ok: true, answer: parsed.data } : { ok: false, message: problem };
}
