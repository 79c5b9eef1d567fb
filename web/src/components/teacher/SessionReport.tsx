'use client';

import { isInClass, type SessionState } from '@classpulse/realtime/protocol';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SlideResults } from '../results/SlideResults.tsx';
import { callApi } from './api.ts';
import { LocalTime } from './LocalTime.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import styles from './report.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** After class: per-slide summaries, every student's answers, CSV export, and a real delete. */
export function SessionReport({
  sessionId,
  state,
  rows,
  audit,
  canDelete,
}: {
  sessionId: string;
  state: SessionState;
  /** Text, a number, or null for no answer (the CSV's cells). */
  rows: (string | number | null)[][];
  /** Teacher actions, oldest first (server/audit-trail.ts). */
  audit: Array<{ at: number; who: string; what: string }>;
  /** Only the session's owner deletes it, not a co-teacher. */
  canDelete: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [header, ...body] = rows;
  const students = Object.values(state.students).filter(isInClass);

  const remove = async () => {
    if (!window.confirm('Delete this session and every answer in it? This cannot be undone.'))
      return;
    const result = await callApi(`/api/sessions/${sessionId}`, { method: 'DELETE' });
    if (!result.ok) return setError(result.message);
    router.push('/teacher');
    router.refresh();
  };

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="page-kicker">Report · code {state.joinCode}</p>
          <h1 className="page-title">{state.deck.title}</h1>
          <p className={styles.muted}>
            {students.length} students · {new Date(state.createdAt).toLocaleString()}
            {state.status === 'live' ? ' · still live' : ''}
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
          {canDelete ? (
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              Delete session
            </button>
          ) : null}
        </div>
      </header>
      <ErrorAlert message={error} />

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers by student</h2>
        <ScrollRegion className={styles.tableWrap} label="Answers by student">
          <table className={styles.table}>
            <thead>
              <tr>
                {header?.map((cell, i) => (
                  <th key={i} scope="col">
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>
                        {cell === null || cell === '' ? (
                          <span className={styles.muted}>—</span>
                        ) : (
                          cell
                        )}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
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
        {state.deck.slides.map((slide, index) =>
          slide.question ? (
            <article key={slide.id} className={`card ${styles.slide}`}>
              <h3>
                {index + 1}. {slide.title || slide.question.prompt}
              </h3>
              <p className={styles.muted}>
                {Object.keys(state.responses[slide.id] ?? {}).length} of {students.length} answered
              </p>
              <SlideResults
                question={slide.question}
                entries={Object.entries(state.responses[slide.id] ?? {}).map(([studentId, r]) => ({
                  studentId,
                  answer: r.answer,
                  hidden: r.hidden,
                  name: state.students[studentId]?.name ?? 'Unknown',
                }))}
                correctRevealed
              />
            </article>
          ) : null,
        )}
      </section>
    </main>
  );
}
