import type { Answer, Question } from '@classpulse/realtime/protocol';
import { useState } from 'react';
import { initialDraft } from './draft.ts';
import type { Draft } from './types.ts';

interface DraftState {
  slideId: string;
  kind: Question['kind'];
  initial: Answer | null;
  draft: Draft;
  /** The student changed something since the draft was last seeded. */
  edited: boolean;
  error: string | null;
}

function seed(question: Question, slideId: string, initial: Answer | null): DraftState {
  const draft = initialDraft(question, initial);
  return { slideId, kind: question.kind, initial, draft, edited: false, error: null };
}

/**
 * The form's draft and error message. A new slide starts a fresh draft; an earlier answer that
 * arrives late (after a refresh, the session state loads after the first render) fills the form
 * only while the student has not started editing, so it never overwrites their typing.
 */
export function useAnswerDraft(question: Question, slideId: string, initial: Answer | null) {
  const [state, setState] = useState(() => seed(question, slideId, initial));
  let current = state;
  const otherQuestion = state.slideId !== slideId || state.kind !== question.kind;
  if (otherQuestion || (state.initial !== initial && !state.edited)) {
    // React's "adjust state when a prop changes": re-render now rather than after an effect.
    current = seed(question, slideId, initial);
    setState(current);
  }
  return {
    draft: current.draft,
    error: current.error,
    edit: (draft: Draft) => setState((s) => ({ ...s, draft, edited: true, error: null })),
    fail: (error: string) => setState((s) => ({ ...s, error })),
    /** After a send, the parent's new `initial` is the answer itself; adopt it (trimmed text). */
    submitted: () => setState((s) => ({ ...s, edited: false, error: null })),
  };
}
