'use client';

import { isInClass, type Presence, type SessionState } from '@classpulse/realtime/protocol';
import { useMemo, useState } from 'react';
import { ROWS_PER_PAGE, ShowMore } from './ShowMore.tsx';
import styles from './dashboard.module.css';

/** Rows of the roster rendered at once; the rest a button or a search away. */

const STATUS_LABEL: Record<Presence['status'], string> = {
  connected: 'Connected',
  reconnecting: 'Reconnecting',
  gone: 'Gone',
};

/** What presence's transport means to a teacher. */
const TRANSPORT_LABEL: Record<string, string> = {
  websocket: 'WebSocket',
  polling: 'Long-polling',
  firebase: 'Firebase',
};

/**
 * Every student, by name, with their connection state, how they are connected (WebSocket,
 * long-polling or Firebase) and the round trip their device last measured; searchable, and a
 * page of rows at a time so a hall of 2,000 stays quick. Everything is text in table
 * cells; the coloured dot only repeats the status.
 */
export function Roster({
  state,
  presence,
  onRemove,
}: {
  state: SessionState;
  presence: Record<string, Presence>;
  onRemove: (studentId: string, name: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const all = useMemo(
    () =>
      Object.values(state.students)
        .filter(isInClass)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [state.students],
  );
  const wanted = query.trim().toLocaleLowerCase();
  const matching = wanted ? all.filter((s) => s.name.toLocaleLowerCase().includes(wanted)) : all;
  // A lecture hall's thousands of rows are never all in the page: a page at a time, and search.
  const students = matching.slice(0, shown);
  return (
    <section aria-labelledby="roster-heading" className="card">
      <h2 id="roster-heading" className={styles.panelTitle}>
        Students ({all.length})
      </h2>
      {all.length > ROWS_PER_PAGE / 10 ? (
        <div className="field">
          <label htmlFor="roster-search">Find a student</label>
          <input
            id="roster-search"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setShown(ROWS_PER_PAGE);
            }}
          />
        </div>
      ) : null}
      {all.length === 0 ? (
        <p className={styles.muted}>Nobody has joined yet.</p>
      ) : matching.length === 0 ? (
        <p className={styles.muted} role="status">
          No student’s name contains “{query.trim()}”.
        </p>
      ) : (
        // Focusable, so a keyboard can scroll it when it is wider than the panel.
        <div
          className={styles.rosterScroll}
          role="group"
          aria-labelledby="roster-heading"
          tabIndex={0}
        >
          <table className={styles.roster} aria-labelledby="roster-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Connection</th>
                <th scope="col">Round trip</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {students.map((s) => {
                const p = presence[s.id];
                const status = p?.status ?? 'gone';
                const connected = status === 'connected';
                return (
                  <tr key={s.id}>
                    <th scope="row" className={styles.rosterName}>
                      {s.name}
                    </th>
                    <td className={styles.muted}>
                      <span className={styles.rosterNowrap}>
                        <span className={`${styles.dot} ${styles[status]}`} aria-hidden="true" />{' '}
                        {STATUS_LABEL[status]}
                      </span>
                      {!connected && p
                        ? ` · seen ${new Date(p.lastSeenAt).toLocaleTimeString()}`
                        : ''}
                    </td>
                    <td className={`${styles.muted} ${styles.rosterNowrap}`}>
                      {connected && p?.transport
                        ? (TRANSPORT_LABEL[p.transport] ?? p.transport)
                        : '—'}
                    </td>
                    <td className={`${styles.muted} ${styles.rosterNowrap}`}>
                      {connected && p?.rttMs !== undefined ? `${p.rttMs} ms` : '—'}
                    </td>
                    <td>
                      <button
                        type="button"
                        className={styles.linkButton}
                        onClick={() => onRemove(s.id, s.name)}
                      >
                        Remove<span className="visually-hidden"> {s.name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore
        shown={students.length}
        total={matching.length}
        onMore={() => setShown((n) => n + ROWS_PER_PAGE)}
        className={styles.controlRow}
        mutedClassName={styles.muted}
      />
    </section>
  );
}
