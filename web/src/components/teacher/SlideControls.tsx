'use client';

import type { RevealMode, SessionState, TeacherCommand } from '@classpulse/realtime/protocol';
import { useState } from 'react';
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
  const [timerMs, setTimerMs] = useState(60_000);
  const index = state.currentSlideIndex;
  const slide = state.deck.slides[index];
  const runtime = slide ? state.slides[slide.id] : undefined;
  if (!slide || !runtime) return null;
  const ended = state.status === 'ended';

  return (
    <section aria-label="Slide controls" className={`card ${styles.controls}`}>
      <div className={styles.controlRow}>
        <button
          type="button"
          className="button button-secondary"
          disabled={ended || index === 0}
          onClick={() => send({ type: 'goToSlide', slideIndex: index - 1 })}
        >
          Previous slide
        </button>
        <span className={styles.slideCounter}>
          Slide {index + 1} of {state.deck.slides.length}
        </span>
        <button
          type="button"
          className="button"
          disabled={ended || index >= state.deck.slides.length - 1}
          onClick={() => send({ type: 'goToSlide', slideIndex: index + 1 })}
        >
          Next slide
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
            {runtime.locked ? 'Unlock answers' : 'Lock answers'}
          </button>
          {runtime.locked ? <span className={styles.lockedBadge}>Answers locked</span> : null}
          {runtime.deadline === null ? (
            <span className={styles.inlineField}>
              <label htmlFor="timer-duration">Timer</label>
              <select
                id="timer-duration"
                value={timerMs}
                disabled={ended}
                onChange={(e) => setTimerMs(Number(e.target.value))}
              >
                {TIMER_PRESETS_MS.map((ms) => (
                  <option key={ms} value={ms}>
                    {ms < 60_000
                      ? `${ms / 1000} seconds`
                      : `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button-secondary"
                disabled={ended}
                onClick={() => send({ type: 'startTimer', slideId: slide.id, durationMs: timerMs })}
              >
                Start timer
              </button>
            </span>
          ) : (
            <>
              {runtime.locked ? null : (
                <div className={styles.timer}>
                  <Countdown deadline={runtime.deadline} />
                </div>
              )}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => send({ type: 'cancelTimer', slideId: slide.id })}
              >
                Cancel timer
              </button>
            </>
          )}
          <label className={styles.inlineField}>
            Show results to students
            <select
              value={runtime.reveal}
              disabled={ended}
              onChange={(e) =>
                send({ type: 'setReveal', slideId: slide.id, mode: e.target.value as RevealMode })
              }
            >
              <option value="hidden">Hidden</option>
              <option value="anonymous">Anonymous</option>
              <option value="named">With names</option>
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
          Pacing
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
            <option value="instructor">Teacher-paced</option>
            <option value="student">Student-paced</option>
          </select>
        </label>
        <label className={styles.inlineField}>
          Late joiners
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
            <option value="allow">Can join</option>
            <option value="next-slide">Join from the next slide</option>
            <option value="deny">Cannot join</option>
          </select>
        </label>
      </div>
    </section>
  );
}
