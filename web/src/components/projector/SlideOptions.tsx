import type { Question } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import styles from './projector.module.css';

/**
 * The choices of a multiple-choice or image-choice question as the students' devices list them
 * (the teacher's labels, the pictures with their descriptions), in the teacher's order. Takes
 * the question as students get it, so a correct answer cannot show before the reveal.
 */
export function SlideOptions({ question }: { question: Question }) {
  const t = useTranslations('projector.projector');
  if (question.kind === 'multiple-choice')
    return (
      <ol className={styles.options} aria-label={t('options')}>
        {question.options.map((option) => (
          <li key={option.id} className={styles.option}>
            {option.label}
          </li>
        ))}
      </ol>
    );
  if (question.kind === 'image-choice')
    return (
      <ol className={styles.imageOptions} aria-label={t('options')}>
        {question.options.map((option) => (
          <li key={option.id} className={styles.imageOption}>
            <img src={option.imageUrl} alt={option.alt} className={styles.imageOptionPicture} />
          </li>
        ))}
      </ol>
    );
  return null;
}
