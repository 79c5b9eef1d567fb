'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { usePast } from '../../lib/use-past.ts';

/**
 * A homework's state for the teacher: "Due Friday 12 Dec, 23:59" until its due time, "Final"
 * after it (no answer changes any more). The due time is in the reader's time zone, set after
 * hydration (the server does not know the zone), like LocalTime.
 */
export function SessionStatus({ dueAt }: { dueAt: number }) {
  const t = useTranslations('dashboard.status');
  const format = useFormatter();
  const past = usePast(dueAt);
  const [due, setDue] = useState<string | null>(null);
  useEffect(
    () =>
      setDue(
        // "Friday 12 Dec, 23:59": the page's language, this browser's time zone.
        format.dateTime(new Date(dueAt), {
          weekday: 'long',
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        }),
      ),
    [dueAt, format],
  );
  if (past) return <strong>{t('final')}</strong>;
  return (
    <time dateTime={new Date(dueAt).toISOString()}>
      {t('due', {
        time: due ?? new Date(dueAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      })}
    </time>
  );
}
