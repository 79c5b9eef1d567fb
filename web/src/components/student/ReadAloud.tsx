'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useSpeechVoice } from './use-speech-voice.ts';
import styles from './student.module.css';

/** Marks the part being read; the slide's stylesheet outlines and flags it (not colour alone). */
const READING = 'data-reading';

/** The parts of a slide read aloud, in reading order: title, body, prompt, options. */
function partsOf(slide: HTMLElement | null): HTMLElement[] {
  if (!slide) return [];
  return [...slide.querySelectorAll<HTMLElement>('[data-read-part]')].filter(
    (element) => textOf(element) !== '',
  );
}

/** A part's words: its text, or a picture's description (`data-read-text`). */
function textOf(element: HTMLElement): string {
  return (element.dataset.readText ?? element.textContent ?? '').trim();
}

/**
 * "Read to me": reads the slide's title, body, question and options with the browser's speech
 * synthesis, in the deck's language (else the page's), one utterance per part, marking the part
 * being read. Absent where the browser has no voice for that language. Unmounted (and so silent)
 * when the slide changes: StudentSlide keys it by slide.
 */
export function ReadAloud({
  slideRef,
  language,
}: {
  slideRef: RefObject<HTMLElement | null>;
  /** The deck's content language (BCP 47), when the teacher set one. */
  language: string | undefined;
}) {
  const t = useTranslations('student.readAloud');
  const locale = useLocale();
  const lang = language ?? (locale === 'en-XA' ? 'en' : locale);
  const voice = useSpeechVoice(lang);
  const [reading, setReading] = useState(false);
  const marked = useRef<HTMLElement | null>(null);

  const mark = (element: HTMLElement | null) => {
    marked.current?.removeAttribute(READING);
    marked.current = element;
    element?.setAttribute(READING, '');
  };

  const stop = () => {
    window.speechSynthesis.cancel();
    mark(null);
    setReading(false);
  };

  // Silence when the slide changes (this unmounts) or the page goes away.
  useEffect(
    () => () => {
      if (marked.current) marked.current.removeAttribute(READING);
      if (typeof window !== 'undefined' && 'speechSynthesis' in window)
        window.speechSynthesis.cancel();
    },
    [],
  );

  if (!voice) return null;

  const start = () => {
    const parts = partsOf(slideRef.current);
    if (parts.length === 0) return;
    const synthesis = window.speechSynthesis;
    synthesis.cancel();
    setReading(true);
    parts.forEach((element, index) => {
      const utterance = new SpeechSynthesisUtterance(textOf(element));
      utterance.lang = voice.lang || lang;
      utterance.voice = voice;
      utterance.onstart = () => mark(element);
      const last = index === parts.length - 1;
      utterance.onend = () => {
        if (last) {
          mark(null);
          setReading(false);
        }
      };
      utterance.onerror = () => {
        // Cancelled (Stop, a new slide) or failed: nothing more is read.
        mark(null);
        setReading(false);
      };
      synthesis.speak(utterance);
    });
  };

  return (
    <button
      type="button"
      className={`button button-secondary ${styles.readAloud}`}
      aria-pressed={reading}
      onClick={reading ? stop : start}
    >
      <svg aria-hidden="true" width="1.1em" height="1.1em" viewBox="0 0 24 24" fill="none">
        <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
        <path
          d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          className={styles.readAloudWaves}
        />
      </svg>
      {reading ? t('stop') : t('start')}
    </button>
  );
}
