'use client';

import type { AnswerStatus } from '@classpulse/realtime/client';
import styles from './student.module.css';

/** "Received" only once the server acknowledged the answer as stored. */
export function AnswerStatusLine({ answer }: { answer: AnswerStatus | undefined }) {
  return (
    <p className={styles.status} role="status" aria-live="polite">
      {answer?.status === 'sending' ? <span className={styles.sending}>Sending…</span> : null}
      {answer?.status === 'received' ? <span className={styles.received}>✓ Received</span> : null}
      {answer?.status === 'rejected' ? (
        <span className={styles.rejected}>
          Not accepted: {answer.error?.message ?? 'try again'}
        </span>
      ) : null}
    </p>
  );
}
