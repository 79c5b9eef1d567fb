import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import adminStyles from '../../../../../components/admin/admin.module.css';
import styles from '../../../../../components/admin/students/students.module.css';
import { eraseTargets } from '../../../../../server/student-requests-erase.ts';
import { openStudentRequestPage } from '../../../../../server/student-requests-route.ts';
import { refText } from '../../../../../server/student-requests.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy.students');
  return { title: t('eraseHeading') };
}
export const dynamic = 'force-dynamic';

/**
 * The erasure's confirmation step: what will go, and the student's name to type before the
 * plain form (no JavaScript needed) posts to /api/admin/students/erase.
 */
export default async function StudentErasePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { params, refs, limited } = await openStudentRequestPage(searchParams);
  const t = await getTranslations('privacy.students');
  const format = await getFormatter();
  const targets = limited ? [] : await eraseTargets(refs);
  const wrongName = params.error === 'confirm';
  return (
    <main className="page">
      <header className={adminStyles.header}>
        <h1>{t('eraseHeading')}</h1>
        <Link href="/teacher/admin/students">{t('backToSearch')}</Link>
      </header>
      <p>{t('eraseIntro')}</p>
      {limited ? <p role="alert">{t('rateLimited')}</p> : null}
      {!limited && targets.length === 0 ? <p role="status">{t('noneFound')}</p> : null}
      {targets.length > 0 ? (
        <form method="post" action="/api/admin/students/erase" aria-labelledby="erase-list">
          <h2 id="erase-list">{t('eraseList')}</h2>
          <ul className={styles.facts}>
            {targets.map((target) => (
              <li key={refText(target)}>
                <input type="hidden" name="s" value={refText(target)} />
                <strong>{target.name}</strong>
                {' · '}
                {t('sessionHeading', {
                  title: `${target.title} (${target.joinCode})`,
                  date: format.dateTime(target.createdAt, { dateStyle: 'medium' }),
                })}
                {' · '}
                {t('teacherLine', { teacher: target.teacherName ?? t('formerTeacher') })}
              </li>
            ))}
          </ul>
          <div className="field">
            <label htmlFor="erase-confirm">{t('confirmLabel')}</label>
            <input
              id="erase-confirm"
              name="confirm"
              autoComplete="off"
              required
              aria-invalid={wrongName || undefined}
              aria-describedby={wrongName ? 'erase-confirm-error' : undefined}
            />
            {wrongName ? (
              <p id="erase-confirm-error" role="alert" className="field-error">
                {t('confirmError')}
              </p>
            ) : null}
          </div>
          <div className={styles.check}>
            <input id="erase-end-live" name="endLive" type="checkbox" />
            <label htmlFor="erase-end-live">{t('endLiveLabel')}</label>
          </div>
          <div className={styles.buttons}>
            <button type="submit" className="button button-danger">
              {t('eraseButton')}
            </button>
            <Link href="/teacher/admin/students" className="button button-secondary">
              {t('cancel')}
            </Link>
          </div>
        </form>
      ) : null}
    </main>
  );
}
