'use client';

import { studentNameSchema } from '@classpulse/realtime/protocol';
import { useState, type FormEvent } from 'react';

export function NameForm({ code, onJoin }: { code: string; onJoin: (name: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = studentNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check your name.');
    setError(null);
    onJoin(parsed.data);
  };

  return (
    <form onSubmit={submit} className="card" noValidate>
      <p>
        Joining session <strong>{code}</strong>
      </p>
      <div className="field">
        <label htmlFor="student-name">Your name</label>
        <input
          id="student-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
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
      <button type="submit" className="button">
        Join
      </button>
    </form>
  );
}
