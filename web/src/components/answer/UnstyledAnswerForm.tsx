'use client';

import type { Answer, Question } from '@classpulse/realtime/protocol';
import { useId, type FormEvent } from 'react';
import { cn, type AnswerClasses } from './classes.ts';
import { checkDraft } from './draft.ts';
import { QuestionInput } from './QuestionInput.tsx';
import { useAnswerDraft } from './use-answer-draft.ts';

export interface AnswerFormProps {
  question: Question;
  slideId: string;
  /** The student's earlier answer: pre-fills the form and turns "Submit" into "Update". */
  initial?: Answer | null;
  disabled?: boolean;
  /** Shown next to the button while disabled, e.g. "Your teacher locked this question." */
  disabledReason?: string;
  /** Called with an answer that passed the protocol's schema and `answerProblem`. */
  onSubmit: (answer: Answer) => void;
}

/**
 * The answer form without its stylesheet; AnswerForm.tsx supplies the CSS module's classes.
 * Sending and "received" status belong to the parent.
 */
export function UnstyledAnswerForm({
  question,
  slideId,
  initial = null,
  disabled = false,
  disabledReason,
  onSubmit,
  classes = {},
}: AnswerFormProps & { classes?: AnswerClasses }) {
  const id = useId();
  const errorId = `${id}-error`;
  const reasonId = `${id}-reason`;
  const { draft, error, edit, fail, submitted } = useAnswerDraft(question, slideId, initial);
  const reason = disabled && disabledReason ? disabledReason : '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabled) return;
    const check = checkDraft(question, draft);
    if (!check.ok) {
      fail(check.message);
      return;
    }
    submitted();
    onSubmit(check.answer);
  }

  return (
    // noValidate: our messages (the protocol's) replace the browser's, which differ per browser.
    <form className={classes.form} onSubmit={handleSubmit} noValidate>
      <QuestionInput
        question={question}
        draft={draft}
        onDraft={edit}
        disabled={disabled}
        errorId={error ? errorId : undefined}
        classes={classes}
      />
      {/* Always in the DOM so screen readers announce the message when it is filled in. */}
      <p id={errorId} role="alert" className={cn('field-error', classes.error)}>
        {error}
      </p>
      <div className={classes.actions}>
        <button
          type="submit"
          className="button"
          disabled={disabled}
          aria-describedby={reason ? reasonId : undefined}
        >
          {initial ? 'Update answer' : 'Submit answer'}
        </button>
        <p id={reasonId} role="status" className={classes.note}>
          {reason}
        </p>
      </div>
    </form>
  );
}
