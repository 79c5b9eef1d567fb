'use client';

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
  const count = Number.isInteger(steps) && steps > 0 && steps <= LIMITS.scaleStepsMax ? steps : 0;
  return (
    <figure className={styles.scalePreview}>
      <figcaption className={styles.previewCaption}>What students see</figcaption>
      <div className={styles.scaleDots} aria-hidden="true">
        {range(1, count).map((n) => (
          <span key={n} className={styles.scaleDot}>
            {n}
          </span>
        ))}
      </div>
      <div className={styles.scaleEnds}>
        <span>{minLabel?.trim() || '\u00a0'}</span>
        <span>{maxLabel?.trim() || '\u00a0'}</span>
      </div>
      <p className="visually-hidden">
        A scale from 1 to {count}
        {minLabel?.trim() ? `, 1 means ${minLabel.trim()}` : ''}
        {maxLabel?.trim() ? `, ${count} means ${maxLabel.trim()}` : ''}.
      </p>
    </figure>
  );
}
