import type { SessionState } from '@classpulse/realtime/protocol';
import Link from 'next/link';
import { formatPoints } from '../../lib/grading.ts';
import type { CsvCell } from '../../server/csv.ts';
import type { ReportSlideAnswers } from '../../server/session-report.ts';
import { SlideResults } from '../results/SlideResults.tsx';
import { DeleteSessionButton } from './DeleteSessionButton.tsx';
import { LocalTime } from './LocalTime.tsx';
import { ReportStudents } from './ReportStudents.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { SessionStatus } from './SessionStatus.tsx';
import styles from './report.module.css';

/**
 * After class: per-slide summaries, every student's answers, CSV export, and a real delete.
 * Rendered on the server from the session's answers stream: the browser gets the page, never
 * the session's responses (a lecture hall's million answers), and only the students table and
 * the delete button run in it.
 */
export function SessionReport({
  sessionId,
  state,
  rows,
  footer,
  slides,
  audit,
  canDelete,
}: {
  sessionId: string;
  /** The session without its responses (they are in `rows` and `slides`). */
  state: SessionState;
  /** Text, a number, or null for no answer (the CSV's cells). */
  rows: (readonly CsvCell[])[];
  /** With graded questions: the percent-correct row under the students (the CSV's last row). */
  footer: readonly CsvCell[] | null;
  slides: ReportSlideAnswers[];
  /** Teacher actions, oldest first (server/audit-trail.ts). */
  audit: Array<{ at: number; who: string; what: string }>;
  /** Only the session's owner deletes it, not a co-teacher. */
  canDelete: boolean;
}) {
  const students = rows.length - 1;
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="page-kicker">Report · code {state.joinCode}</p>
          <h1 className="page-title">{state.deck.title}</h1>
          <p className={styles.muted}>
            {students} students · <LocalTime at={state.createdAt} />
            {state.status === 'live' ? ' · still live' : ''}
            {state.settings.dueAt === undefined ? null : (
              <>
                {' · '}
                <SessionStatus dueAt={state.settings.dueAt} />
              </>
            )}
          </p>
        </div>
        <div className={styles.actions}>
          <a className="button" href={`/api/sessions/${sessionId}/report.csv`} download>
            Download CSV
          </a>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/health`}>
            Health report
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}`}>
            Dashboard
          </Link>
          {canDelete ? <DeleteSessionButton sessionId={sessionId} /> : null}
        </div>
      </header>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers by student</h2>
        <ReportStudents rows={rows} footer={footer} />
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Teacher actions</h2>
        <p>
          <a href={`/api/sessions/${sessionId}/audit.csv`} download>
            Download teacher actions (CSV)
          </a>
        </p>
        {audit.length === 0 ? (
          <p className={styles.muted}>No teacher changed anything students saw.</p>
        ) : (
          <ScrollRegion className={styles.tableWrap} label="Teacher actions">
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Teacher</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((row, i) => (
                  <tr key={i}>
                    <td>
                      <LocalTime at={row.at} />
                    </td>
                    <td>{row.who}</td>
                    <td>{row.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="slides-heading">
        <h2 id="slides-heading">Slides</h2>
        {slides.map(({ slide, number, entries, grade }) => (
          <article key={slide.id} className={`card ${styles.slide}`}>
            <h3>
              {number}. {slide.title || slide.question.prompt}
            </h3>
            <p className={styles.muted}>
              {entries.length} of {students} answered
            </p>
            {grade ? (
              <p className={styles.percentCorrect}>
                {grade.percent === null
                  ? `Nobody answered · ${formatPoints(grade.points)} for a correct answer`
                  : `${grade.percent}% correct (${grade.correct} of ${grade.answered} answers) · ${formatPoints(grade.points)} for a correct answer`}
              </p>
            ) : null}
            <SlideResults question={slide.question} entries={entries} correctRevealed />
          </article>
        ))}
      </section>
    </main>
  );
}
