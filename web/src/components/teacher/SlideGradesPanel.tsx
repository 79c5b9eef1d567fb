import { useFormatter, useTranslations } from 'next-intl';
import { countText } from './count-text.ts';
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
  const t = useTranslations('dashboard.grades');
  const format = useFormatter();
  const shown = grades.students.slice(0, STUDENTS_SHOWN);
  const points = (n: number) => t('pointsCount', { count: n, n: format.number(n) });
  return (
    <section aria-labelledby="slide-grades-heading" className={styles.grades}>
      <h3 id="slide-grades-heading" className={styles.gradesTitle}>
        {t('heading')}
      </h3>
      <p className={styles.percentCorrect}>
        {grades.percent === null
          ? t('nobody')
          : t('percentCorrect', {
              percent: format.number(grades.percent / 100, {
                style: 'percent',
                maximumFractionDigits: 1,
              }),
              correct: countText(format, grades.correct),
              answered: countText(format, grades.answered),
              points: points(grades.of),
            })}
      </p>
      {shown.length > 0 ? (
        <ScrollRegion className={styles.rosterScroll} label={t('eachResult')}>
          <table className={styles.roster}>
            <caption className="visually-hidden">{t('eachResult')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('student')}</th>
                <th scope="col">{t('result')}</th>
                <th scope="col">{t('points')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.studentId}>
                  <th scope="row" className={styles.rosterName} translate="no">
                    {s.name}
                  </th>
                  <td>
                    <span className={styles[s.verdict]} aria-hidden="true">
                      {s.verdict === 'correct' ? '✓ ' : s.verdict === 'partly' ? '◐ ' : '✗ '}
                    </span>
                    {t(s.verdict)}
                  </td>
                  <td>{format.number(s.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {grades.students.length > STUDENTS_SHOWN ? (
        <p className={styles.muted}>
          {t('andMore', { count: countText(format, grades.students.length - STUDENTS_SHOWN) })}
        </p>
      ) : null}
    </section>
  );
}
