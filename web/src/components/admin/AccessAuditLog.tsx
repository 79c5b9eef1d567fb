import { getFormatter, getTranslations } from 'next-intl/server';
import type { AccessAuditPage, AccessAuditQuery } from '../../server/access-audit-view.ts';
import styles from './admin.module.css';

/** The link to another page of the audit, keeping the filter. */
function pageHref(query: AccessAuditQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.teacher) params.set('auditTeacher', query.teacher);
  if (query.session) params.set('auditSession', query.session);
  if (query.from) params.set('auditFrom', query.from);
  if (query.until) params.set('auditUntil', query.until);
  params.set('auditPage', String(page));
  return `/teacher/admin?${params.toString()}#audit-heading`;
}

/**
 * The access audit for admins: a filter (a plain GET form, no JavaScript) and one page of
 * entries, newest first, with links to the newer and older pages.
 */
export async function AccessAuditLog({
  query,
  page,
  teachers,
}: {
  query: AccessAuditQuery;
  page: AccessAuditPage;
  teachers: Array<{ id: string; name: string }>;
}) {
  const t = await getTranslations('privacy.admin');
  const format = await getFormatter();
  return (
    <section aria-labelledby="audit-heading" className={styles.section}>
      <h2 id="audit-heading">{t('auditHeading')}</h2>
      <p>{t('auditIntro')}</p>
      <form method="get" action="/teacher/admin" className={styles.inviteForm}>
        <div className="field">
          <label htmlFor="audit-teacher">{t('filterTeacher')}</label>
          <select id="audit-teacher" name="auditTeacher" defaultValue={query.teacher ?? ''}>
            <option value="">{t('anyTeacher')}</option>
            {teachers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-session">{t('filterSession')}</label>
          <input id="audit-session" name="auditSession" defaultValue={query.session ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('filterFrom')}</label>
          <input id="audit-from" name="auditFrom" type="date" defaultValue={query.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-until">{t('filterUntil')}</label>
          <input id="audit-until" name="auditUntil" type="date" defaultValue={query.until ?? ''} />
        </div>
        <button type="submit" className="button button-secondary">
          {t('filter')}
        </button>
      </form>
      {page.entries.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={styles.table} aria-labelledby="audit-heading">
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('session')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    {format.dateTime(e.at, {
                      dateStyle: 'medium',
                      timeStyle: 'medium',
                    })}
                  </td>
                  <td>{e.accountName ?? t('formerAccount')}</td>
                  <td>
                    {t(`actions.${e.action.replace('.', '_') as 'report_view'}`)}
                    {e.detail ? ` (${e.detail})` : ''}
                  </td>
                  <td>{e.sessionId ? <code>{e.sessionId}</code> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('auditHeading')} className={styles.actions}>
        {query.page > 0 ? <a href={pageHref(query, query.page - 1)}>{t('newer')}</a> : null}
        {page.hasMore ? <a href={pageHref(query, query.page + 1)}>{t('older')}</a> : null}
      </nav>
    </section>
  );
}
