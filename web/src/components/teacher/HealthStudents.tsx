'use client';

import type { HealthStudent } from '@classpulse/realtime/protocol';
import { useMemo, useState } from 'react';
import { formatMs, reasonsText } from '../../lib/health-words.ts';
import { LocalTime } from './LocalTime.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { ROWS_PER_PAGE, ShowMore } from './ShowMore.tsx';
import styles from './health.module.css';

/** Rows rendered at once; the rest a button or a search away (a hall of 2,000 stays quick). */

const FILTERS = {
  all: { label: 'All students', keep: () => true },
  dropped: { label: 'Connection dropped', keep: (s: HealthStudent) => s.disconnects > 0 },
  offline: { label: 'Answered offline', keep: (s: HealthStudent) => s.queuedOffline > 0 },
  silent: { label: 'No answer acknowledged', keep: (s: HealthStudent) => s.answers === 0 },
  removed: { label: 'Removed', keep: (s: HealthStudent) => s.removed },
} as const;
type Filter = keyof typeof FILTERS;

/**
 * The health report's per-student table: by name (the report's order), searchable and
 * filterable, a page of rows at a time, narrow enough for a 1366 px screen (wider tables scroll
 * in their frame on a phone). Disconnect reasons in plain words ("network dropped").
 */
export function HealthStudents({ students }: { students: readonly HealthStudent[] }) {
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
            <label htmlFor="health-search">Find a student</label>
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
            <label htmlFor="health-filter">Show</label>
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
                  {FILTERS[key].label}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {students.length === 0 ? (
        <p className={styles.muted}>Nobody joined this session.</p>
      ) : matching.length === 0 ? (
        <p className={styles.muted} role="status">
          No student matches{wanted ? ` “${query.trim()}”` : ''}
          {filter === 'all' ? '' : ` among “${FILTERS[filter].label}”`}.
        </p>
      ) : (
        <ScrollRegion className={styles.tableWrap} label="Connections and answers per student">
          <table className={`${styles.table} ${styles.students}`}>
            <caption>Connections and answers per student</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Joined</th>
                <th scope="col">Connec&shy;tions</th>
                <th scope="col">Discon&shy;nects</th>
                <th scope="col">Recon&shy;nects</th>
                <th scope="col">Transports</th>
                <th scope="col">Answers</th>
                <th scope="col">Queued offline</th>
                <th scope="col">Delivery p50</th>
                <th scope="col">Delivery p95</th>
                <th scope="col">Why connections ended</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.studentId}>
                  <th scope="row" className={styles.name}>
                    {s.name}
                    {s.removed ? <span className={styles.muted}> (removed)</span> : null}
                  </th>
                  <td>{s.joinedAt > 0 ? <LocalTime at={s.joinedAt} timeOnly /> : '—'}</td>
                  <td>{s.connections}</td>
                  <td>{s.disconnects}</td>
                  <td>{s.reconnects}</td>
                  <td>{s.transports.join(', ') || '—'}</td>
                  <td>{s.answers}</td>
                  <td>{s.queuedOffline}</td>
                  <td className={styles.nowrap}>{formatMs(s.deliveryP50Ms)}</td>
                  <td className={styles.nowrap}>{formatMs(s.deliveryP95Ms)}</td>
                  <td>{reasonsText(s.disconnectReasons) || '—'}</td>
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
