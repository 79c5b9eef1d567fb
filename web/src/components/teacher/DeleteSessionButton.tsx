'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { callApi } from './api.ts';

/** Deletes the session and every answer in it, after the owner confirms. */
export function DeleteSessionButton({ sessionId }: { sessionId: string }) {
  const t = useTranslations('reports.report');
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    if (!window.confirm(t('confirmDelete'))) return;
    const result = await callApi(`/api/sessions/${sessionId}`, { method: 'DELETE' });
    if (!result.ok) return setError(errorText(result));
    router.push('/teacher');
    router.refresh();
  };
  return (
    <>
      <button type="button" className="button button-danger" onClick={() => void remove()}>
        {t('deleteSession')}
      </button>
      <ErrorAlert message={error} />
    </>
  );
}
