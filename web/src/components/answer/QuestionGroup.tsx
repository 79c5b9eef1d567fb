import type { ReactNode } from 'react';
import { contentLanguage } from '../../lib/content-language.ts';
import { idRefs, type AnswerClasses } from './classes.ts';

interface QuestionGroupProps {
  prompt: string;
  /** The input's hint, if it shows one. */
  hintId?: string | false | undefined;
  errorId: string | undefined;
  /** The deck's content language: the prompt is the teacher's words. */
  language?: string | undefined;
  classes: AnswerClasses;
  children: ReactNode;
}

/**
 * The group around an answer input with several controls: the prompt as its legend, the hint
 * and the error as its description, and marked invalid while there is an error.
 */
export function QuestionGroup({
  prompt,
  hintId,
  errorId,
  language,
  classes,
  children,
}: QuestionGroupProps) {
  return (
    <fieldset
      className={classes.group}
      aria-describedby={idRefs(hintId, errorId)}
      aria-invalid={errorId ? true : undefined}
    >
      {/* data-read-part: read-aloud reads it (components/student/ReadAloud.tsx). */}
      <legend className={classes.prompt} data-read-part="" {...contentLanguage(language)}>
        {prompt}
      </legend>
      {children}
    </fieldset>
  );
}
