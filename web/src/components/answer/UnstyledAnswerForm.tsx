'use client';

import type { Answer, Question } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useId, type FormEvent } from 'react';
import { cn, type AnswerClasses } from './classes.ts';
import { checkDraft } from './draft.ts';
import { draftProblem } from './draft-problem.ts';
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
  /** The deck's content language (BCP 47): the `lang` of the prompt and options, when set. */
  contentLanguage?: string | undefined;
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
  contentLanguage,
  classes = {},
}: AnswerFormProps & { classes?: AnswerClasses }) {
  const t = useTranslations('student.answerForm');
  const tk = useTranslations('kinds.problems');
  const te = useTranslations('errors');
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
      // The protocol says it in English; the student reads it in their language.
      const problem = draftProblem(check.message);
      fail(problem ? tk(problem.key, problem.values) : te('invalid_answer'));
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
        contentLanguage={contentLanguage}
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
          {initial ? t('update') : t('submit')}
        </button>
        <p id={reasonId} role="status" className={classes.note}>
          {reason}
        </p>
      </div>
    </form>
  );
}
