'use client';

import {
  DEFAULT_CLASS_SIZE,
  isInClass,
  LIMITS,
  type SessionState,
  type TeacherCommand,
} from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import { countText } from './count-text.ts';
import { useState, type FormEvent } from 'react';
import styles from './dashboard.module.css';
import { WaitingRoom } from './WaitingRoom.tsx';

/**
 * Who may join: close the session to new students, the class size (raised live, say for a
 * second class joining), the waiting room, and removed students, who stay out until they are
 * let back in.
 */
export function JoiningControls({
  state,
  send,
}: {
  state: SessionState;
  send: (command: TeacherCommand) => void;
}) {
  const t = useTranslations('dashboard.joining');
  const format = useFormatter();
  const students = Object.values(state.students);
  const inSession = students.filter(isInClass).length;
  const removed = students.filter((s) => s.removed);
  const classSize = state.settings.classSize ?? LIMITS.studentsPerSessionMax;
  const locked = state.settings.joinLocked === true;
  const ended = state.status === 'ended';
  const [error, setError] = useState<string | null>(null);

  // Read from the form: what was typed before the page was interactive counts.
  const setSize = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get('class-size'));
    if (!Number.isInteger(value) || value < 1 || value > LIMITS.studentsPerSessionMax)
      return setError(t('wholeNumber', { max: LIMITS.studentsPerSessionMax }));
    setError(null);
    send({ type: 'setClassSize', classSize: value });
  };

  return (
    <section className="card" aria-labelledby="joining-heading">
      <h2 id="joining-heading" className={styles.panelTitle}>
        {t('heading')}
      </h2>
      <p className={styles.muted} role="status">
        {t(locked ? 'summaryClosed' : 'summaryOpen', {
          count: countText(format, inSession),
          size: countText(format, classSize),
        })}
      </p>
      <div className={styles.controlRow}>
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={locked}
          disabled={ended}
          onClick={() => send({ type: 'setJoinLocked', locked: !locked })}
        >
          {locked ? t('open') : t('close')}
        </button>
      </div>
      <WaitingRoom state={state} send={send} />
      <form className={styles.controlRow} onSubmit={setSize} noValidate>
        <label className={styles.inlineField}>
          {t('classSize')}
          <input
            name="class-size"
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.studentsPerSessionMax}
            defaultValue={state.settings.classSize ?? DEFAULT_CLASS_SIZE}
            key={classSize}
            className="number-input"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'class-size-error' : undefined}
          />
        </label>
        <button type="submit" className="button button-secondary" disabled={ended}>
          {t('setClassSize')}
        </button>
        {error ? (
          <p id="class-size-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {removed.length > 0 ? (
        <>
          <h3 className={styles.panelSubtitle}>
            {t('removed', { count: countText(format, removed.length) })}
          </h3>
          <ul className="row-list">
            {removed.map((s) => (
              <li key={s.id}>
                <span translate="no">{s.name}</span>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => send({ type: 'readmitStudent', studentId: s.id })}
                >
                  {t('letBackIn', { name: s.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
