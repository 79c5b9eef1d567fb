'use client';

import type { AnswerStatus } from '@classpulse/realtime/client';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text.ts';
import styles from './student.module.css';

/** "Received" only once the server acknowledged the answer as stored. */
export function AnswerStatusLine({ answer }: { answer: AnswerStatus | undefined }) {
  const t = useTranslations('student.answerStatus');
  const errorText = useErrorText();
  return (
    <p className={styles.status} role="status" aria-live="polite">
      {answer?.status === 'sending' ? <span className={styles.sending}>{t('sending')}</span> : null}
      {answer?.status === 'received' ? (
        <span className={styles.received}>{t('received')}</span>
      ) : null}
      {answer?.status === 'rejected' ? (
        <span className={styles.rejected}>
          {t('rejected', { reason: answer.error ? errorText(answer.error) : t('tryAgain') })}
        </span>
      ) : null}
    </p>
  );
}
