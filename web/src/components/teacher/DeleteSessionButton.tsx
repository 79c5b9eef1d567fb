'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { callApi } from './api.ts';

/** Deletes the session and every answer in it, after the owner confirms. */
export function DeleteSessionButton({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    if (!window.confirm('Delete this session and every answer in it? This cannot be undone.'))
      return;
    const result = await callApi(`/api/sessions/${sessionId}`, { method: 'DELETE' });
    if (!result.ok) return setError(result.message);
    router.push('/teacher');
    router.refresh();
  };
  return (
    <>
      <button type="button" className="button button-danger" onClick={() => void remove()}>
        Delete session
      </button>
      <ErrorAlert message={error} />
    </>
  );
}
