'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { countText } from './count-text.ts';

/** Long student tables show this many rows at first, and this many more per click. */
export const ROWS_PER_PAGE = 100;

/**
 * "Showing 100 of 2,000 · Show 100 more" under a paged table (roster, health, report): a hall
 * of students renders a page at a time. Nothing when every row is shown.
 */
export function ShowMore({
  shown,
  total,
  onMore,
  className,
  mutedClassName,
}: {
  shown: number;
  total: number;
  onMore: () => void;
  /** The row's and the count's styles, from the page's own CSS module. */
  className: string | undefined;
  mutedClassName: string | undefined;
}) {
  const t = useTranslations('dashboard.showMore');
  const format = useFormatter();
  if (total <= shown) return null;
  return (
    <p className={className}>
      <span className={mutedClassName} role="status">
        {t('showing', { shown: countText(format, shown), total: countText(format, total) })}
      </span>
      <button type="button" className="button button-secondary" onClick={onMore}>
        {t('more', { count: countText(format, Math.min(ROWS_PER_PAGE, total - shown)) })}
      </button>
    </p>
  );
}
