'use client';

import type { HealthStudent } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { msText, reasonsWords } from './health-text.ts';
import { LocalTime } from './LocalTime.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { ROWS_PER_PAGE, ShowMore } from './ShowMore.tsx';
import styles from './health.module.css';

/** Rows rendered at once; the rest a button or a search away (a hall of 2,000 stays quick). */

/** Each filter's name is `reports.health.filters.<key>`. */
const FILTERS = {
  all: { keep: () => true },
  dropped: { keep: (s: HealthStudent) => s.disconnects > 0 },
  offline: { keep: (s: HealthStudent) => s.queuedOffline > 0 },
  silent: { keep: (s: HealthStudent) => s.answers === 0 },
  removed: { keep: (s: HealthStudent) => s.removed },
} as const;
type Filter = keyof typeof FILTERS;

/**
 * The health report's per-student table: by name (the report's order), searchable and
 * filterable, a page of rows at a time, narrow enough for a 1366 px screen (wider tables scroll
 * in their frame on a phone). Disconnect reasons in plain words ("network dropped").
 */
export function HealthStudents({ students }: { students: readonly HealthStudent[] }) {
  const t = useTranslations('reports.health');
  const format = useFormatter();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const wanted = query.trim().toLocaleLowerCase();
  const matching = useMemo(
    () =>
      students.filter(
        (s) => FILTERS[filter].keep(s) && (!wanted || s.name.toLocaleLowerCase().includes(wanted)),
      ),
    [students, filter, wanted],
  );
  const rows = matching.slice(0, shown);
  const searchable = students.length > ROWS_PER_PAGE / 10;

  return (
    <>
      {searchable ? (
        <div className={styles.tools}>
          <div className="field">
            <label htmlFor="health-search">{t('findStudent')}</label>
            <input
              id="health-search"
              type="search"
              value={query}
              onChange={(event) => {
                setQuery(event.currentTarget.value);
                setShown(ROWS_PER_PAGE);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="health-filter">{t('show')}</label>
            <select
              id="health-filter"
              value={filter}
              onChange={(event) => {
                setFilter(event.currentTarget.value as Filter);
                setShown(ROWS_PER_PAGE);
              }}
            >
              {(Object.keys(FILTERS) as Filter[]).map((key) => (
                <option key={key} value={key}>
                  {t(`filters.${key}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {students.length === 0 ? (
        <p className={styles.muted}>{t('nobodyJoined')}</p>
      ) : matching.length === 0 ? (
        <p className={styles.muted} role="status">
          {t('noMatch', {
            hasQuery: String(Boolean(wanted)),
            query: query.trim(),
            filter,
            filterName: t(`filters.${filter}`),
          })}
        </p>
      ) : (
        <ScrollRegion className={styles.tableWrap} label={t('perStudentCaption')}>
          <table className={`${styles.table} ${styles.students}`}>
            <caption>{t('perStudentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('student')}</th>
                <th scope="col">{t('joined')}</th>
                <th scope="col">{t('connectionsColumn')}</th>
                <th scope="col">{t('disconnectsColumn')}</th>
                <th scope="col">{t('reconnectsColumn')}</th>
                <th scope="col">{t('transports')}</th>
                <th scope="col">{t('answers')}</th>
                <th scope="col">{t('queuedOffline')}</th>
                <th scope="col">{t('deliveryP50')}</th>
                <th scope="col">{t('deliveryP95')}</th>
                <th scope="col">{t('whyEnded')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.studentId}>
                  <th scope="row" className={styles.name}>
                    <span translate="no">{s.name}</span>
                    {s.removed ? <span className={styles.muted}>{t('removedMark')}</span> : null}
                  </th>
                  <td>{s.joinedAt > 0 ? <LocalTime at={s.joinedAt} timeOnly /> : '—'}</td>
                  <td>{s.connections}</td>
                  <td>{s.disconnects}</td>
                  <td>{s.reconnects}</td>
                  <td translate="no">{s.transports.join(', ') || '—'}</td>
                  <td>{s.answers}</td>
                  <td>{s.queuedOffline}</td>
                  <td className={styles.nowrap}>{msText(t, format, s.deliveryP50Ms)}</td>
                  <td className={styles.nowrap}>{msText(t, format, s.deliveryP95Ms)}</td>
                  <td>{reasonsWords(t, format, s.disconnectReasons) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ShowMore
        shown={rows.length}
        total={matching.length}
        onMore={() => setShown((n) => n + ROWS_PER_PAGE)}
        className={styles.more}
        mutedClassName={styles.muted}
      />
    </>
  );
}
