'use client';

import { DEFAULT_CLASS_SIZE, LIMITS } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { AccountMenu, type SignedInAccount } from '../accounts/AccountMenu.tsx';
import { callApi } from './api.ts';
import { SharedWithYou, type CoTaughtSession, type SharedDeck } from './SharedWithYou.tsx';
import styles from './teacher.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useErrorText } from '../../i18n/use-error-text.ts';
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
  const t = useTranslations('teacher');
  const format = useFormatter();
  const errorText = useErrorText();
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
      if (!result.ok) return setError(errorText(result));
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
      if (!result.ok) return setError(errorText(result));
      router.push(`/teacher/sessions/${result.sessionId}`);
    });

  const duplicate = (deckId: string) =>
    void run(`dup-${deckId}`, async () => {
      const result = await callApi(`/api/decks/${deckId}/duplicate`, { method: 'POST' });
      if (!result.ok) return setError(errorText(result));
      router.refresh();
    });

  const remove = (deck: DeckSummary) => {
    if (!window.confirm(t('library.confirmDelete', { title: deck.title }))) return;
    void run(`del-${deck.id}`, async () => {
      const result = await callApi(`/api/decks/${deck.id}`, { method: 'DELETE' });
      if (!result.ok) return setError(errorText(result));
      router.refresh();
    });
  };

  return (
    <main className="page">
      <header className={styles.topbar}>
        <h1>{t('library.heading')}</h1>
        <AccountMenu account={account} />
      </header>
      <ErrorAlert message={error} />
      <form className={`card ${styles.newDeck}`} onSubmit={create}>
        <div className="field">
          <label htmlFor="new-deck-title">{t('library.newDeckTitle')}</label>
          <input id="new-deck-title" name="title" maxLength={200} required />
        </div>
        <button type="submit" className="button" disabled={busy === 'create'}>
          {t('library.createDeck')}
        </button>
        <Link className="button button-secondary" href="/teacher/import">
          {t.rich('library.importSlides', {
            hidden: (c) => <span className="visually-hidden">{c}</span>,
          })}
        </Link>
      </form>

      <fieldset className={`card ${styles.startOptions}`}>
        <legend>{t('library.startOptions')}</legend>
        <label className={styles.checkbox}>
          {t('library.classSize')}
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
        <p className={styles.meta}>{t('library.classSizeHint')}</p>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={waitingRoom}
            onChange={(event) => setWaitingRoom(event.currentTarget.checked)}
          />
          {t('library.waitingRoom')}
        </label>
        <p className={styles.meta}>{t('library.waitingRoomHint')}</p>
        {schoolSignInName !== null ? (
          <>
            <label className={styles.checkbox}>
              <input
                type="checkbox"
                checked={studentSignIn}
                onChange={(event) => setStudentSignIn(event.currentTarget.checked)}
              />
              {t('library.studentSignIn', { provider: schoolSignInName })}
            </label>
            <p className={styles.meta}>{t('library.studentSignInHint')}</p>
          </>
        ) : null}
        <QuizHomeworkOptions choice={quizHomework} onChange={setQuizHomework} />
      </fieldset>

      {decks.length === 0 ? (
        <p>{t('library.empty')}</p>
      ) : (
        <ul className={styles.deckList} aria-label={t('library.decks')}>
          {decks.map((deck) => (
            <li key={deck.id} className={`card ${styles.deck}`}>
              <div>
                <h2 className={styles.deckTitle} translate="no">
                  {deck.title}
                </h2>
                <p className={styles.meta}>{t('library.slideCount', { count: deck.slideCount })}</p>
              </div>
              <div className={styles.deckActions}>
                <button
                  type="button"
                  className="button"
                  onClick={() => start(deck.id)}
                  disabled={busy !== null}
                >
                  {t.rich('library.startSession', { title: deck.title, hidden })}
                </button>
                <Link className="button button-secondary" href={`/teacher/decks/${deck.id}`}>
                  {t.rich('library.edit', { title: deck.title, hidden })}
                </Link>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => duplicate(deck.id)}
                  disabled={busy !== null}
                >
                  {t.rich('library.duplicate', { title: deck.title, hidden })}
                </button>
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => remove(deck)}
                  disabled={busy !== null}
                >
                  {t.rich('library.delete', { title: deck.title, hidden })}
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
          <h2 id="sessions-heading">{t('library.sessions')}</h2>
          <ul className={styles.sessionList}>
            {sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/teacher/sessions/${s.id}`}>
                  <bdi translate="no">{s.title}</bdi> — <bdi translate="no">{s.joinCode}</bdi>
                </Link>{' '}
                <bdi className={styles.meta}>
                  <time dateTime={new Date(s.createdAt).toISOString()}>
                    {format.dateTime(s.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                </bdi>
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

/** The visually hidden part of a button's name (its deck). */
const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;

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
