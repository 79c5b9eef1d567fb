'use client';

import { DEFAULT_CLASS_SIZE, LIMITS } from '@classpulse/realtime/protocol';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { AccountMenu, type SignedInAccount } from '../accounts/AccountMenu.tsx';
import { callApi } from './api.ts';
import { SharedWithYou, type CoTaughtSession, type SharedDeck } from './SharedWithYou.tsx';
import styles from './teacher.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { QuizHomeworkOptions } from './QuizHomeworkOptions.tsx';
import { NO_QUIZ_OR_HOMEWORK, quizHomeworkSettings } from './quiz-homework-settings.ts';
import { SessionStatus } from './SessionStatus.tsx';

interface DeckSummary {
  id: string;
  title: string;
  slideCount: number;
  updatedAt: number;
}

interface SessionSummary {
  id: string;
  title: string;
  joinCode: string;
  createdAt: number;
  /** A homework's due time, when it has one. */
  dueAt?: number;
}

export function DeckLibrary({
  account,
  decks,
  sessions,
  sharedDecks,
  coTaught,
  schoolSignInName,
}: {
  account: SignedInAccount;
  decks: DeckSummary[];
  sessions: SessionSummary[];
  sharedDecks: SharedDeck[];
  coTaught: CoTaughtSession[];
  /** The school's sign-in, when this deployment has one: sessions may ask students to use it. */
  schoolSignInName: string | null;
}) {
  const router = useRouter();
  const [studentSignIn, setStudentSignIn] = useStudentSignInChoice(schoolSignInName !== null);
  const [classSize, setClassSize] = useState(DEFAULT_CLASS_SIZE);
  const [waitingRoom, setWaitingRoom] = useState(false);
  const [quizHomework, setQuizHomework] = useState(NO_QUIZ_OR_HOMEWORK);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    await action();
    setBusy(null);
  };

  // Read from the form, not React state: text typed before the page became interactive counts.
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get('title');
    const title = typeof raw === 'string' ? raw : '';
    void run('create', async () => {
      const result = await callApi<{ id: string }>('/api/decks', {
        method: 'POST',
        body: { title },
      });
      if (!result.ok) return setError(result.message);
      router.push(`/teacher/decks/${result.id}`);
    });
  };

  const start = (deckId: string) =>
    void run(`start-${deckId}`, async () => {
      const chosen = quizHomeworkSettings(quizHomework, Date.now());
      if (!chosen.ok) return setError(chosen.message);
      const result = await callApi<{ sessionId: string }>('/api/sessions', {
        method: 'POST',
        body: {
          deckId,
          settings: {
            classSize,
            ...(studentSignIn ? { studentSignIn: true } : {}),
            ...(waitingRoom ? { waitingRoom: true } : {}),
            ...chosen.settings,
          },
        },
      });
      if (!result.ok) return setError(result.message);
      router.push(`/teacher/sessions/${result.sessionId}`);
    });

  const duplicate = (deckId: string) =>
    void run(`dup-${deckId}`, async () => {
      const result = await callApi(`/api/decks/${deckId}/duplicate`, { method: 'POST' });
      if (!result.ok) return setError(result.message);
      router.refresh();
    });

  const remove = (deck: DeckSummary) => {
    if (!window.confirm(`Delete “${deck.title}”? This cannot be undone.`)) return;
    void run(`del-${deck.id}`, async () => {
      const result = await callApi(`/api/decks/${deck.id}`, { method: 'DELETE' });
      if (!result.ok) return setError(result.message);
      router.refresh();
    });
  };

  return (
    <main className="page">
      <header className={styles.topbar}>
        <h1>Your decks</h1>
        <AccountMenu account={account} />
      </header>
      <ErrorAlert message={error} />
      <form className={`card ${styles.newDeck}`} onSubmit={create}>
        <div className="field">
          <label htmlFor="new-deck-title">New deck title</label>
          <input id="new-deck-title" name="title" maxLength={200} required />
        </div>
        <button type="submit" className="button" disabled={busy === 'create'}>
          Create deck
        </button>
        <Link className="button button-secondary" href="/teacher/import">
          Import slides<span className="visually-hidden"> from a PDF or PowerPoint file</span>
        </Link>
      </form>

      <fieldset className={`card ${styles.startOptions}`}>
        <legend>Sessions you start</legend>
        <label className={styles.checkbox}>
          Class size
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.studentsPerSessionMax}
            value={classSize}
            onChange={(event) => setClassSize(clampClassSize(event.currentTarget.valueAsNumber))}
            className="number-input"
          />
        </label>
        <p className={styles.meta}>
          No more students can join once this many are in; raise it from the dashboard.
        </p>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={waitingRoom}
            onChange={(event) => setWaitingRoom(event.currentTarget.checked)}
          />
          Waiting room
        </label>
        <p className={styles.meta}>
          Students wait until you let them in from the dashboard, so only your class gets in.
        </p>
        {schoolSignInName !== null ? (
          <>
            <label className={styles.checkbox}>
              <input
                type="checkbox"
                checked={studentSignIn}
                onChange={(event) => setStudentSignIn(event.currentTarget.checked)}
              />
              Students sign in with {schoolSignInName}
            </label>
            <p className={styles.meta}>
              Names come from the school account, a student can continue on another device, and the
              report lists each student’s email. Otherwise students join with the code and a name.
            </p>
          </>
        ) : null}
        <QuizHomeworkOptions choice={quizHomework} onChange={setQuizHomework} />
      </fieldset>

      {decks.length === 0 ? (
        <p>No decks yet. Create one above, or import the slides you already have.</p>
      ) : (
        <ul className={styles.deckList} aria-label="Decks">
          {decks.map((deck) => (
            <li key={deck.id} className={`card ${styles.deck}`}>
              <div>
                <h2 className={styles.deckTitle}>{deck.title}</h2>
                <p className={styles.meta}>
                  {deck.slideCount} {deck.slideCount === 1 ? 'slide' : 'slides'}
                </p>
              </div>
              <div className={styles.deckActions}>
                <button
                  type="button"
                  className="button"
                  onClick={() => start(deck.id)}
                  disabled={busy !== null}
                >
                  Start session<span className="visually-hidden"> with {deck.title}</span>
                </button>
                <Link className="button button-secondary" href={`/teacher/decks/${deck.id}`}>
                  Edit<span className="visually-hidden"> {deck.title}</span>
                </Link>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => duplicate(deck.id)}
                  disabled={busy !== null}
                >
                  Duplicate<span className="visually-hidden"> {deck.title}</span>
                </button>
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => remove(deck)}
                  disabled={busy !== null}
                >
                  Delete<span className="visually-hidden"> {deck.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <SharedWithYou
        decks={sharedDecks}
        sessions={coTaught}
        busy={busy !== null}
        onStart={start}
        onCopy={duplicate}
      />

      {sessions.length > 0 ? (
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <ul className={styles.sessionList}>
            {sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/teacher/sessions/${s.id}`}>
                  {s.title} — {s.joinCode}
                </Link>{' '}
                <span className={styles.meta}>{new Date(s.createdAt).toLocaleString()}</span>
                {s.dueAt === undefined ? null : (
                  <>
                    {' '}
                    <SessionStatus dueAt={s.dueAt} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

/** A whole number within what the engine takes (an emptied field keeps the default). */
function clampClassSize(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_CLASS_SIZE;
  return Math.min(LIMITS.studentsPerSessionMax, Math.max(1, Math.round(value)));
}

const STUDENT_SIGN_IN_KEY = 'classpulse:v1:start:student-sign-in';

/** The teacher's choice for new sessions, remembered in this browser for the next class. */
function useStudentSignInChoice(available: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(false);
  useEffect(() => {
    if (available) setValue(readChoice());
  }, [available]);
  const set = (next: boolean) => {
    setValue(next);
    try {
      window.localStorage.setItem(STUDENT_SIGN_IN_KEY, next ? '1' : '0');
    } catch {
      // Storage refused (private mode, a school policy): the choice lasts for this page.
    }
  };
  return [available && value, set];
}

function readChoice(): boolean {
  try {
    return window.localStorage.getItem(STUDENT_SIGN_IN_KEY) === '1';
  } catch {
    return false;
  }
}
