import { sessionScores } from '@classpulse/realtime/engine';
import type { SessionState } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import { countText } from './count-text.ts';
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
  const t = useTranslations('dashboard.scores');
  const format = useFormatter();
  const scores = useMemo(() => sessionScores(state, false), [state]);
  if (scores.slides.length === 0) return null;
  const possible = scores.slides.reduce((sum, s) => sum + s.points, 0);
  const shown = scores.students.slice(0, STUDENTS_SHOWN);
  return (
    <section className="card" aria-labelledby="scores-heading">
      <h2 id="scores-heading" className={styles.panelTitle}>
        {t('heading')}
      </h2>
      <p className={styles.muted}>
        {t('totals', { count: scores.slides.length, points: possible })}
      </p>
      <details className={styles.scores}>
        <summary>{t('showTotals')}</summary>
        {shown.length === 0 ? (
          <p className={styles.muted}>{t('noStudents')}</p>
        ) : (
          <ScrollRegion className={styles.rosterScroll} label={t('heading')}>
            <table className={styles.roster}>
              <caption className="visually-hidden">{t('heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('student')}</th>
                  <th scope="col">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((s) => (
                  <tr key={s.studentId}>
                    <th scope="row" className={styles.rosterName} translate="no">
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
            {t('andMore', { count: countText(format, scores.students.length - STUDENTS_SHOWN) })}
          </p>
        ) : null}
      </details>
    </section>
  );
}
