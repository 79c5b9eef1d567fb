'use client';

import type { AnswerStatus } from '@classpulse/realtime/client';
import dynamic from 'next/dynamic';
import {
  ownSlideDeadline,
  type Answer,
  type ExtendedTime,
  type PublicSlideView,
} from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { webKind } from '../../kinds/registry.ts';
import { contentLanguage } from '../../lib/content-language.ts';
import { AnswerForm } from '../answer/AnswerForm.tsx';
import { SlideImage } from '../slide/SlideImage.tsx';
import { AnswerStatusLine } from './AnswerStatusLine.tsx';
import { Countdown } from './Countdown.tsx';
import { OwnGrade } from './OwnGrade.tsx';
import styles from './student.module.css';

// Results appear only after the teacher reveals them: keep them out of the first load.
const SlideResults = dynamic(() =>
  import('../results/SlideResults.tsx').then((m) => m.SlideResults),
);
// Read-aloud is for some students only, and only where the browser has a voice: loaded apart.
const ReadAloud = dynamic(() => import('./ReadAloud.tsx').then((m) => m.ReadAloud), {
  ssr: false,
});

interface Props {
  slide: PublicSlideView;
  /** The deck's content language (BCP 47), when the teacher set one. */
  language: string | undefined;
  answer: AnswerStatus | undefined;
  answerable: boolean;
  notAnswerableReason: string | null;
  onSubmit: (answer: Answer) => void;
  /** This student's extended time: their countdown is their own. */
  extendedTime?: ExtendedTime | undefined;
}

/**
 * How wide the slide image shows: the page is at most 640 px (16 px padding each side) and the
 * card has 16 px padding and a 1 px border each side, so 66 px less than the viewport on a phone.
 */
const SLIDE_IMAGE_SIZES = '(max-width: 640px) calc(100vw - 66px), 574px';

/** The slide image, unless the question already shows it as the picture it is answered on. */
function imageAbove(slide: PublicSlideView): PublicSlideView['image'] {
  const { image, question } = slide;
  if (!image || !question) return image;
  const kind = webKind(question.kind);
  const background = kind.backgroundFromSlide ? kind.imageUrl?.(question) : undefined;
  return background === image.url ? undefined : image;
}

export function StudentSlide({
  slide,
  language,
  answer,
  answerable,
  notAnswerableReason,
  onSubmit,
  extendedTime,
}: Props) {
  const t = useTranslations('student.slide');
  const article = useRef<HTMLElement>(null);
  const image = imageAbove(slide);
  const content = contentLanguage(language);
  // The same arithmetic as the engine and the database rules (protocol/extended-time.ts).
  const deadline = ownSlideDeadline(slide, extendedTime);
  return (
    <article
      ref={article}
      className={`card ${styles.slide}`}
      aria-labelledby={`slide-${slide.id}-title`}
    >
      {image ? <SlideImage image={image} sizes={SLIDE_IMAGE_SIZES} eager /> : null}
      <h2
        id={`slide-${slide.id}-title`}
        className={styles.slideTitle}
        data-read-part=""
        {...(slide.title ? content : {})}
      >
        {slide.title ||
          (slide.question
            ? t('question', { number: slide.index + 1 })
            : t('slide', { number: slide.index + 1 }))}
      </h2>
      <ReadAloud key={slide.id} slideRef={article} language={language} />
      {slide.body ? (
        <p className={styles.body} data-read-part="" {...content}>
          {slide.body}
        </p>
      ) : null}
      {deadline !== null && !slide.locked ? (
        <Countdown deadline={deadline} own={extendedTime !== undefined} />
      ) : null}
      {slide.question ? (
        <>
          <AnswerForm
            key={slide.id}
            question={slide.question}
            slideId={slide.id}
            contentLanguage={language}
            initial={answer?.answer ?? null}
            disabled={!answerable}
            {...(notAnswerableReason ? { disabledReason: notAnswerableReason } : {})}
            onSubmit={onSubmit}
          />
          <AnswerStatusLine answer={answer} />
          <OwnGrade
            question={slide.question}
            answer={answer?.status === 'rejected' ? undefined : answer?.answer}
            revealed={slide.correctRevealed}
            language={language}
          />
        </>
      ) : (
        <p className={styles.waiting}>{t('followAlong')}</p>
      )}
      {slide.question && slide.results ? (
        <section aria-label={t('classResults')} className={styles.results}>
          <h3>{t('classResults')}</h3>
          <SlideResults
            question={slide.question}
            entries={slide.results.entries}
            correctRevealed={slide.correctRevealed}
          />
        </section>
      ) : null}
    </article>
  );
}
