'use client';

import type { RevealMode, SessionState, TeacherCommand } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { usePast } from '../../lib/use-past.ts';
import { Countdown } from '../student/Countdown.tsx';
import styles from './dashboard.module.css';
import { RevealCorrectControl } from './RevealCorrectControl.tsx';

/** Durations teachers reach for most; the server enforces the deadline whatever is chosen. */
const TIMER_PRESETS_MS = [30_000, 60_000, 120_000, 180_000, 300_000];

/** Navigation, pacing, lock, timer and reveal for the current slide. */
export function SlideControls({
  state,
  send,
}: {
  state: SessionState;
  send: (command: TeacherCommand) => void;
}) {
  const t = useTranslations('dashboard.slideControls');
  const [timerMs, setTimerMs] = useState(60_000);
  const index = state.currentSlideIndex;
  const slide = state.deck.slides[index];
  const runtime = slide ? state.slides[slide.id] : undefined;
  // Past the class's deadline, students with extended time may still be answering on their own
  // time (the engine locks the slide after the last of them): say so instead of a frozen 0:00.
  const classTimeUp = usePast(runtime?.deadline ?? undefined);
  if (!slide || !runtime) return null;
  const stillAnswering = Object.values(state.students).filter(
    (s) => !s.removed && s.extendedTime !== undefined,
  ).length;
  const extendedWindow = classTimeUp && !runtime.locked && stillAnswering > 0;
  const ended = state.status === 'ended';

  return (
    <section aria-label={t('label')} className={`card ${styles.controls}`}>
      <div className={styles.controlRow}>
        <button
          type="button"
          className="button button-secondary"
          disabled={ended || index === 0}
          onClick={() => send({ type: 'goToSlide', slideIndex: index - 1 })}
        >
          {t('previous')}
        </button>
        <span className={styles.slideCounter}>
          {t('counter', { number: index + 1, total: state.deck.slides.length })}
        </span>
        <button
          type="button"
          className="button"
          disabled={ended || index >= state.deck.slides.length - 1}
          onClick={() => send({ type: 'goToSlide', slideIndex: index + 1 })}
        >
          {t('next')}
        </button>
      </div>
      {slide.question ? (
        <div className={styles.controlRow}>
          <button
            type="button"
            className="button button-secondary"
            disabled={ended}
            onClick={() =>
              send({ type: runtime.locked ? 'unlockSlide' : 'lockSlide', slideId: slide.id })
            }
          >
            {runtime.locked ? t('unlock') : t('lock')}
          </button>
          {runtime.locked ? <span className={styles.lockedBadge}>{t('locked')}</span> : null}
          {runtime.deadline === null ? (
            <span className={styles.inlineField}>
              <label htmlFor="timer-duration">{t('timer')}</label>
              <select
                id="timer-duration"
                value={timerMs}
                disabled={ended}
                onChange={(e) => setTimerMs(Number(e.target.value))}
              >
                {TIMER_PRESETS_MS.map((ms) => (
                  <option key={ms} value={ms}>
                    {ms < 60_000
                      ? t('seconds', { count: ms / 1000 })
                      : t('minutes', { count: ms / 60_000 })}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button-secondary"
                disabled={ended}
                onClick={() => send({ type: 'startTimer', slideId: slide.id, durationMs: timerMs })}
              >
                {t('startTimer')}
              </button>
            </span>
          ) : (
            <>
              {runtime.locked ? null : extendedWindow ? (
                <p className={styles.timer} role="status">
                  {t('extendedStillAnswering', { count: stillAnswering })}
                </p>
              ) : (
                <div className={styles.timer}>
                  <Countdown deadline={runtime.deadline} />
                </div>
              )}
              {extendedWindow ? null : (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => send({ type: 'cancelTimer', slideId: slide.id })}
                >
                  {t('cancelTimer')}
                </button>
              )}
            </>
          )}
          <label className={styles.inlineField}>
            {t('showResults')}
            <select
              value={runtime.reveal}
              disabled={ended}
              onChange={(e) =>
                send({ type: 'setReveal', slideId: slide.id, mode: e.target.value as RevealMode })
              }
            >
              <option value="hidden">{t('revealHidden')}</option>
              <option value="anonymous">{t('revealAnonymous')}</option>
              <option value="named">{t('revealNamed')}</option>
            </select>
          </label>
        </div>
      ) : null}
      {slide.question ? (
        <RevealCorrectControl
          slideId={slide.id}
          question={slide.question}
          runtime={runtime}
          ended={ended}
          send={send}
        />
      ) : null}
      <div className={styles.controlRow}>
        <label className={styles.inlineField}>
          {t('pacing')}
          <select
            value={state.settings.pacing}
            disabled={ended}
            onChange={(e) =>
              send({
                type: 'setPacing',
                pacing: e.target.value === 'student' ? 'student' : 'instructor',
              })
            }
          >
            <option value="instructor">{t('teacherPaced')}</option>
            <option value="student">{t('studentPaced')}</option>
          </select>
        </label>
        <label className={styles.inlineField}>
          {t('lateJoiners')}
          <select
            value={state.settings.latePolicy}
            disabled={ended}
            onChange={(e) =>
              send({
                type: 'setLatePolicy',
                latePolicy: e.target.value as SessionState['settings']['latePolicy'],
              })
            }
          >
            <option value="allow">{t('lateAllow')}</option>
            <option value="next-slide">{t('lateNextSlide')}</option>
            <option value="deny">{t('lateDeny')}</option>
          </select>
        </label>
      </div>
    </section>
  );
}
