'use client';

import styles from './answer.module.css';
import { UnstyledAnswerForm, type AnswerFormProps } from './UnstyledAnswerForm.tsx';

export type { AnswerFormProps };

/** The student's answer form for any question kind, styled. */
export function AnswerForm(props: AnswerFormProps) {
  // The stylesheet is imported here only: Node (the render test) cannot load `.css` files.
  return <UnstyledAnswerForm {...props} classes={styles} />;
}
