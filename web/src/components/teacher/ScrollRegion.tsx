import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * A frame a wide table scrolls in. Keyboard users can scroll it too: it takes focus, and as a
 * named region screen readers say what it holds (axe's scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  /** What the table shows; ", scrollable" is added. */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations('dashboard');
  return (
    <div className={className} tabIndex={0} role="region" aria-label={t('scrollRegion', { label })}>
      {children}
    </div>
  );
}
