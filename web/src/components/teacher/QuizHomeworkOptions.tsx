'use client';

import { useId } from 'react';
import { dueAtFromLocalInput, dueAtProblem } from '../../lib/quiz-format.ts';
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
  const id = useId();
  const set = (patch: Partial<QuizHomeworkChoice>) => onChange({ ...choice, ...patch });
  // Said as soon as something is typed (not on blur: a message appearing as the teacher presses
  // Start would move the button from under the pointer).
  const dueProblem =
    choice.homework && choice.dueLocal !== ''
      ? dueAtProblem(dueAtFromLocalInput(choice.dueLocal), Date.now())
      : null;
  return (
    <>
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          checked={choice.quiz}
          onChange={(event) => set({ quiz: event.currentTarget.checked })}
        />
        Quiz mode
      </label>
      <p className={styles.meta}>
        Correct answers earn points once you reveal them; each student sees their own points.
      </p>
      {choice.quiz ? (
        <div className={styles.subOptions}>
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              checked={choice.speedBonus}
              onChange={(event) => set({ speedBonus: event.currentTarget.checked })}
            />
            Speed bonus
          </label>
          <p className={styles.meta}>Quick correct answers earn up to half the points again.</p>
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              checked={choice.leaderboard}
              onChange={(event) => set({ leaderboard: event.currentTarget.checked })}
            />
            Show a leaderboard
          </label>
          <p className={styles.meta}>
            The top five go up on the projector when you choose, and each student sees their own
            rank. Off: no leaderboard and no ranks anywhere, only each student’s points.
          </p>
        </div>
      ) : null}
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          checked={choice.homework}
          onChange={(event) => set({ homework: event.currentTarget.checked })}
        />
        Student-paced homework
      </label>
      <p className={styles.meta}>
        Each student works through the deck on their own; answers close at the due time.
      </p>
      {choice.homework ? (
        <div className={`field ${styles.subOptions}`}>
          <label htmlFor={`${id}-due`}>Due date and time</label>
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
              {dueProblem}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
