import {
  answerProblem,
  answerSchema,
  plainMessage,
  type Answer,
  type Question,
} from '@classpulse/realtime/protocol';
import { webKind } from '../../kinds/registry.ts';
import type { Draft } from './types.ts';

/** The draft a form starts from: the student's earlier answer when it fits the question. */
export function initialDraft(question: Question, initial: Answer | null): Draft {
  const kind = webKind(question.kind);
  const value = initial?.kind === question.kind ? kind.draftFromAnswer(initial) : kind.emptyDraft;
  // The value is of the question's kind, which the union type cannot express.
  return { kind: question.kind, value } as Draft;
}

/** An answer-shaped object for the schema to judge; incomplete drafts leave fields missing. */
export function draftToCandidate(question: Question, draft: Draft): unknown {
  // The form re-seeds its draft when the kind changes, so both are of one kind; a draft of another
  // kind is turned into its answer without the question (and then refused for its kind).
  const fields =
    question.kind === draft.kind ? webKind(draft.kind).draftToCandidate(draft.value, question) : {};
  return { kind: draft.kind, ...fields };
}

export type DraftCheck = { ok: true; answer: Answer } | { ok: false; message: string };

/** Validates with the same schema and `answerProblem` the server uses, so both say the same thing. */
export function checkDraft(question: Question, draft: Draft): DraftCheck {
  const parsed = answerSchema.safeParse(draftToCandidate(question, draft), { error: plainMessage });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A missing field or one of the wrong type: zod's own wording for that ("expected number,
    // received NaN") is not for children. Every other message comes from the protocol.
    const message =
      issue === undefined || issue.code === 'invalid_type'
        ? webKind(draft.kind).missingMessage
        : issue.message;
    return { ok: false, message };
  }
  const problem = answerProblem(question, parsed.data);
  return problem === null ? { ok: true, answer: parsed.data } : { ok: false, message: problem };
}
