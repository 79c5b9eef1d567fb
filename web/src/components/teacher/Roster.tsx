'use client';

import type { Presence, SessionState } from '@classpulse/realtime/protocol';
import styles from './dashboard.module.css';

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
 * Every student with their connection state, how they are connected (WebSocket, long-polling
 * or Firebase) and the round trip their device last measured. Everything is text in table
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
  const students = Object.values(state.students).filter((s) => !s.removed);
  return (
    <section aria-labelledby="roster-heading" className="card">
      <h2 id="roster-heading" className={styles.panelTitle}>
        Students ({students.length})
      </h2>
      {students.length === 0 ? (
        <p className={styles.muted}>Nobody has joined yet.</p>
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
    </section>
  );
}
