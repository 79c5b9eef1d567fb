'use client';

import { cn } from './classes.ts';

export interface ModerationButtonProps {
  studentId: string;
  hidden: boolean;
  /** Whose answer, for the accessible name: "answer from Ada" or "answer 3". */
  owner: string;
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
  owner,
  onToggleHidden,
  className,
}: ModerationButtonProps) {
  const action = hidden ? 'Show' : 'Hide';
  return (
    <button
      type="button"
      className={cn('button', 'button-secondary', className)}
      aria-label={`${action} ${owner}`}
      onClick={() => onToggleHidden(studentId, !hidden)}
    >
      {action}
    </button>
  );
}
