'use client';

import { cn } from './classes.ts';

export interface ModerationButtonProps {
  studentId: string;
  hidden: boolean;
  /** The visible word: "Hide" or "Show". */
  action: string;
  /** The accessible name, whose answer: "Hide answer from Ada" or "Show answer 3". */
  label: string;
  onToggleHidden: (studentId: string, hidden: boolean) => void;
  className?: string | undefined;
}

/**
 * Hide / Show for one answer. The visible word stays short; the accessible name says whose
 * answer it is, because a list of identical "Hide" buttons is useless to a screen reader.
 */
export function ModerationButton({
  studentId,
  hidden,
  action,
  label,
  onToggleHidden,
  className,
}: ModerationButtonProps) {
  return (
    <button
      type="button"
      className={cn('button', 'button-secondary', className)}
      aria-label={label}
      onClick={() => onToggleHidden(studentId, !hidden)}
    >
      {action}
    </button>
  );
}
