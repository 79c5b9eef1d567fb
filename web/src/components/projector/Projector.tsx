'use client';

import { publicSessionView, slideResults } from '@classpulse/realtime/engine';
import { questionForStudents, type Question } from '@classpulse/realtime/protocol';
import { useLocale, useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { correctText } from '../../lib/grading.ts';
import { usePageMetrics, type MetricsSettings } from '../../lib/use-page-metrics.ts';
import { SlideResults } from '../results/SlideResults.tsx';
import { useTeacherSession } from '../teacher/use-teacher-session.ts';
import { Countdown } from '../student/Countdown.tsx';
import { FullScreenButton } from './FullScreenButton.tsx';
import { Leaderboard } from './Leaderboard.tsx';
import { ProjectorSlide } from './ProjectorSlide.tsx';
import { SlideOptions } from './SlideOptions.tsx';
import styles from './projector.module.css';

/**
 * The revealed correct answer in words, whether or not the class's results are shown: revealing
 * always shows something on the wall.
 */
function CorrectAnswerLine({ question }: { question: Question }) {
  const t = useTranslations('projector.projector');
  // The projector's locale follows its deck's language (LocaleProvider on its page).
  const locale = useLocale();
  const text = correctText(question, locale);
  return text ? (
    <p className={styles.correctAnswer}>
      <span aria-hidden="true">✓ </span>
      {t.rich('correctAnswer', { strong: () => <strong>{text}</strong> })}
    </p>
  ) : null;
}

interface Props {
  sessionId: string;
  joinCode: string;
  joinHost: string;
  qrSvg: string;
  metrics: MetricsSettings;
}

/**
 * What the class sees on the wall: the slide, how to join, and results only as the teacher
 * revealed them — computed with the same function that builds the students' view, so the wall
 * never shows more than the students' own screens.
 */
export function Projector({ sessionId, joinCode, joinHost, qrSvg, metrics }: Props) {
  const t = useTranslations('projector.projector');
  const errorText = useErrorText();
  const { state, error } = useTeacherSession(sessionId, usePageMetrics('projector', metrics));
  const session = state?.teacher?.state;
  const slide = session?.deck.slides[session.currentSlideIndex];
  const runtime = slide && session ? session.slides[slide.id] : undefined;
  const revealed = runtime !== undefined && runtime.reveal !== 'hidden';
  // Quiz mode: exactly the top five the students' view carries, while the teacher shows them.
  const leaderboard =
    session?.settings.quiz?.leaderboard && session.leaderboardShown
      ? publicSessionView(session).leaderboard
      : undefined;

  // The slides' own words in the deck's language (screen readers pronounce them right).
  const contentLanguage = session?.deck.language;
  return (
    <main className={styles.projector}>
      <header className={styles.header}>
        <p className={styles.joinText}>
          {t.rich('joinAt', {
            host: () => <strong translate="no">{joinHost}/join</strong>,
          })}
        </p>
        <p
          className={styles.code}
          translate="no"
          aria-label={t('joinCodeLabel', { code: joinCode.split('').join(' ') })}
        >
          {joinCode}
        </p>
        <FullScreenButton className={`button button-secondary ${styles.fullScreen}`} />
        <div
          className={styles.qr}
          role="img"
          aria-label={t('qrLabel')}
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      </header>
      {error ? <p role="alert">{errorText(error)}</p> : null}
      {session?.status === 'ended' ? <p className={styles.ended}>{t('ended')}</p> : null}
      {leaderboard ? (
        <Leaderboard entries={leaderboard} />
      ) : slide && runtime && session ? (
        <ProjectorSlide
          key={slide.id}
          slide={slide}
          revealed={revealed}
          contentLanguage={contentLanguage}
        >
          {slide.question && runtime.correctRevealed ? (
            <CorrectAnswerLine question={slide.question} />
          ) : null}
          {slide.question && revealed ? (
            <SlideResults
              question={questionForStudents(slide.question, runtime.correctRevealed)}
              entries={slideResults(session, slide.id, runtime.reveal === 'named').entries}
              correctRevealed={runtime.correctRevealed}
              size="projector"
            />
          ) : slide.question ? (
            <>
              <SlideOptions question={questionForStudents(slide.question, false)} />
              <p className={styles.waiting}>
                {t('answersSoFar', {
                  count: Object.keys(session.responses[slide.id] ?? {}).length,
                })}
              </p>
            </>
          ) : null}
          {slide.question && runtime.deadline !== null && !runtime.locked ? (
            <div className={styles.timer}>
              <Countdown deadline={runtime.deadline} />
            </div>
          ) : null}
        </ProjectorSlide>
      ) : (
        <p className={styles.waiting}>{t('connecting')}</p>
      )}
    </main>
  );
}
