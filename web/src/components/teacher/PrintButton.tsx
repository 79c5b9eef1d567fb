'use client';

import { useTranslations } from 'next-intl';

/** Opens the browser's print dialog (the page has print styles). */
export function PrintButton({ className }: { className?: string }) {
  const t = useTranslations('reports.health');
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {t('print')}
    </button>
  );
}
