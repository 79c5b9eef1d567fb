import type { Slide } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { SlideImage } from '../slide/SlideImage.tsx';
import styles from './dashboard.module.css';

/**
 * The current slide's picture, small, and its speaker notes: what the teacher glances at while
 * presenting. Notes are the teacher's only (students' views never carry them).
 */
export function SlidePreview({ slide }: { slide: Slide }) {
  const t = useTranslations('dashboard');
  if (!slide.image && !slide.notes) return null;
  return (
    <div className={styles.slidePreview}>
      {slide.image ? (
        <SlideImage image={slide.image} className={styles.slideThumb} sizes="240px" />
      ) : null}
      {slide.notes ? (
        <section className={styles.notes} aria-labelledby="speaker-notes-heading">
          <h3 id="speaker-notes-heading" className={styles.notesTitle}>
            {t('speakerNotes')}
          </h3>
          <p className={styles.notesText}>{slide.notes}</p>
        </section>
      ) : null}
    </div>
  );
}
