'use client';

import type { Presence, SessionState } from '@classpulse/realtime/protocol';
import styles from './dashboard.module.css';

const STATUS_LABEL: Record<Presence['status'], string> = {
  connected: 'Connected',
  reconnecting: 'Reconnecting',
  gone: 'Gone',
};

/** Every student with their connection state and when they were last seen. */
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
      {students.length === 0 ? <p className={styles.muted}>Nobody has joined yet.</p> : null}
      <ul className={styles.roster}>
        {students.map((s) => {
          const p = presence[s.id];
          const status = p?.status ?? 'gone';
          return (
            <li key={s.id} className={styles.rosterRow}>
              <span className={`${styles.dot} ${styles[status]}`} aria-hidden="true" />
              <span className={styles.rosterName}>{s.name}</span>
              <span className={styles.muted}>
                {STATUS_LABEL[status]}
                {status !== 'connected' && p
                  ? ` · seen ${new Date(p.lastSeenAt).toLocaleTimeString()}`
                  : ''}
              </span>
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => onRemove(s.id, s.name)}
              >
                Remove<span className="visually-hidden"> {s.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
