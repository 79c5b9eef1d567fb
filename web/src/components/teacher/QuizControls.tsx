'use client';

import type { QuizSettings, SessionState, TeacherCommand } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import {
  dueAtFromLocalInput,
  dueAtProblemKey,
  localInputFromDueAt,
} from '../../lib/quiz-format.ts';
import styles from './dashboard.module.css';
import { SessionStatus } from './SessionStatus.tsx';

/** Why "Show leaderboard" does nothing now (a `dashboard.quiz` key), or null when it can go up. */
function leaderboardUnavailable(
  quiz: QuizSettings | undefined,
): 'turnOnQuiz' | 'leaderboardOff' | null {
  if (!quiz) return 'turnOnQuiz';
  if (!quiz.leaderboard) return 'leaderboardOff';
  return null;
}

/**
 * Quiz mode (points, speed bonus, leaderboard on the projector) and a homework's due time,
 * changed live: every command goes through the engine, which every page follows.
 */
export function QuizControls({
  state,
  send,
  onDueAtChanged,
}: {
  state: SessionState;
  send: (command: TeacherCommand) => Promise<boolean>;
  /** The engine took a new due time (null: cleared): the library remembers it. */
  onDueAtChanged: (dueAt: number | null) => void;
}) {
  const t = useTranslations('dashboard.quiz');
  const id = useId();
  const ended = state.status === 'ended';
  const { quiz, dueAt } = state.settings;
  const [dueLocal, setDueLocal] = useState(() =>
    dueAt === undefined ? '' : localInputFromDueAt(dueAt),
  );
  const [dueError, setDueError] = useState<'chooseDue' | 'chooseFutureDue' | null>(null);
  // Another teacher of the session (or another tab) changed it: show the session's time.
  useEffect(() => setDueLocal(dueAt === undefined ? '' : localInputFromDueAt(dueAt)), [dueAt]);
  const setQuiz = (next: QuizSettings | null) => void send({ type: 'setQuiz', quiz: next });
  const unavailable = leaderboardUnavailable(quiz);
  const shown = state.leaderboardShown === true && unavailable === null;

  const saveDue = async (next: number | null) => {
    if (next !== null) {
      const problem = dueAtProblemKey(next, Date.now());
      if (problem) return setDueError(problem);
    }
    setDueError(null);
    if (await send({ type: 'setDueAt', dueAt: next })) onDueAtChanged(next);
  };

  return (
    <section className={`card ${styles.controls}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.panelTitle}>
        {t('heading')}
      </h2>
      <div className={styles.controlRow}>
        <label className={styles.inlineField}>
          <input
            type="checkbox"
            checked={quiz !== undefined}
            disabled={ended}
            onChange={(e) =>
              setQuiz(e.currentTarget.checked ? { speedBonus: false, leaderboard: true } : null)
            }
          />
          {t('quizMode')}
        </label>
        {quiz ? (
          <>
            <label className={styles.inlineField}>
              <input
                type="checkbox"
                checked={quiz.speedBonus}
                disabled={ended}
                onChange={(e) => setQuiz({ ...quiz, speedBonus: e.currentTarget.checked })}
              />
              {t('speedBonus')}
            </label>
            <label className={styles.inlineField}>
              <input
                type="checkbox"
                checked={quiz.leaderboard}
                disabled={ended}
                onChange={(e) => setQuiz({ ...quiz, leaderboard: e.currentTarget.checked })}
              />
              {t('leaderboardAndRanks')}
            </label>
          </>
        ) : null}
      </div>
      <div className={styles.controlRow}>
        <button
          type="button"
          className="button button-secondary"
          disabled={ended || unavailable !== null}
          aria-describedby={unavailable !== null ? `${id}-leaderboard-why` : undefined}
          onClick={() => void send({ type: 'showLeaderboard', shown: !shown })}
        >
          {shown ? t('hideLeaderboard') : t('showLeaderboard')}
        </button>
        {unavailable !== null ? (
          <span id={`${id}-leaderboard-why`} className={styles.muted}>
            {t(unavailable)}
          </span>
        ) : (
          <span className={styles.muted}>{shown ? t('projectorShowsTop') : t('putsTopFive')}</span>
        )}
      </div>
      <div className={styles.controlRow}>
        <label className={styles.inlineField} htmlFor={`${id}-due`}>
          {t('dueDateTime')}
        </label>
        <input
          id={`${id}-due`}
          type="datetime-local"
          step={1}
          className={styles.dateInput}
          value={dueLocal}
          disabled={ended}
          aria-invalid={dueError !== null}
          aria-describedby={dueError !== null ? `${id}-due-error` : `${id}-due-status`}
          onChange={(e) => setDueLocal(e.currentTarget.value)}
        />
        <button
          type="button"
          className="button button-secondary"
          disabled={ended}
          onClick={() => void saveDue(dueAtFromLocalInput(dueLocal))}
        >
          {t('setDue')}
        </button>
        {dueAt !== undefined ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={ended}
            onClick={() => void saveDue(null)}
          >
            {t('clearDue')}
          </button>
        ) : null}
      </div>
      {dueError !== null ? (
        <p id={`${id}-due-error`} className="field-error" role="alert">
          {t(dueError)}
        </p>
      ) : null}
      <p id={`${id}-due-status`} className={styles.muted}>
        {dueAt === undefined
          ? t('noDue')
          : t.rich('homework', { status: () => <SessionStatus dueAt={dueAt} /> })}
      </p>
    </section>
  );
}
