'use client';

import type { ConnectionStatus } from '@classpulse/realtime/client';
import styles from './student.module.css';

/** Tells the student why answers may wait, and that they will still arrive. */
export function ConnectionBanner({
  status,
  online,
  pending,
}: {
  status: ConnectionStatus;
  online: boolean;
  pending: number;
}) {
  if (status === 'connected' && online) return null;
  if (status === 'closed' || status === 'idle') return null;
  // The first connection is shown in place of the slide (StudentApp): a banner that appears and
  // goes away above the question would push it down and back up.
  if (status === 'connecting' && online) return null;
  const message = !online
    ? 'You are offline. Keep answering: your answers are saved on this device and sent when you are back online.'
    : 'Reconnecting… Your answers are kept and will be sent automatically.';
  return (
    <div className={styles.banner} role="status">
      <strong>{online ? 'Reconnecting' : 'Offline'}</strong> {message}
      {pending > 0 ? ` (${pending} waiting)` : null}
    </div>
  );
}
