'use client';

import { useEffect, useState } from 'react';
import { dueText } from '../../lib/quiz-format.ts';
import { usePast } from '../../lib/use-past.ts';

/**
 * A homework's state for the teacher: "Due Friday 12 Dec, 23:59" until its due time, "Final"
 * after it (no answer changes any more). The due time is in the reader's time zone, set after
 * hydration (the server does not know the zone), like LocalTime.
 */
export function SessionStatus({ dueAt }: { dueAt: number }) {
  const past = usePast(dueAt);
  const [due, setDue] = useState<string | null>(null);
  useEffect(() => setDue(dueText(dueAt)), [dueAt]);
  if (past) return <strong>Final</strong>;
  return (
    <time dateTime={new Date(dueAt).toISOString()}>
      Due {due ?? new Date(dueAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'}
    </time>
  );
}
