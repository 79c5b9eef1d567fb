'use client';

import type { AnswerStatus } from '@classpulse/realtime/client';
import dynamic from 'next/dynamic';
import type { Answer, PublicSlideView } from '@classpulse/realtime/protocol';
import { AnswerForm } from '../answer/AnswerForm.tsx';
import { AnswerStatusLine } from './AnswerStatusLine.tsx';
import { Countdown } from './Countdown.tsx';
import { OwnGrade } from './OwnGrade.tsx';
import styles from './student.module.css';

// Results appear only after the teacher reveals them: keep them out of the first load.
const SlideResults = dynamic(() =>
  import('../results/SlideResults.tsx').then((m) => m.SlideResults),
);

interface Props {
  slide: PublicSlideView;
  answer: AnswerStatus | undefined;
  answerable: boolean;
  notAnswerableReason: string | null;
  onSubmit: (answer: Answer) => void;
}

export function StudentSlide({ slide, answer, answerable, notAnswerableReason, onSubmit }: Props) {
  return (
    <article className={`card ${styles.slide}`} aria-labelledby={`slide-${slide.id}-title`}>
      <h2 id={`slide-${slide.id}-title`} className={styles.slideTitle}>
        {slide.title ||
          (slide.question ? `Question ${slide.index + 1}` : `Slide ${slide.index + 1}`)}
      </h2>
      {slide.body ? <p className={styles.body}>{slide.body}</p> : null}
      {slide.deadline !== null && !slide.locked ? <Countdown deadline={slide.deadline} /> : null}
      {slide.question ? (
        <>
          <AnswerForm
            key={slide.id}
            question={slide.question}
            slideId={slide.id}
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
          />
        </>
      ) : (
        <p className={styles.waiting}>Follow along with your teacher.</p>
      )}
      {slide.question && slide.results ? (
        <section aria-label="Class results" className={styles.results}>
          <h3>Class results</h3>
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
