'use client';

import {
  isInClass,
  type StudentTransport,
  type TeacherCommand,
} from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
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
import { countText } from './count-text.ts';
import { CoTeachers } from './CoTeachers.tsx';
import { JoiningControls } from './JoiningControls.tsx';
import { QuizControls } from './QuizControls.tsx';
import { StudentConnectionControls } from './StudentConnectionControls.tsx';
import { useTeacherSession } from './use-teacher-session.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { contentLanguageProps } from './content-language.ts';
import { useErrorText } from '../../i18n/use-error-text.ts';

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
  const t = useTranslations('dashboard.dashboard');
  const errorText = useErrorText();
  const format = useFormatter();
  const count = (n: number) => countText(format, n);
  const { client, state, error } = useTeacherSession(sessionId, usePageMetrics('teacher', metrics));
  const [commandError, setCommandError] = useState<string | null>(null);

  const command = async (command: TeacherCommand): Promise<boolean> => {
    const ack = await client?.command(command);
    if (!ack) return false;
    setCommandError(ack.ok ? null : ack.code);
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

  // The deck's own words in its language (right to left where it is), whatever the page's.
  const content = contentLanguageProps(session?.deck.language);
  return (
    <main className={`page ${styles.dashboard}`}>
      <header className="page-header">
        <div>
          <p className="page-kicker">{session?.status === 'ended' ? t('ended') : t('live')}</p>
          {session ? (
            <h1 className="page-title" {...content}>
              {session.deck.title}
            </h1>
          ) : (
            <h1 className="page-title">{t('connecting')}</h1>
          )}
        </div>
        <div className={styles.headerActions}>
          <Link
            className="button button-secondary"
            href={`/teacher/sessions/${sessionId}/projector`}
            target="_blank"
          >
            {t('openProjector')}
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/report`}>
            {t('report')}
          </Link>
          <Link className="button button-secondary" href={`/teacher/sessions/${sessionId}/health`}>
            {t('health')}
          </Link>
          <Link className="button button-secondary" href="/teacher">
            {t('library')}
          </Link>
          {session?.status === 'live' ? (
            <button
              type="button"
              className="button button-danger"
              onClick={() => window.confirm(t('confirmEnd')) && send({ type: 'endSession' })}
            >
              {t('endSession')}
            </button>
          ) : null}
        </div>
      </header>

      <ErrorAlert message={error ? errorText(error) : null} />
      <ErrorAlert message={commandError ? errorText(commandError) : null} />
      {state && state.status !== 'connected' ? (
        <p className={styles.connection} role="status">
          {state.status === 'closed'
            ? state.error
              ? errorText(state.error)
              : t('disconnected')
            : t('reconnecting')}
        </p>
      ) : null}

      <section className={`card ${styles.join}`} aria-label={t('howToJoin')}>
        <div>
          <p className={styles.muted}>
            {t.rich('joinAt', {
              url: () => <span translate="no">{joinUrl.replace(/\/join\/.*$/, '/join')}</span>,
            })}
          </p>
          <p
            className={styles.code}
            translate="no"
            aria-label={t('joinCodeLabel', { code: joinCode.split('').join(' ') })}
          >
            {joinCode}
          </p>
          <p className={styles.muted}>
            {t.rich('orOpen', {
              link: () => (
                <a href={joinUrl} translate="no">
                  {joinUrl}
                </a>
              ),
            })}
          </p>
        </div>
        <div
          className={styles.qr}
          role="img"
          aria-label={t('qrLabel', { url: joinUrl })}
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      </section>

      {session && slide ? (
        <div className={styles.grid}>
          <div className={styles.main}>
            <SlideControls state={session} send={send} />
            {/* The slide, its picture and notes next: what the teacher reads while presenting. */}
            <section className="card" aria-labelledby="current-slide-heading">
              <h2 id="current-slide-heading" className={styles.panelTitle} {...content}>
                {slide.title ||
                  slide.question?.prompt ||
                  t('slideNumber', { number: session.currentSlideIndex + 1 })}
              </h2>
              <SlidePreview slide={slide} />
              {slide.question ? (
                <>
                  <p className={styles.prompt} {...content}>
                    {slide.question.prompt}
                  </p>
                  <p className={styles.count} aria-live="polite">
                    {t('answeredCount', {
                      answered: count(answeredCount),
                      total: count(students.length),
                    })}
                  </p>
                  <SlideResults
                    question={slide.question}
                    entries={Object.entries(responses).map(([studentId, r]) => ({
                      studentId,
                      answer: r.answer,
                      hidden: r.hidden,
                      name: session.students[studentId]?.name ?? t('unknownStudent'),
                    }))}
                    correctRevealed={runtime?.correctRevealed ?? false}
                    onToggleHidden={(studentId, hidden) =>
                      send({ type: 'hideResponse', slideId: slide.id, studentId, hidden })
                    }
                  />
                  {grades && runtime?.correctRevealed ? <SlideGradesPanel grades={grades} /> : null}
                </>
              ) : (
                <p className={styles.muted}>{t('noQuestion')}</p>
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
                  {t('notAnswered', { count: count(notAnswered.length) })}
                </h2>
                {notAnswered.length === 0 ? (
                  <p className={styles.muted}>{t('everyoneAnswered')}</p>
                ) : (
                  <ul className={styles.plainList}>
                    {/* Names to call on, not a census: a hall's thousands stay out of the page. */}
                    {notAnswered.slice(0, NOT_ANSWERED_SHOWN).map((s) => (
                      <li key={s.id} translate="no">
                        {s.name}
                      </li>
                    ))}
                    {notAnswered.length > NOT_ANSWERED_SHOWN ? (
                      <li className={styles.muted}>
                        {t('andMore', { count: count(notAnswered.length - NOT_ANSWERED_SHOWN) })}
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
                window.confirm(t('confirmRemove', { name })) &&
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
