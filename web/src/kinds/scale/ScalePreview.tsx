'use client';

import { useTranslations } from 'next-intl';
import { useContentAttributes } from '../../components/editor/fields.tsx';
import { LIMITS } from '@classpulse/realtime/protocol';
import { range } from '../../components/editor/question-edits.ts';
import styles from './ScalePreview.module.css';

/** What students will see, as the teacher edits the steps and end labels. */
export function ScalePreview({
  steps,
  minLabel,
  maxLabel,
}: {
  steps: number;
  minLabel?: string;
  maxLabel?: string;
}) {
  const t = useTranslations('editor');
  const content = useContentAttributes();
  const count = Number.isInteger(steps) && steps > 0 && steps <= LIMITS.scaleStepsMax ? steps : 0;
  return (
    <figure className={styles.scalePreview}>
      <figcaption className={styles.previewCaption}>{t('scaleFields.preview')}</figcaption>
      <div className={styles.scaleDots} aria-hidden="true">
        {range(1, count).map((n) => (
          <span key={n} className={styles.scaleDot}>
            {n}
          </span>
        ))}
      </div>
      <div className={styles.scaleEnds} {...content}>
        <span>{minLabel?.trim() || '\u00a0'}</span>
        <span>{maxLabel?.trim() || '\u00a0'}</span>
      </div>
      <p className="visually-hidden">
        {t('scaleFields.previewText', {
          count,
          hasMin: String(Boolean(minLabel?.trim())),
          minLabel: minLabel?.trim() ?? '',
          hasMax: String(Boolean(maxLabel?.trim())),
          maxLabel: maxLabel?.trim() ?? '',
        })}
      </p>
    </figure>
  );
}
