import type { SessionState } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DataText } from '../../i18n/DataText.tsx';
import { renderMarked, type FormatMessage } from '../../i18n/words.ts';
import type { AuditKey, AuditWords } from '../../server/audit-trail.ts';
import type { CsvCell } from '../../server/csv.ts';
import type { ReportAnswerCells, ReportSlideAnswers } from '../../server/session-report.ts';
import { SlideResults } from '../results/SlideResults.tsx';
import { contentLanguageProps } from './content-language.ts';
import { countText } from './count-text.ts';
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
  answers,
  footer,
  slides,
  audit,
  canDelete,
  children,
}: {
  sessionId: string;
  /** The session without its responses (they are in `rows` and `slides`). */
  state: SessionState;
  /** Text, a number, or null for no answer (the CSV's cells). */
  rows: (readonly CsvCell[])[];
  answers: ReportAnswerCells;
  /** With graded questions: the percent-correct row under the students (the CSV's last row). */
  footer: readonly CsvCell[] | null;
  slides: ReportSlideAnswers[];
  /** Teacher actions, oldest first (server/audit-trail.ts). */
  audit: Array<{ at: number; who: string | null; words: AuditWords }>;
  /** Only the session's owner deletes it, not a co-teacher. */
  canDelete: boolean;
  /** A section of its own between the teacher actions and the slides (how long the session is kept). */
  children?: ReactNode;
}) {
  const t = useTranslations('reports.report');
  const tr = useTranslations('reports');
  // Keys from server/audit-trail.ts, typed there (AuditKey) against the same catalog.
  const auditFormat = tr as unknown as FormatMessage<AuditKey>;
  const format = useFormatter();
  const points = (n: number) => t('points', { count: n, n: format.number(n) });
  const students = rows.length - 1;
  const content = contentLanguageProps(state.deck.language);
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="page-kicker">
            {t.rich('kicker', { code: () => <span translate="no">{state.joinCode}</span> })}
          </p>
          <h1 className="page-title" {...content}>
            {state.deck.title}
          </h1>
          <p className={styles.muted}>
            {t('students', { count: students, shown: countText(format, students) })} ·{' '}
            <LocalTime at={state.createdAt} />
            {state.status === 'live' ? t('stillLive') : ''}
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
            {t('downloadCsv')}
          </a>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/health`}>
            {t('healthReport')}
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}`}>
            {t('dashboard')}
          </Link>
          {canDelete ? <DeleteSessionButton sessionId={sessionId} /> : null}
        </div>
      </header>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('answersByStudent')}</h2>
        <ReportStudents rows={rows} answers={answers} footer={footer} />
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('teacherActions')}</h2>
        <p>
          <a href={`/api/sessions/${sessionId}/audit.csv`} download>
            {t('downloadActions')}
          </a>
        </p>
        {audit.length === 0 ? (
          <p className={styles.muted}>{t('noActions')}</p>
        ) : (
          <ScrollRegion className={styles.tableWrap} label={t('teacherActions')}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('time')}</th>
                  <th scope="col">{t('teacher')}</th>
                  <th scope="col">{t('action')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((row, i) => (
                  <tr key={i}>
                    <td>
                      <LocalTime at={row.at} />
                    </td>
                    <td>
                      {row.who === null ? (
                        tr('audit.formerTeacher')
                      ) : (
                        <bdi translate="no">{row.who}</bdi>
                      )}
                    </td>
                    <td>
                      <DataText text={renderMarked(row.words, auditFormat)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {children}

      <section aria-labelledby="slides-heading">
        <h2 id="slides-heading">{t('slides')}</h2>
        {slides.map(({ slide, number, entries, grade }) => (
          <article key={slide.id} className={`card ${styles.slide}`}>
            <h3 {...content}>
              {t('slideHeading', { number, title: slide.title || slide.question.prompt })}
            </h3>
            <p className={styles.muted}>
              {t('answered', {
                answered: countText(format, entries.length),
                total: countText(format, students),
              })}
            </p>
            {grade ? (
              <p className={styles.percentCorrect}>
                {grade.percent === null
                  ? t('nobodyAnswered', { points: points(grade.points) })
                  : t('percentCorrect', {
                      percent: format.number(grade.percent / 100, {
                        style: 'percent',
                        maximumFractionDigits: 1,
                      }),
                      correct: countText(format, grade.correct),
                      answered: countText(format, grade.answered),
                      points: points(grade.points),
                    })}
              </p>
            ) : null}
            <SlideResults question={slide.question} entries={entries} correctRevealed />
          </article>
        ))}
      </section>
    </main>
  );
}
