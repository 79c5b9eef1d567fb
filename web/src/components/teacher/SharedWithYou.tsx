import Link from 'next/link';
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
  if (decks.length === 0 && sessions.length === 0) return null;
  return (
    <section aria-labelledby="shared-heading">
      <h2 id="shared-heading">Shared with you</h2>
      {decks.length > 0 ? (
        <ul className={styles.deckList} aria-label="Decks shared with you">
          {decks.map((deck) => (
            <li key={deck.id} className={`card ${styles.deck}`}>
              <div>
                <h3 className={styles.deckTitle}>{deck.title}</h3>
                <p className={styles.meta}>
                  {deck.ownerName}&rsquo;s deck · {deck.slideCount}{' '}
                  {deck.slideCount === 1 ? 'slide' : 'slides'} ·{' '}
                  {deck.permission === 'edit' ? 'you can edit' : 'you can view and copy'}
                </p>
              </div>
              <div className={styles.deckActions}>
                <button
                  type="button"
                  className="button"
                  onClick={() => onStart(deck.id)}
                  disabled={busy}
                >
                  Start session<span className="visually-hidden"> with {deck.title}</span>
                </button>
                <Link className="button button-secondary" href={`/teacher/decks/${deck.id}`}>
                  {deck.permission === 'edit' ? 'Edit' : 'View'}
                  <span className="visually-hidden"> {deck.title}</span>
                </Link>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onCopy(deck.id)}
                  disabled={busy}
                >
                  Copy to my decks<span className="visually-hidden"> ({deck.title})</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {sessions.length > 0 ? (
        <>
          <h3>Sessions you co-teach</h3>
          <ul className={styles.sessionList}>
            {sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/teacher/sessions/${s.id}`}>
                  {s.title} — {s.joinCode}
                </Link>{' '}
                <span className={styles.meta}>with {s.ownerName}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
