'use client';

import {
  browserStorage,
  hasStoredIdentity,
  type SessionClient,
} from '@classpulse/realtime/client/core';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { NameForm } from './NameForm.tsx';
import type { SchoolSignIn } from './SchoolSignInPrompt.tsx';
import styles from './student.module.css';
import type { SessionConnection } from '../../lib/student-connection.ts';
import {
  useConnectionMetrics,
  useInteractive,
  usePageMetrics,
  type MetricsSettings,
} from '../../lib/use-page-metrics.ts';
import { useDarkLaunch } from '../../lib/use-dark-launch.ts';
import { adoptSignedInIdentity } from '../../lib/signed-in-handoff.ts';
import {
  loadClientModule,
  loadSocketTransport,
  useOnline,
  useSessionClientInstance,
} from '../../lib/use-session-client.ts';
import { useClientState } from './use-client-state.ts';
import { JOINING_ATTRIBUTE, KEPT_PAINT_SLOT_ATTRIBUTE } from './kept-paint-mark.ts';
import {
  forgetReturningMark,
  NEWCOMER_ATTRIBUTE,
  pageTransport,
  RESUMING_ATTRIBUTE,
} from './returning-student-mark.ts';

// The joined session (banners, the slide with the answer inputs of every kind) can only show once
// the lazily loaded session client has connected, so it stays out of the first load too; it is
// fetched alongside the client.
const loadStudentSession = () => import('./StudentSession.tsx').then((m) => m.StudentSession);
const StudentSession = dynamic(loadStudentSession, { loading: () => <LoadingQuestion /> });
// Only sessions whose students sign in show it.
const SchoolSignInPrompt = dynamic(() =>
  import('./SchoolSignInPrompt.tsx').then((m) => m.SchoolSignInPrompt),
);

/** The kept paint's slot stays empty for React: the page's inline script fills it. */
const EMPTY_SLOT = { __html: '' };

function LoadingQuestion() {
  const t = useTranslations('student.app');
  return <p className="card">{t('loadingQuestion')}</p>;
}

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
  void (code ? adoptSignedInIdentity(code) : Promise.resolve()).then(() => {
    if (isReturningStudent()) {
      void loadClientModule();
      void loadStudentSession();
      // So does the page's transport: on Firebase, the SDK (the longest download), not after
      // hydration; on the socket path, socket.io.
      const transport = pageTransport();
      if (transport === 'firebase')
        void import('@classpulse/realtime/client/firebase').then((m) => m.loadFirebaseSdk());
      else if (transport === 'socket') void loadSocketTransport();
    }
  });
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
  const t = useTranslations('student.app');
  const metrics = usePageMetrics('student', metricsSettings);
  // The client is wanted once the student starts joining or resumes a stored identity.
  const [wanted, setWanted] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  // Whether this browser has an identity for the code: unknown (null) until hydrated. Until then
  // the page's inline script decides what shows (returning-student-mark.ts).
  const [returning, setReturning] = useState<boolean | null>(null);
  const client = useSessionClientInstance(wanted ? connection : null);
  // Rendered in transitions: in slices a tap can interrupt (use-client-state.ts).
  const state = useClientState(client);
  // The session's setting may move the client between transports (Firebase mode).
  const current = state?.transport;
  const transport = current === 'socket' || current === 'firebase' ? current : connection.transport;
  useConnectionMetrics(metrics, transport, state?.status);
  useDarkLaunch(
    metrics,
    connection.realtimeUrl,
    state?.session?.darkLaunchShare ?? connection.darkLaunchShare,
    state?.transport === 'firebase' && Boolean(state.self),
  );
  const online = useOnline();
  // The name the student joined with ('' when resuming a stored identity), or null before joining.
  const [joinName, setJoinName] = useState<string | null>(null);
  const joinedWith = useRef<SessionClient | null>(null);
  const joined = joinName !== null;

  // The client is created in an effect after hydration, so a quick tap on Join can come first:
  // the request waits here until the client exists, instead of being lost. A reload resumes the
  // identity this browser already has for the code, with no name needed.
  useEffect(() => {
    setHydrated(true);
    let live = true;
    void adoptSignedInIdentity(code).then(() => {
      if (!live) return;
      const known = hasStoredIdentity(browserStorage(), code);
      setReturning(known);
      if (known) setWanted(true);
      else forgetReturningMark();
    });
    return () => {
      live = false;
    };
  }, [code]);

  // The name form (or a returning student's resume) works from hydration on.
  useInteractive(metrics, hydrated);

  const startLoading = () => {
    if (wanted) return;
    setWanted(true);
    void loadStudentSession();
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
    // A returning student (or one whose school sign-in is under way) waits for their class; a
    // new one gets the name form (or the school's sign-in) at once. Before hydration both are in
    // the page and the inline script's style picks one, so neither flashes.
    const connecting = returning === true || (signIn !== null && wanted);
    // A returning student's last view, painted by the page's inline script before hydration,
    // shows in the slot in place of this main until the live view replaces both.
    return (
      <>
        <div {...{ [KEPT_PAINT_SLOT_ATTRIBUTE]: '' }} inert dangerouslySetInnerHTML={EMPTY_SLOT} />
        <main className={`page ${styles.narrow}`} {...{ [JOINING_ATTRIBUTE]: '' }}>
          <h1>{t('joinHeading')}</h1>
          {connecting || returning === null ? (
            <p
              className={`card ${connecting ? '' : styles.resuming}`}
              role="status"
              {...(connecting ? {} : { [RESUMING_ATTRIBUTE]: '' })}
            >
              {t('connectingToClass')}
            </p>
          ) : null}
          {connecting ? null : (
            <div {...{ [NEWCOMER_ATTRIBUTE]: '' }}>
              {!signIn ? (
                <NameForm code={code} ready={hydrated} onStart={startLoading} onJoin={join} />
              ) : (
                <SchoolSignInPrompt code={code} signIn={signIn} />
              )}
            </div>
          )}
        </main>
      </>
    );
  }

  return (
    <StudentSession code={code} client={client} state={state} online={online} signIn={signIn} />
  );
}
