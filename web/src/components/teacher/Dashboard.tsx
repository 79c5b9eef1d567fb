'use client';

import {
  isInClass,
  type StudentTransport,
  type TeacherCommand,
} from '@classpulse/realtime/protocol';
import Link from 'next/link';
import { useState } from 'react';
import { usePageMetrics, type MetricsSettings } from '../../lib/use-page-metrics.ts';
import { SlideResults } from '../results/SlideResults.tsx';
import styles from './dashboard.module.css';
import { slideGrades } from '../../lib/slide-grades.ts';
import { Roster } from './Roster.tsx';
import { ScoresPanel } from './ScoresPanel.tsx';
import { SlideGradesPanel } from './SlideGradesPanel.tsx';
import { SlideControls } from './SlideControls.tsx';
import { SlidePreview } from './SlidePreview.tsx';
import { callApi } from './api.ts';
import { CoTeachers } from './CoTeachers.tsx';
import { JoiningControls } from './JoiningControls.tsx';
import { QuizControls } from './QuizControls.tsx';
import { StudentConnectionControls } from './StudentConnectionControls.tsx';
import { useTeacherSession } from './use-teacher-session.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** Names listed under “Not answered yet”. */
const NOT_ANSWERED_SHOWN = 50;

interface Props {
  sessionId: string;
  joinCode: string;
  joinUrl: string;
  qrSvg: string;
  metrics: MetricsSettings;
  /** Firebase mode: the deployment's student transport and dark-launch share; else null. */
  firebaseDefaults: { studentTransport: StudentTransport; darkLaunchShare: number } | null;
}

export function Dashboard({
  sessionId,
  joinCode,
  joinUrl,
  qrSvg,
  metrics,
  firebaseDefaults,
}: Props) {
  const { client, state, error } = useTeacherSession(sessionId, usePageMetrics('teacher', metrics));
  const [commandError, setCommandError] = useState<string | null>(null);

  const command = async (command: TeacherCommand): Promise<boolean> => {
    const ack = await client?.command(command);
    if (!ack) return false;
    setCommandError(ack.ok ? null : ack.message);
    return ack.ok;
  };
  const send = (c: TeacherCommand) => void command(c);

  const snapshot = state?.teacher;
  const session = snapshot?.state;
  const slide = session?.deck.slides[session.currentSlideIndex];
  const responses = slide && session ? (session.responses[slide.id] ?? {}) : {};
  const students = session ? Object.values(session.students).filter(isInClass) : [];
  const notAnswered = students.filter((s) => !responses[s.id]);
  const answeredCount = students.length - notAnswered.length;
  const runtime = slide && session ? session.slides[slide.id] : undefined;
  // Correctness only once revealed, as on the projector and the students' devices.
  const grades =
    session && slide && runtime?.correctRevealed ? slideGrades(session, slide.id) : null;

  return (
    <main className={`page ${styles.dashboard}`}>
      <header className="page-header">
        <div>
          <p className="page-kicker">{session?.status === 'ended' ? 'Ended' : 'Live session'}</p>
          <h1 className="page-title">{session?.deck.title ?? 'Connecting…'}</h1>
        </div>
        <div className={styles.headerActions}>
          <Link
            className="button button-secondary"
            href={`/teacher/sessions/${sessionId}/projector`}
            target="_blank"
          >
            Open projector view
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/report`}>
            Report
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/health`}>
            Health
          </Link>
          <Link className="button button-secondary" href="/teacher">
            Library
          </Link>
          {session?.status === 'live' ? (
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                window.confirm('End the session for everyone?') && send({ type: 'endSession' })
              }
            >
              End session
            </button>
          ) : null}
        </div>
      </header>

      <ErrorAlert message={error} />
      <ErrorAlert message={commandError} />
      {state && state.status !== 'connected' ? (
        <p className={styles.connection} role="status">
          {state.status === 'closed'
            ? (state.error?.message ?? 'Disconnected.')
            : 'Reconnecting to the live session…'}
        </p>
      ) : null}

      <section className={`card ${styles.join}`} aria-label="How students join">
        <div>
          <p className={styles.muted}>
            Join at {joinUrl.replace(/\/join\/.*$/, '/join')} with code
          </p>
          <p className={styles.code} aria-label={`Join code ${joinCode.split('').join(' ')}`}>
            {joinCode}
          </p>
          <p className={styles.muted}>
            or open <a href={joinUrl}>{joinUrl}</a>
          </p>
        </div>
        <div
          className={styles.qr}
          role="img"
          aria-label={`QR code for ${joinUrl}`}
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      </section>

      {session && slide ? (
        <div className={styles.grid}>
          <div className={styles.main}>
            <SlideControls state={session} send={send} />
            {/* The slide, its picture and notes next: what the teacher reads while presenting. */}
            <section className="card" aria-labelledby="current-slide-heading">
              <h2 id="current-slide-heading" className={styles.panelTitle}>
                {slide.title || slide.question?.prompt || `Slide ${session.currentSlideIndex + 1}`}
              </h2>
              <SlidePreview slide={slide} />
              {slide.question ? (
                <>
                  <p className={styles.prompt}>{slide.question.prompt}</p>
                  <p className={styles.count} aria-live="polite">
                    {answeredCount} of {students.length} answered
                  </p>
                  <SlideResults
                    question={slide.question}
                    entries={Object.entries(responses).map(([studentId, r]) => ({
                      studentId,
                      answer: r.answer,
                      hidden: r.hidden,
                      name: session.students[studentId]?.name ?? 'Unknown',
                    }))}
                    correctRevealed={runtime?.correctRevealed ?? false}
                    onToggleHidden={(studentId, hidden) =>
                      send({ type: 'hideResponse', slideId: slide.id, studentId, hidden })
                    }
                  />
                  {grades && runtime?.correctRevealed ? <SlideGradesPanel grades={grades} /> : null}
                </>
              ) : (
                <p className={styles.muted}>This slide has no question.</p>
              )}
            </section>
            <QuizControls
              state={session}
              send={command}
              // The library says "Due …" or "Final" from what it remembers.
              onDueAtChanged={(dueAt) =>
                void callApi(`/api/sessions/${sessionId}/due-at`, {
                  method: 'POST',
                  body: { dueAt },
                })
              }
            />
            {firebaseDefaults ? (
              <StudentConnectionControls
                state={session}
                defaults={firebaseDefaults}
                send={command}
                // Student pages opened from now on start on the new transport.
                onTransportChanged={(transport) =>
                  void callApi(`/api/sessions/${sessionId}/student-transport`, {
                    method: 'POST',
                    body: { transport },
                  })
                }
              />
            ) : null}
          </div>
          <aside className={styles.side}>
            {slide.question ? (
              <section className="card" aria-labelledby="not-answered-heading">
                <h2 id="not-answered-heading" className={styles.panelTitle}>
                  Not answered yet ({notAnswered.length})
                </h2>
                {notAnswered.length === 0 ? (
                  <p className={styles.muted}>Everyone has answered.</p>
                ) : (
                  <ul className={styles.plainList}>
                    {/* Names to call on, not a census: a hall's thousands stay out of the page. */}
                    {notAnswered.slice(0, NOT_ANSWERED_SHOWN).map((s) => (
                      <li key={s.id}>{s.name}</li>
                    ))}
                    {notAnswered.length > NOT_ANSWERED_SHOWN ? (
                      <li className={styles.muted}>
                        and {notAnswered.length - NOT_ANSWERED_SHOWN} more
                      </li>
                    ) : null}
                  </ul>
                )}
              </section>
            ) : null}
            <ScoresPanel state={session} />
            <JoiningControls state={session} send={send} />
            <CoTeachers sessionId={sessionId} />
            <Roster
              state={session}
              presence={snapshot.presence}
              onRemove={(studentId, name) =>
                window.confirm(`Remove ${name} from the session?`) &&
                send({ type: 'removeStudent', studentId })
              }
              onExtendedTime={(studentId, extendedTime) =>
                send({ type: 'setExtendedTime', studentId, extendedTime })
              }
            />
          </aside>
        </div>
      ) : null}
    </main>
  );
}
