import type { ReactNode } from 'react';
import { idRefs, type AnswerClasses } from './classes.ts';

interface QuestionGroupProps {
  prompt: string;
  /** The input's hint, if it shows one. */
  hintId?: string | false | undefined;
  errorId: string | undefined;
  classes: AnswerClasses;
  children: ReactNode;
}

/**
 * The group around an answer input with several controls: the prompt as its legend, the hint
 * and the error as its description, and marked invalid while there is an error.
 */
export function QuestionGroup({ prompt, hintId, errorId, classes, children }: QuestionGroupProps) {
  return (
    <fieldset
      className={classes.group}
      aria-describedby={idRefs(hintId, errorId)}
      aria-invalid={errorId ? true : undefined}
    >
      <legend className={classes.prompt}>{prompt}</legend>
      {children}
    </fieldset>
  );
}
