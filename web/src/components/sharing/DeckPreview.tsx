'use client';

import type { Deck } from '@classpulse/realtime/protocol';
import Link from 'next/link';
import { useState } from 'react';
import { callApi } from '../teacher/api.ts';
import styles from './sharing.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    setBusy(true);
    const result = await callApi<{ id: string }>(`/api/decks/${deckId}/duplicate`, {
      method: 'POST',
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    window.location.assign(`/teacher/decks/${result.id}`);
  };
  return (
    <main className="page">
      <p>
        <Link href="/teacher">Back to library</Link>
      </p>
      <h1>{deck.title}</h1>
      <p className={styles.muted}>
        {ownerName} shared this deck with you to view. Copy it to change it.
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void copy()}>
        Copy to my decks
      </button>
      <ErrorAlert message={error} />
      <ol className={`row-list ${styles.list}`} aria-label="Slides">
        {deck.slides.map((slide, i) => (
          <li key={slide.id} className="card">
            <span>
              <strong>{slide.title || `Slide ${i + 1}`}</strong>
              {slide.question ? ` — ${slide.question.prompt}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </main>
  );
}
