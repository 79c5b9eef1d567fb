'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './teacher.module.css';

export interface SharedDeck {
  id: string;
  title: string;
  slideCount: number;
  permission: 'view' | 'edit';
  ownerName: string;
}

export interface CoTaughtSession {
  id: string;
  title: string;
  joinCode: string;
  createdAt: number;
  ownerName: string;
}

/**
 * What other teachers shared: decks (start a session with one, copy it, and open it to view or
 * edit as the share allows) and live sessions this teacher co-teaches.
 */
export function SharedWithYou({
  decks,
  sessions,
  busy,
  onStart,
  onCopy,
}: {
  decks: SharedDeck[];
  sessions: CoTaughtSession[];
  busy: boolean;
  onStart: (deckId: string) => void;
  onCopy: (deckId: string) => void;
}) {
  const t = useTranslations('teacher');
  if (decks.length === 0 && sessions.length === 0) return null;
  return (
    <section aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t('shared.heading')}</h2>
      {decks.length > 0 ? (
        <ul className={styles.deckList} aria-label={t('shared.decks')}>
          {decks.map((deck) => (
            <li key={deck.id} className={`card ${styles.deck}`}>
              <div>
                <h3 className={styles.deckTitle} translate="no">
                  {deck.title}
                </h3>
                <p className={styles.meta}>
                  {t('shared.deckMeta', {
                    owner: deck.ownerName,
                    count: deck.slideCount,
                    permission: deck.permission,
                  })}
                </p>
              </div>
              <div className={styles.deckActions}>
                <button
                  type="button"
                  className="button"
                  onClick={() => onStart(deck.id)}
                  disabled={busy}
                >
                  {t.rich('library.startSession', { title: deck.title, hidden })}
                </button>
                <Link className="button button-secondary" href={`/teacher/decks/${deck.id}`}>
                  {deck.permission === 'edit'
                    ? t.rich('library.edit', { title: deck.title, hidden })
                    : t.rich('shared.view', { title: deck.title, hidden })}
                </Link>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onCopy(deck.id)}
                  disabled={busy}
                >
                  {t.rich('shared.copy', { title: deck.title, hidden })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {sessions.length > 0 ? (
        <>
          <h3>{t('shared.coTaught')}</h3>
          <ul className={styles.sessionList}>
            {sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/teacher/sessions/${s.id}`}>
                  <bdi translate="no">{s.title}</bdi> — <bdi translate="no">{s.joinCode}</bdi>
                </Link>{' '}
                <span className={styles.meta}>{t('shared.with', { owner: s.ownerName })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;
