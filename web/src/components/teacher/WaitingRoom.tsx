'use client';

import type { SessionState, StudentRecord, TeacherCommand } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import { countText } from './count-text.ts';
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
  const t = useTranslations('dashboard.waiting');
  const format = useFormatter();
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
          {enabled ? t('turnOff') : t('turnOn')}
        </button>
      </div>
      {enabled || waiting.length > 0 ? (
        <section aria-labelledby="waiting-heading">
          <h3 id="waiting-heading" className={styles.panelSubtitle}>
            {t('heading', { count: countText(format, waiting.length) })}
          </h3>
          {waiting.length === 0 ? (
            <p className={styles.muted}>{t('nobody')}</p>
          ) : (
            <>
              <button
                type="button"
                className="button"
                disabled={ended}
                onClick={() => send({ type: 'admitStudents', studentIds: 'all' })}
              >
                {t('admitAll', { count: countText(format, waiting.length) })}
              </button>
              <ul className="row-list" aria-label={t('studentsWaiting')}>
                {shown.map((s) => (
                  <li key={s.id}>
                    <span className={styles.rosterName} translate="no">
                      {s.name}
                    </span>
                    <span className={styles.controlRow}>
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={ended}
                        onClick={() => send({ type: 'admitStudents', studentIds: [s.id] })}
                      >
                        {t('admit', { name: s.name })}
                      </button>
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={ended}
                        onClick={() => send({ type: 'removeStudent', studentId: s.id })}
                      >
                        {t('remove', { name: s.name })}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              {waiting.length > shown.length ? (
                <p className={styles.muted}>
                  {t('andMore', { count: countText(format, waiting.length - shown.length) })}
                </p>
              ) : null}
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
