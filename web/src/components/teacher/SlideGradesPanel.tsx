import { formatPoints, VERDICT_TEXT } from '../../lib/grading.ts';
import type { SlideGrades } from '../../lib/slide-grades.ts';
import styles from './dashboard.module.css';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Rows listed on the dashboard; the report has every student. */
const STUDENTS_SHOWN = 50;

/**
 * The revealed slide's percent correct and each student's result: shown on the dashboard only
 * once the teacher revealed the correct answer, like everywhere else.
 */
export function SlideGradesPanel({ grades }: { grades: SlideGrades }) {
  const shown = grades.students.slice(0, STUDENTS_SHOWN);
  return (
    <section aria-labelledby="slide-grades-heading" className={styles.grades}>
      <h3 id="slide-grades-heading" className={styles.gradesTitle}>
        Correct answers
      </h3>
      <p className={styles.percentCorrect}>
        {grades.percent === null
          ? 'Nobody has answered yet.'
          : `${grades.percent}% correct (${grades.correct} of ${grades.answered} answers) · ${formatPoints(grades.of)} each`}
      </p>
      {shown.length > 0 ? (
        <ScrollRegion className={styles.rosterScroll} label="Each student’s result">
          <table className={styles.roster}>
            <caption className="visually-hidden">Each student’s result</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Result</th>
                <th scope="col">Points</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.studentId}>
                  <th scope="row" className={styles.rosterName}>
                    {s.name}
                  </th>
                  <td>
                    <span className={styles[s.verdict]} aria-hidden="true">
                      {s.verdict === 'correct' ? '✓ ' : s.verdict === 'partly' ? '◐ ' : '✗ '}
                    </span>
                    {VERDICT_TEXT[s.verdict]}
                  </td>
                  <td>{s.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {grades.students.length > STUDENTS_SHOWN ? (
        <p className={styles.muted}>
          and {grades.students.length - STUDENTS_SHOWN} more: every student is in the report.
        </p>
      ) : null}
    </section>
  );
}
