'use client';

import type { SessionState, StudentRecord, TeacherCommand } from '@classpulse/realtime/protocol';
import styles from './dashboard.module.css';

/** A flood of joins must not become a flood of buttons: the rest are admitted with "Admit all". */
const WAITING_SHOWN_MAX = 50;

/**
 * The waiting room: turned on, new students wait on a "your teacher will let you in" screen until
 * the teacher admits them one by one or all at once; removing one keeps that device and name out.
 */
export function WaitingRoom({
  state,
  send,
}: {
  state: SessionState;
  send: (command: TeacherCommand) => void;
}) {
  const enabled = state.settings.waitingRoom === true;
  const ended = state.status === 'ended';
  const waiting: StudentRecord[] = [];
  for (const s of Object.values(state.students)) if (s.waiting && !s.removed) waiting.push(s);
  if (!enabled && waiting.length === 0 && ended) return null;
  const shown = waiting.slice(0, WAITING_SHOWN_MAX);

  return (
    <>
      <div className={styles.controlRow}>
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={enabled}
          disabled={ended}
          onClick={() => send({ type: 'setWaitingRoom', enabled: !enabled })}
        >
          {enabled ? 'Turn waiting room off' : 'Turn waiting room on'}
        </button>
      </div>
      {enabled || waiting.length > 0 ? (
        <section aria-labelledby="waiting-heading">
          <h3 id="waiting-heading" className={styles.panelSubtitle}>
            Waiting room ({waiting.length})
          </h3>
          {waiting.length === 0 ? (
            <p className={styles.muted}>Nobody is waiting. New students wait here for you.</p>
          ) : (
            <>
              <button
                type="button"
                className="button"
                disabled={ended}
                onClick={() => send({ type: 'admitStudents', studentIds: 'all' })}
              >
                Admit all ({waiting.length})
              </button>
              <ul className="row-list" aria-label="Students waiting">
                {shown.map((s) => (
                  <li key={s.id}>
                    <span className={styles.rosterName}>{s.name}</span>
                    <span className={styles.controlRow}>
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={ended}
                        onClick={() => send({ type: 'admitStudents', studentIds: [s.id] })}
                      >
                        Admit {s.name}
                      </button>
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={ended}
                        onClick={() => send({ type: 'removeStudent', studentId: s.id })}
                      >
                        Remove {s.name}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              {waiting.length > shown.length ? (
                <p className={styles.muted}>
                  and {waiting.length - shown.length} more; “Admit all” lets them in too.
                </p>
              ) : null}
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
