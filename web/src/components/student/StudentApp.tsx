'use client';

import { browserStorage, hasStoredIdentity, type SessionClient } from '@classpulse/realtime/client';
import {
  ownDueAt,
  ownSlideDeadline,
  type Answer,
  type PublicSlideView,
} from '@classpulse/realtime/protocol';
import dynamic from 'next/dynamic';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { QuizStanding } from './QuizStanding.tsx';
import { NameForm } from './NameForm.tsx';
import { SchoolSignInPrompt, type SchoolSignIn } from './SchoolSignInPrompt.tsx';
import styles from './student.module.css';
import type { SessionConnection } from '../../lib/student-connection.ts';
import {
  useConnectionMetrics,
  useInteractive,
  usePageMetrics,
  type MetricsSettings,
} from '../../lib/use-page-metrics.ts';
import { useDarkLaunch } from '../../lib/use-dark-launch.ts';
import { adoptSignedInIdentity, schoolSignInHref } from '../../lib/signed-in-handoff.ts';
import { loadClientModule, useOnline, useSessionClient } from '../../lib/use-session-client.ts';
import { usePast } from '../../lib/use-past.ts';

// A slide (with the answer inputs of every kind) can only show once the lazily loaded session
// client has connected, so it stays out of the first load too; it is fetched alongside the client.
const loadStudentSlide = () => import('./StudentSlide.tsx').then((m) => m.StudentSlide);
const StudentSlide = dynamic(loadStudentSlide, {
  loading: () => <p className="card">Loading the question…</p>,
});

// Only homework has a due time, and only a joined student sees it: out of the first load too.
const DueNotice = dynamic(() => import('./DueNotice.tsx').then((m) => m.DueNotice));

/** Refusals the teacher can lift (make room, open joining, let back in): worth another try. */
const WAIT_FOR_TEACHER = new Set(['class_full', 'joining_locked', 'student_removed']);

/** The join code of the page this module runs in. */
const pageCode = (): string | undefined => /^\/join\/([^/]+)$/.exec(window.location.pathname)?.[1];

/** This browser already joined the session of this page's code: it will resume at once. */
function isReturningStudent(): boolean {
  const code = pageCode();
  return code !== undefined && hasStoredIdentity(browserStorage(), code);
}
// A student back from the school's sign-in brings their identity in the address: keep it first,
// so they count as returning. A returning student needs the client and the slide at once: fetch
// them while React hydrates. A new student needs them only to join: they load when the name form
// is first touched, so the page stays light until then (and never loads the Firebase SDK for
// someone just looking).
if (typeof window !== 'undefined') {
  const code = pageCode();
  if (code) adoptSignedInIdentity(code);
  if (isReturningStudent()) {
    void loadClientModule();
    void loadStudentSlide();
  }
}

export type { SchoolSignIn };

export function StudentApp({
  code,
  connection,
  metrics: metricsSettings,
  signIn,
}: {
  code: string;
  connection: SessionConnection;
  metrics: MetricsSettings;
  /** Set when the session's students sign in with their school account instead of a name. */
  signIn: SchoolSignIn | null;
}) {
  const metrics = usePageMetrics('student', metricsSettings);
  // The client is wanted once the student starts joining or resumes a stored identity.
  const [wanted, setWanted] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const { client, state: liveState } = useSessionClient(wanted ? connection : null);
  // Client state arrives through useSyncExternalStore, whose updates render synchronously: the
  // first question (every answer input) would be one long task on a phone. Rendering from a
  // deferred copy lets React render it in slices, interruptible by taps (Total Blocking Time).
  const state = useDeferredValue(liveState);
  // The session's setting may move the client between transports (Firebase mode).
  const current = liveState?.transport;
  const transport = current === 'socket' || current === 'firebase' ? current : connection.transport;
  useConnectionMetrics(metrics, transport, liveState?.status);
  useDarkLaunch(
    metrics,
    connection.realtimeUrl,
    liveState?.session?.darkLaunchShare ?? connection.darkLaunchShare,
    liveState?.transport === 'firebase' && Boolean(liveState.self),
  );
  const online = useOnline();
  // The name the student joined with ('' when resuming a stored identity), or null before joining.
  const [joinName, setJoinName] = useState<string | null>(null);
  const joinedWith = useRef<SessionClient | null>(null);
  const joined = joinName !== null;
  // A homework's due time passing closes answers on the page too (the engine refuses them). A
  // student with extended time has their own due time and slide deadline (null: no limit), by the
  // same arithmetic as the engine and the database rules.
  const extendedTime = liveState?.self?.extendedTime;
  const liveSession = liveState?.session;
  const ownDue = liveSession
    ? ownDueAt(liveSession.dueAt, liveSession.createdAt ?? liveSession.dueAt ?? 0, extendedTime)
    : null;
  const pastDue = usePast(ownDue ?? undefined);
  const liveSlide =
    liveSession?.pacing === 'student'
      ? liveSession.slides[liveState?.self?.position ?? 0]
      : liveSession?.slides[0];
  const ownDeadline = liveSlide ? ownSlideDeadline(liveSlide, extendedTime) : null;
  const pastOwnDeadline = usePast(ownDeadline ?? undefined);

  // The client is created in an effect after hydration, so a quick tap on Join can come first:
  // the request waits here until the client exists, instead of being lost. A reload resumes the
  // identity this browser already has for the code, with no name needed.
  useEffect(() => {
    setHydrated(true);
    adoptSignedInIdentity(code);
    if (hasStoredIdentity(browserStorage(), code)) setWanted(true);
  }, [code]);

  // The name form (or a returning student's resume) works from hydration on.
  useInteractive(metrics, hydrated);

  const startLoading = () => {
    if (wanted) return;
    setWanted(true);
    void loadStudentSlide();
  };

  useEffect(() => {
    if (!client || joinedWith.current === client) return;
    if (joinName !== null) {
      client.joinWithCode(code, joinName);
      joinedWith.current = client;
    } else if (hasStoredIdentity(browserStorage(), code)) {
      client.joinWithCode(code, '');
      joinedWith.current = client;
      setJoinName('');
    }
  }, [client, code, joinName]);

  const join = (name: string) => {
    startLoading();
    setJoinName(name);
  };

  if (!joined || !state) {
    return (
      <main className={`page ${styles.narrow}`}>
        <h1>Join</h1>
        {!signIn ? (
          <NameForm code={code} ready={hydrated} onStart={startLoading} onJoin={join} />
        ) : wanted ? (
          <p className="card" role="status">
            Connecting to your class…
          </p>
        ) : (
          <SchoolSignInPrompt code={code} signIn={signIn} />
        )}
      </main>
    );
  }

  // Signed out of a class that asks students to sign in (say, a day-old identity): sign in again.
  if (state.status === 'closed' && state.error?.code === 'sign_in_required') {
    return (
      <main className={`page ${styles.narrow}`}>
        <h1>Join</h1>
        <SchoolSignInPrompt
          code={code}
          signIn={{
            href: schoolSignInHref(code),
            providerName: signIn?.providerName ?? 'your school account',
            error: signIn?.error ?? state.error.message,
          }}
        />
      </main>
    );
  }

  if (state.status === 'closed' && state.error) {
    return (
      <main className={`page ${styles.narrow}`}>
        <h1>Session</h1>
        <div className="card" role="alert">
          <p>{state.error.message}</p>
          {WAIT_FOR_TEACHER.has(state.error.code) ? (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Try again
            </button>
          ) : null}
          <a className="button button-secondary" href="/join">
            Join another session
          </a>
        </div>
      </main>
    );
  }

  const session = state.session;
  const self = state.self;
  const pending = Object.values(state.answers).filter((a) => a.status === 'sending').length;
  const slide: PublicSlideView | undefined =
    session?.pacing === 'student' ? session.slides[self?.position ?? 0] : session?.slides[0];

  const reasonNotAnswerable = (s: PublicSlideView): string | null => {
    if (session?.status === 'ended') return 'The session has ended.';
    if (pastDue) return 'This homework is past its due time: answers are closed.';
    // Past their own deadline the slide may still be open for students with extended time.
    if (s.locked || (s.id === liveSlide?.id && pastOwnDeadline)) return 'Answers are locked.';
    if (self && s.index < self.firstAnswerableIndex)
      return 'You joined after this question; answer the next one.';
    return null;
  };

  const submit = (answer: Answer) => {
    if (slide) client?.submitAnswer(slide.id, answer);
  };

  return (
    <main className={`page ${styles.narrow}`}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker}>{session?.title ?? 'Connecting…'}</p>
          <h1 className={styles.name}>{self ? self.name : 'Joining…'}</h1>
        </div>
        {session ? (
          <p className={styles.progress}>
            Slide {(slide?.index ?? 0) + 1} of {session.slideCount}
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
          The session has ended. Thank you!
        </p>
      ) : null}
      {self?.waiting && session?.status !== 'ended' ? (
        // The teacher admits students from the waiting room: nothing to answer until then.
        <p className={`card ${styles.waiting}`} role="status">
          You are in the waiting room. Your teacher will let you in soon.
        </p>
      ) : slide ? (
        <StudentSlide
          slide={slide}
          answer={state.answers[slide.id]}
          answerable={reasonNotAnswerable(slide) === null}
          notAnswerableReason={reasonNotAnswerable(slide)}
          onSubmit={submit}
          extendedTime={self?.extendedTime}
        />
      ) : (
        <p className="card" role="status">
          {session ? 'Waiting for your teacher…' : 'Connecting to your class…'}
        </p>
      )}
      {session?.pacing === 'student' && self && !self.waiting ? (
        <nav className={styles.pager} aria-label="Slides">
          <button
            type="button"
            className="button button-secondary"
            disabled={self.position <= 0}
            onClick={() => void client?.navigate(self.position - 1)}
          >
            Previous slide
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={self.position >= session.slideCount - 1}
            onClick={() => void client?.navigate(self.position + 1)}
          >
            Next slide
          </button>
        </nav>
      ) : null}
    </main>
  );
}
