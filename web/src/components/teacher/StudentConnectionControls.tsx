'use client';

import type { SessionState, StudentTransport, TeacherCommand } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import styles from './dashboard.module.css';

/** Shares of students with a background WebSocket test a teacher can pick. */
const SHARES = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1];

/**
 * Firebase mode: how this session's students sync, Firebase or our servers (moving them keeps
 * every answer: their clients follow the setting), and the share of them who also test a
 * WebSocket to our servers in the background (the dark launch). Unset settings show this
 * deployment's defaults.
 */
export function StudentConnectionControls({
  state,
  defaults,
  send,
  onTransportChanged,
}: {
  state: SessionState;
  defaults: { studentTransport: StudentTransport; darkLaunchShare: number };
  send: (command: TeacherCommand) => Promise<boolean>;
  onTransportChanged: (transport: StudentTransport) => void;
}) {
  const t = useTranslations('dashboard.connection');
  const format = useFormatter();
  const percent = (share: number) =>
    format.number(Math.round(share * 1000) / 1000, { style: 'percent', maximumFractionDigits: 1 });
  const ended = state.status === 'ended';
  const transport = state.settings.studentTransport ?? defaults.studentTransport;
  const share = state.settings.darkLaunchShare ?? defaults.darkLaunchShare;
  const shares = SHARES.includes(share) ? SHARES : [...SHARES, share].sort((a, b) => a - b);
  return (
    <section aria-label={t('label')} className={`card ${styles.controls}`}>
      <div className={styles.controlRow}>
        <label className={styles.inlineField}>
          {t('through')}
          <select
            value={transport}
            disabled={ended}
            onChange={(e) => {
              const next: StudentTransport = e.target.value === 'socket' ? 'socket' : 'firebase';
              void send({ type: 'setStudentTransport', transport: next }).then(
                (ok) => ok && onTransportChanged(next),
              );
            }}
          >
            <option value="firebase">{t('firebase')}</option>
            <option value="socket">{t('socket')}</option>
          </select>
        </label>
        <label className={styles.inlineField}>
          {t('darkLaunch')}
          <select
            value={String(share)}
            disabled={ended || transport !== 'firebase'}
            onChange={(e) =>
              void send({ type: 'setDarkLaunchShare', share: Number(e.target.value) })
            }
          >
            {shares.map((s) => (
              <option key={s} value={String(s)}>
                {s === 0 ? t('off') : t('share', { percent: percent(s) })}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
