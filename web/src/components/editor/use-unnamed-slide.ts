'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { UnnamedSlide } from './slide-name.ts';

/** slideName's words for a slide with no text, in the teacher's language. */
export function useUnnamedSlide(): UnnamedSlide {
  const t = useTranslations('editor');
  return useMemo(
    () => ({
      numbered: (number) => t('slideName.numbered', { number }),
      untitled: t('slideName.untitled'),
    }),
    [t],
  );
}
