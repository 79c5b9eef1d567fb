'use client';

import type { ConnectionStatus } from '@classpulse/realtime/client';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('student.connection');
  if (status === 'connected' && online) return null;
  if (status === 'closed' || status === 'idle') return null;
  // The first connection is shown in place of the slide (StudentApp): a banner that appears and
  // goes away above the question would push it down and back up.
  if (status === 'connecting' && online) return null;
  return (
    <div className={styles.banner} role="status">
      <strong>{online ? t('reconnectingTitle') : t('offlineTitle')}</strong>{' '}
      {online ? t('reconnecting') : t('offline')}
      {pending > 0 ? ` ${t('waiting', { count: pending })}` : null}
    </div>
  );
}
