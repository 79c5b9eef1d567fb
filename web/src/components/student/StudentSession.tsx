'use client';

import type { SessionClient, SessionClientState } from '@classpulse/realtime/client';
import {
  ownDueAt,
  ownSlideDeadline,
  type Answer,
  type PublicSlideView,
} from '@classpulse/realtime/protocol';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { memo, useRef } from 'react';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { QuizStanding } from './QuizStanding.tsx';
import { SchoolSignInPrompt, type SchoolSignIn } from './SchoolSignInPrompt.tsx';
import { StudentSlide } from './StudentSlide.tsx';
import styles from './student.module.css';
import { useKeptPaint } from './use-kept-paint.ts';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { contentLanguage } from '../../lib/content-language.ts';
import { schoolSignInHref } from '../../lib/signed-in-handoff.ts';
import { usePast } from '../../lib/use-past.ts';

// Only homework has a due time: loaded when a session has one.
const DueNotice = dynamic(() => import('./DueNotice.tsx').then((m) => m.DueNotice));

/** Refusals the teacher can lift (make room, open joining, let back in): worth another try. */
const WAIT_FOR_TEACHER = new Set(['class_full', 'joining_locked', 'student_removed']);

/**
 * The student's page once they joined: their session, its slide and their answers. Loaded only
 * once the session client has something to show (StudentApp keeps it out of the first load).
 * Memoised: StudentApp also renders for reasons of its own (the page's metrics, the connection
 * status it reports, being online), and each of those would otherwise render the whole question
 * again with the same state (Total Blocking Time on a phone).
 */
export const StudentSession = memo(function StudentSession({
  code,
  client,
  state,
  online,
  signIn,
}: {
  code: string;
  client: SessionClient | null;
  state: SessionClientState;
  online: boolean;
  signIn: SchoolSignIn | null;
}) {
  const t = useTranslations('student');
  const tc = useTranslations('common');
  const errorText = useErrorText();
  const session = state.session;
  const self = state.self;
  const slide: PublicSlideView | undefined =
    session?.pacing === 'student' ? session.slides[self?.position ?? 0] : session?.slides[0];
  // A homework's due time passing closes answers on the page too (the engine refuses them). A
  // student with extended time has their own due time and slide deadline (null: no limit), by the
  // same arithmetic as the engine and the database rules (protocol/extended-time.ts).
  const extendedTime = self?.extendedTime;
  const ownDue = session
    ? ownDueAt(session.dueAt, session.createdAt ?? session.dueAt ?? 0, extendedTime)
    : null;
  const pastDue = usePast(ownDue ?? undefined);
  const pastOwnDeadline = usePast((slide && ownSlideDeadline(slide, extendedTime)) ?? undefined);
  // What the student sees is what the page paints first on their next load (kept-paint-mark.ts).
  const main = useRef<HTMLElement>(null);
  useKeptPaint(main, state);

  // Signed out of a class that asks students to sign in (say, a day-old identity): sign in again.
  if (state.status === 'closed' && state.error?.code === 'sign_in_required') {
    return (
      <main className={`page ${styles.narrow}`}>
        <h1>{t('app.joinHeading')}</h1>
        <SchoolSignInPrompt
          code={code}
          signIn={{
            href: schoolSignInHref(code),
            providerName: signIn?.providerName ?? t('signIn.yourSchoolAccount'),
            error: signIn?.error ?? errorText(state.error),
          }}
        />
      </main>
    );
  }

  if (state.status === 'closed' && state.error) {
    return (
      <main className={`page ${styles.narrow}`}>
        <h1>{t('app.sessionHeading')}</h1>
        <div className="card" role="alert">
          <p>{errorText(state.error)}</p>
          {WAIT_FOR_TEACHER.has(state.error.code) ? (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {tc('retry')}
            </button>
          ) : null}
          <a className="button button-secondary" href="/join">
            {t('app.joinAnother')}
          </a>
        </div>
      </main>
    );
  }

  const pending = Object.values(state.answers).filter((a) => a.status === 'sending').length;

  const reasonNotAnswerable = (s: PublicSlideView): string | null => {
    if (session?.status === 'ended') return t('notAnswerable.ended');
    if (pastDue) return t('notAnswerable.pastDue');
    // Past the class's deadline the slide stays open for students with extended time.
    if (s.locked || (s.id === slide?.id && pastOwnDeadline)) return t('notAnswerable.locked');
    if (self && s.index < self.firstAnswerableIndex) return t('notAnswerable.joinedLate');
    return null;
  };

  const submit = (answer: Answer) => {
    if (slide) client?.submitAnswer(slide.id, answer);
  };

  return (
    <main ref={main} className={`page ${styles.narrow}`}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker} {...contentLanguage(session?.language)}>
            {session?.title ?? t('app.connecting')}
          </p>
          <h1 className={styles.name}>{self ? self.name : t('app.joining')}</h1>
        </div>
        {session ? (
          <p className={styles.progress}>
            {t('app.progress', { current: (slide?.index ?? 0) + 1, total: session.slideCount })}
          </p>
        ) : null}
      </header>
      <ConnectionBanner status={state.status} online={online} pending={pending} />
      {session?.dueAt !== undefined ? (
        <DueNotice dueAt={ownDue} own={extendedTime !== undefined} past={pastDue} />
      ) : null}
      {self?.standing && !self.waiting ? <QuizStanding standing={self.standing} /> : null}
      {session?.status === 'ended' ? (
        <p className={`card ${styles.ended}`} role="status">
          {t('app.ended')}
        </p>
      ) : null}
      {self?.waiting && session?.status !== 'ended' ? (
        // The teacher admits students from the waiting room: nothing to answer until then.
        <p className={`card ${styles.waiting}`} role="status">
          {t('app.waitingRoom')}
        </p>
      ) : slide ? (
        <StudentSlide
          slide={slide}
          language={session?.language}
          answer={state.answers[slide.id]}
          answerable={reasonNotAnswerable(slide) === null}
          notAnswerableReason={reasonNotAnswerable(slide)}
          onSubmit={submit}
          extendedTime={extendedTime}
        />
      ) : (
        <p className="card" role="status">
          {session ? t('app.waitingForTeacher') : t('app.connectingToClass')}
        </p>
      )}
      {session?.pacing === 'student' && self && !self.waiting ? (
        <nav className={styles.pager} aria-label={t('app.slidesNav')}>
          <button
            type="button"
            className="button button-secondary"
            disabled={self.position <= 0}
            onClick={() => void client?.navigate(self.position - 1)}
          >
            {t('app.previousSlide')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={self.position >= session.slideCount - 1}
            onClick={() => void client?.navigate(self.position + 1)}
          >
            {t('app.nextSlide')}
          </button>
        </nav>
      ) : null}
    </main>
  );
});
