'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ProgressWords } from './progress-text.ts';

/** The import page's progress sentences in the teacher's language. */
export function useProgressWords(): ProgressWords {
  const t = useTranslations('teacher');
  const format = useFormatter();
  return useMemo(
    () => ({
      size: (amount, unit) =>
        t(unit === 'KB' ? 'importing.kilobytes' : 'importing.megabytes', {
          amount: format.number(amount),
        }),
      waiting: t('importing.waiting'),
      opening: t('importing.opening'),
      converting: (page, total) => t('importing.converting', { page, total }),
      converted: (pages) => t('importing.converted', { count: pages }),
      stopped: t('importing.stopped'),
      saidWaiting: t('importing.saidWaiting'),
      saidOpening: t('importing.saidOpening'),
      saidConverting: (pages) => t('importing.saidConverting', { count: pages }),
      saidConvertedOf: (done, total) => t('importing.saidConvertedOf', { done, count: total }),
      saidDone: (pages) => t('importing.saidDone', { count: pages }),
    }),
    [t, format],
  );
}
