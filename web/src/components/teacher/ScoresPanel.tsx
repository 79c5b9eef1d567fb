import { sessionScores } from '@classpulse/realtime/engine';
import type { SessionState } from '@classpulse/realtime/protocol';
import { useMemo } from 'react';
import styles from './dashboard.module.css';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Rows listed on the dashboard; the report and its CSV have every student. */
const STUDENTS_SHOWN = 50;

/**
 * Each student's total over every question with a correct answer: the engine's
 * `sessionScores(state, false)`, the same the report and the CSV add up. Closed by default: it
 * counts questions not revealed yet, which a dashboard shown to the class must not give away.
 */
export function ScoresPanel({ state }: { state: SessionState }) {
  const scores = useMemo(() => sessionScores(state, false), [state]);
  if (scores.slides.length === 0) return null;
  const possible = scores.slides.reduce((sum, s) => sum + s.points, 0);
  const shown = scores.students.slice(0, STUDENTS_SHOWN);
  return (
    <section className="card" aria-labelledby="scores-heading">
      <h2 id="scores-heading" className={styles.panelTitle}>
        Points by student
      </h2>
      <p className={styles.muted}>
        Totals over {scores.slides.length} graded question
        {scores.slides.length === 1 ? '' : 's'} ({possible} points), revealed or not: keep them
        hidden while the dashboard is on the projector.
      </p>
      <details className={styles.scores}>
        <summary>Show totals</summary>
        {shown.length === 0 ? (
          <p className={styles.muted}>No students yet.</p>
        ) : (
          <ScrollRegion className={styles.rosterScroll} label="Points by student">
            <table className={styles.roster}>
              <caption className="visually-hidden">Points by student</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((s) => (
                  <tr key={s.studentId}>
                    <th scope="row" className={styles.rosterName}>
                      {s.name}
                    </th>
                    <td>{s.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {scores.students.length > STUDENTS_SHOWN ? (
          <p className={styles.muted}>
            and {scores.students.length - STUDENTS_SHOWN} more: every student is in the report.
          </p>
        ) : null}
      </details>
    </section>
  );
}
