import type { Slide } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { Children, type ReactNode } from 'react';
import { directionOf } from '../../i18n/locales.ts';
import { SlideImage } from '../slide/SlideImage.tsx';
import styles from './projector.module.css';
import { useFitScale } from './use-fit-scale.ts';

interface Props {
  slide: Slide;
  /** What goes under the slide's words: the question's options, or its revealed results. */
  children?: ReactNode;
  /** Results take the whole width under the words; the picture steps aside for them. */
  revealed: boolean;
  /** The deck's content language (BCP 47): the `lang` of the slide's own words. */
  contentLanguage?: string | undefined;
}

/**
 * The slide on the wall as students see it: its picture, title, text and question prompt. A
 * picture alone fills the screen; with words, it takes the left part and the words the right.
 * The words shrink to fit their column (use-fit-scale.ts) rather than run off the screen.
 */
export function ProjectorSlide({ slide, children, revealed, contentLanguage }: Props) {
  const t = useTranslations('projector.projector');
  const words = useFitScale<HTMLDivElement>();
  const heading = slide.title || slide.question?.prompt || '';
  const hasWords = Boolean(heading || slide.body || Children.toArray(children).length > 0);
  const image = slide.image && !revealed ? slide.image : undefined;
  return (
    <section
      className={image && hasWords ? `${styles.slide} ${styles.withImage}` : styles.slide}
      aria-labelledby={heading ? 'projector-slide-title' : undefined}
      aria-label={heading ? undefined : t('slide')}
      lang={contentLanguage}
      dir={contentLanguage ? directionOf(contentLanguage) : undefined}
    >
      {image ? (
        <div className={styles.imageBox}>
          <SlideImage
            image={image}
            className={styles.image}
            // The picture's share of a projector's width: all of it alone, else 55%.
            sizes={hasWords ? '55vw' : '100vw'}
          />
        </div>
      ) : null}
      {hasWords ? (
        <div ref={words} className={styles.words}>
          <div className={styles.wordsInner}>
            {heading ? (
              <h1 id="projector-slide-title" className={styles.title}>
                {heading}
              </h1>
            ) : null}
            {slide.body ? <p className={styles.body}>{slide.body}</p> : null}
            {slide.question && slide.title ? (
              <p className={styles.prompt}>{slide.question.prompt}</p>
            ) : null}
            {children}
          </div>
        </div>
      ) : null}
    </section>
  );
}
