'use client';

import { LIMITS, studentNameSchema } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { LanguagePicker } from '../locale/LanguagePicker.tsx';

type NameProblem = 'nameMissing' | 'nameInvisible' | 'nameTooLong' | 'nameNotAllowed' | 'checkName';

/** The protocol's name check, in the student's words (its own messages are English). */
function nameProblem(raw: string): NameProblem | null {
  const parsed = studentNameSchema.safeParse(raw);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  switch (issue?.code) {
    case 'too_small':
    case 'invalid_type':
      return 'nameMissing';
    case 'too_big':
      return 'nameTooLong';
    case 'custom':
      return 'nameInvisible';
    case 'invalid_format':
      return 'nameNotAllowed';
    default:
      return 'checkName';
  }
}

/**
 * `ready` is false until the page is interactive: before hydration a click would submit the
 * plain HTML form, reload the page and lose the name. `onStart` is told when the student first
 * touches the form, so the session client loads while they type.
 */
export function NameForm({
  code,
  ready,
  onStart,
  onJoin,
}: {
  code: string;
  ready: boolean;
  onStart: () => void;
  onJoin: (name: string) => void;
}) {
  const t = useTranslations('student.nameForm');
  const [error, setError] = useState<NameProblem | null>(null);

  // Read from the form, not React state: text typed before the page became interactive counts.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get('name');
    const text = typeof raw === 'string' ? raw : '';
    const problem = nameProblem(text);
    setError(problem);
    if (problem) return;
    const parsed = studentNameSchema.safeParse(text);
    if (parsed.success) onJoin(parsed.data);
  };

  return (
    <>
      <LanguagePicker />
      <form onSubmit={submit} onFocus={onStart} onPointerDown={onStart} className="card" noValidate>
        <p>
          {t.rich('joining', {
            code,
            b: (chunks) => (
              <strong translate="no" dir="ltr">
                {chunks}
              </strong>
            ),
          })}
        </p>
        <div className="field">
          <label htmlFor="student-name">{t('nameLabel')}</label>
          <input
            id="student-name"
            name="name"
            autoComplete="given-name"
            maxLength={60}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'student-name-error' : undefined}
            required
          />
          {error ? (
            <p id="student-name-error" className="field-error" role="alert">
              {t(error, { max: LIMITS.studentNameMax })}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={!ready}>
          {t('join')}
        </button>
      </form>
    </>
  );
}
