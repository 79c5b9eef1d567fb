'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { LanguagePicker } from '../locale/LanguagePicker.tsx';
import { joinCodeTag } from './join-code-tag.tsx';

type NameProblem = 'nameMissing' | 'nameInvisible' | 'nameTooLong' | 'nameNotAllowed' | 'checkName';

type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem; max: number };

/**
 * The protocol's name check, in the student's words (its own messages are English). The schema
 * library loads with the session client (the form's first touch starts that), not with the page.
 */
async function checkName(raw: string): Promise<NameCheck> {
  const { studentNameSchema } = await import('@classpulse/realtime/protocol');
  const parsed = studentNameSchema.safeParse(raw);
  if (parsed.success) return { ok: true, name: parsed.data };
  const issue = parsed.error.issues[0];
  const max = issue?.code === 'too_big' ? Number(issue.maximum) : 0;
  switch (issue?.code) {
    case 'too_small':
    case 'invalid_type':
      return { ok: false, problem: 'nameMissing', max };
    case 'too_big':
      return { ok: false, problem: 'nameTooLong', max };
    case 'custom':
      return { ok: false, problem: 'nameInvisible', max };
    case 'invalid_format':
      return { ok: false, problem: 'nameNotAllowed', max };
    default:
      return { ok: false, problem: 'checkName', max };
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
  const [error, setError] = useState<{ problem: NameProblem; max: number } | null>(null);

  // Read from the form, not React state: text typed before the page became interactive counts.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get('name');
    void checkName(typeof raw === 'string' ? raw : '').then((check) => {
      if (!check.ok) return setError({ problem: check.problem, max: check.max });
      setError(null);
      onJoin(check.name);
    });
  };

  return (
    <>
      <LanguagePicker />
      <form onSubmit={submit} onFocus={onStart} onPointerDown={onStart} className="card" noValidate>
        <p>
          {t.rich('joining', {
            code,
            b: joinCodeTag,
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
              {t(error.problem, { max: error.max })}
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
