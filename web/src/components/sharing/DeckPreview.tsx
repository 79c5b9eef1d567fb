'use client';

import type { Deck } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { callApi } from '../teacher/api.ts';
import styles from './sharing.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { contentAttributes } from '../editor/content-languages.ts';

/** A deck shared to view: its slides, read-only, and a copy to edit in one's own library. */
export function DeckPreview({
  deckId,
  deck,
  ownerName,
}: {
  deckId: string;
  deck: Deck;
  ownerName: string;
}) {
  const t = useTranslations('teacher');
  const errorText = useErrorText();
  const content = contentAttributes(deck.language ?? 'en');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    setBusy(true);
    const result = await callApi<{ id: string }>(`/api/decks/${deckId}/duplicate`, {
      method: 'POST',
    });
    setBusy(false);
    if (!result.ok) return setError(errorText(result));
    window.location.assign(`/teacher/decks/${result.id}`);
  };
  return (
    <main className="page">
      <p>
        <Link href="/teacher">{t('preview.back')}</Link>
      </p>
      <h1 {...content}>{deck.title}</h1>
      <p className={styles.muted}>{t('preview.sharedToView', { owner: ownerName })}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void copy()}>
        {t('preview.copy')}
      </button>
      <ErrorAlert message={error} />
      <ol className={`row-list ${styles.list}`} aria-label={t('preview.slides')}>
        {deck.slides.map((slide, i) => (
          <li key={slide.id} className="card">
            <span {...content}>
              <strong>{slide.title || t('preview.untitled', { number: i + 1 })}</strong>
              {slide.question ? ` — ${slide.question.prompt}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </main>
  );
}
