'use client';

import { studentNameSchema } from '@classpulse/realtime/protocol';
import { useState, type FormEvent } from 'react';

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
  const [error, setError] = useState<string | null>(null);

  // Read from the form, not React state: text typed before the page became interactive counts.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get('name');
    const parsed = studentNameSchema.safeParse(typeof raw === 'string' ? raw : '');
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check your name.');
    setError(null);
    onJoin(parsed.data);
  };

  return (
    <form onSubmit={submit} onFocus={onStart} onPointerDown={onStart} className="card" noValidate>
      <p>
        Joining session <strong>{code}</strong>
      </p>
      <div className="field">
        <label htmlFor="student-name">Your name</label>
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
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={!ready}>
        Join
      </button>
    </form>
  );
}
