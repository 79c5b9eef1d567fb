'use client';

import { createFormatter, useLocale, useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import styles from './student.module.css';

/**
 * The reader's own regional variant of the page's language where the browser has one (an "en-GB"
 * reader of the English page gets 24-hour times), and the browser's time zone: a homework's due
 * time is read where the student is.
 */
function useLocalFormatter() {
  const locale = useLocale();
  return useMemo(() => {
    const regional = navigator.languages.find((tag) => tag.split('-')[0] === locale);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // (Typed as an app locale; a regional tag of the same language formats the same words.)
    return createFormatter({ locale: (regional ?? locale) as typeof locale, timeZone });
  }, [locale]);
}

const DUE_FORMAT = {
  weekday: 'long',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
} as const;

/**
 * A homework's due time and, once it has passed, that answers are closed (what they sent stays,
 * and stays visible). `own`: the student has extended time, so this is their own due time ("Your
 * time"); `dueAt` null then means they have no time limit. Nobody else sees it.
 */
export function DueNotice({
  dueAt,
  own = false,
  past,
}: {
  dueAt: number | null;
  own?: boolean;
  past: boolean;
}) {
  const t = useTranslations('student.due');
  const format = useLocalFormatter();
  if (dueAt === null) return <p className={styles.due}>{t('noLimit')}</p>;
  const when = format.dateTime(new Date(dueAt), DUE_FORMAT);
  const time = (chunks: ReactNode) => (
    <time dateTime={new Date(dueAt).toISOString()}>{chunks}</time>
  );
  return past ? (
    <p className={`card ${styles.closed}`} role="status">
      {t.rich(own ? 'ownClosed' : 'closed', {
        when,
        strong: (chunks) => <strong>{chunks}</strong>,
      })}
    </p>
  ) : (
    <p className={styles.due}>{t.rich(own ? 'own' : 'due', { when, time })}</p>
  );
}
