'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { dueAtFromLocalInput, dueAtProblemKey } from '../../lib/quiz-format.ts';
import type { QuizHomeworkChoice } from './quiz-homework-settings.ts';
import styles from './teacher.module.css';

/** Quiz mode (points, speed bonus, leaderboard) and student-paced homework with a due time. */
export function QuizHomeworkOptions({
  choice,
  onChange,
}: {
  choice: QuizHomeworkChoice;
  onChange: (choice: QuizHomeworkChoice) => void;
}) {
  const t = useTranslations('dashboard.quiz');
  const id = useId();
  const set = (patch: Partial<QuizHomeworkChoice>) => onChange({ ...choice, ...patch });
  // Said as soon as something is typed (not on blur: a message appearing as the teacher presses
  // Start would move the button from under the pointer).
  const dueProblem =
    choice.homework && choice.dueLocal !== ''
      ? dueAtProblemKey(dueAtFromLocalInput(choice.dueLocal), Date.now())
      : null;
  return (
    <>
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          checked={choice.quiz}
          onChange={(event) => set({ quiz: event.currentTarget.checked })}
        />
        {t('quizMode')}
      </label>
      <p className={styles.meta}>{t('quizHint')}</p>
      {choice.quiz ? (
        <div className={styles.subOptions}>
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              checked={choice.speedBonus}
              onChange={(event) => set({ speedBonus: event.currentTarget.checked })}
            />
            {t('speedBonus')}
          </label>
          <p className={styles.meta}>{t('speedBonusHint')}</p>
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              checked={choice.leaderboard}
              onChange={(event) => set({ leaderboard: event.currentTarget.checked })}
            />
            {t('showALeaderboard')}
          </label>
          <p className={styles.meta}>{t('leaderboardHint')}</p>
        </div>
      ) : null}
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          checked={choice.homework}
          onChange={(event) => set({ homework: event.currentTarget.checked })}
        />
        {t('homeworkMode')}
      </label>
      <p className={styles.meta}>{t('homeworkHint')}</p>
      {choice.homework ? (
        <div className={`field ${styles.subOptions}`}>
          <label htmlFor={`${id}-due`}>{t('dueDateTime')}</label>
          <input
            id={`${id}-due`}
            type="datetime-local"
            step={1}
            required
            value={choice.dueLocal}
            aria-invalid={dueProblem !== null}
            aria-describedby={dueProblem !== null ? `${id}-due-error` : undefined}
            onChange={(event) => set({ dueLocal: event.currentTarget.value })}
          />
          {dueProblem !== null ? (
            <p id={`${id}-due-error`} className="field-error">
              {t(dueProblem)}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
