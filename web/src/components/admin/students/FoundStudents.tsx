import { getFormatter, getTranslations } from 'next-intl/server';
import adminStyles from '../admin.module.css';
import { refText, type FindResult } from '../../../server/student-requests.ts';
import styles from './students.module.css';

/**
 * The students found, a row each (session, teacher, date, name, address), every one chosen to
 * begin with; the admin leaves out the rows that are someone else with the same name, then
 * exports or erases (both plain GET forms to the next page: no JavaScript needed).
 */
export async function FoundStudents({ found }: { found: FindResult }) {
  const t = await getTranslations('privacy.students');
  const format = await getFormatter();
  return (
    <section aria-labelledby="found-heading" className={adminStyles.section}>
      <h2 id="found-heading">{t('resultsHeading')}</h2>
      {found.unreachable > 0 ? (
        <p role="alert">{t('unreachable', { count: found.unreachable })}</p>
      ) : null}
      {found.students.length === 0 ? (
        <p role="status">{t('noneFound')}</p>
      ) : (
        <form method="get" action="/teacher/admin/students/export">
          <div className={adminStyles.tableScroll}>
            <table className={adminStyles.table} aria-labelledby="found-heading">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('colInclude')}</span>
                  </th>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colEmail')}</th>
                  <th scope="col">{t('colSession')}</th>
                  <th scope="col">{t('colTeacher')}</th>
                  <th scope="col">{t('colDate')}</th>
                </tr>
              </thead>
              <tbody>
                {found.students.map((s) => {
                  const ref = refText(s);
                  const session = `${s.title} (${s.joinCode})`;
                  return (
                    <tr key={ref}>
                      <td>
                        <input
                          type="checkbox"
                          name="s"
                          value={ref}
                          defaultChecked
                          aria-label={t('include', { name: s.name, session })}
                        />
                      </td>
                      <th scope="row">{s.name}</th>
                      <td>
                        {s.email ?? <span className={styles.muted}>{t('joinedByName')}</span>}
                      </td>
                      <td>{session}</td>
                      <td>{s.teacherName ?? t('formerTeacher')}</td>
                      <td>{format.dateTime(s.createdAt, { dateStyle: 'medium' })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className={styles.buttons}>
            <button type="submit" className="button">
              {t('export')}
            </button>
            <button
              type="submit"
              className="button button-danger"
              formAction="/teacher/admin/students/erase"
            >
              {t('erase')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
