import { getTranslations } from 'next-intl/server';
import { SESSIONS_SEARCHED_BY_NAME, type FindQuery } from '../../../server/student-requests.ts';
import styles from './students.module.css';

/**
 * The two ways to find a student, as plain GET forms (no JavaScript): by school address, or by
 * name in the sessions picked by join code, teacher or day.
 */
export async function StudentSearch({
  query,
  teachers,
}: {
  query: FindQuery | null;
  teachers: Array<{ id: string; name: string }>;
}) {
  const t = await getTranslations('privacy.students');
  const byName = query && 'name' in query ? query : null;
  return (
    <div className={styles.forms}>
      <form
        method="get"
        action="/teacher/admin/students"
        className={styles.form}
        aria-labelledby="by-email-heading"
      >
        <h2 id="by-email-heading">{t('byEmailHeading')}</h2>
        <div className="field">
          <label htmlFor="find-email">{t('email')}</label>
          <input
            id="find-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={query && 'email' in query ? query.email : ''}
          />
        </div>
        <button type="submit" className="button">
          {t('findByEmail')}
        </button>
      </form>
      <form
        method="get"
        action="/teacher/admin/students"
        className={styles.form}
        aria-labelledby="by-name-heading"
        aria-describedby="by-name-hint"
      >
        <h2 id="by-name-heading">{t('byNameHeading')}</h2>
        <p id="by-name-hint">{t('byNameHint', { count: SESSIONS_SEARCHED_BY_NAME })}</p>
        <div className="field">
          <label htmlFor="find-name">{t('name')}</label>
          <input
            id="find-name"
            name="name"
            autoComplete="off"
            required
            defaultValue={byName?.name ?? ''}
          />
        </div>
        <div className="field">
          <label htmlFor="find-code">{t('code')}</label>
          <input
            id="find-code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            defaultValue={byName?.code ?? ''}
          />
        </div>
        <div className="field">
          <label htmlFor="find-teacher">{t('teacher')}</label>
          <select id="find-teacher" name="teacher" defaultValue={byName?.teacher ?? ''}>
            <option value="">{t('anyTeacher')}</option>
            {teachers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="find-day">{t('day')}</label>
          <input id="find-day" name="day" type="date" defaultValue={byName?.day ?? ''} />
        </div>
        <button type="submit" className="button">
          {t('findByName')}
        </button>
      </form>
    </div>
  );
}
