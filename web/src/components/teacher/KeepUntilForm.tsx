'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { callApi } from './api.ts';

/** A chosen day as a moment: its middle (UTC), so it names that day in every time zone nearby. */
const middayUtc = (day: string): number => Date.parse(`${day}T12:00:00Z`);

/**
 * The owner keeps a session past the school's retention period, up to the policy's maximum;
 * the server checks the bounds (server/retention.ts) and says the latest date allowed.
 */
export function KeepUntilForm({
  sessionId,
  retentionDays,
  keepUntil,
}: {
  sessionId: string;
  retentionDays: number;
  keepUntil: number | null;
}) {
  const t = useTranslations('privacy.keep');
  const format = useFormatter();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const dateText = (at: number) => format.dateTime(at, { dateStyle: 'long', timeZone: 'UTC' });

  const send = async (value: number | null) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    const result = await callApi<{ keepUntil: number | null }>(
      `/api/sessions/${sessionId}/keep-until`,
      { method: 'PUT', body: { keepUntil: value } },
    );
    setBusy(false);
    if (result.ok) {
      setSaved(true);
      router.refresh();
      return;
    }
    const latest = (result as { latest?: number }).latest;
    setError(
      result.code === 'keep_too_long' && latest !== undefined
        ? t('tooLong', { date: dateText(latest) })
        : t('inPast'),
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const day = new FormData(event.currentTarget).get('keepUntil');
    if (typeof day === 'string' && day !== '') void send(middayUtc(day));
  };

  return (
    <section aria-labelledby="keep-heading">
      <h2 id="keep-heading">{t('heading')}</h2>
      <p>
        {keepUntil === null
          ? t('policy', { days: retentionDays })
          : t('keptUntil', { date: dateText(keepUntil) })}
      </p>
      <ErrorAlert message={error} />
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="keep-until">{t('label')}</label>
          <input id="keep-until" name="keepUntil" type="date" required />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('save')}
        </button>{' '}
        {keepUntil === null ? null : (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void send(null)}
          >
            {t('usePolicy')}
          </button>
        )}
        <p role="status">{saved ? t('saved') : ''}</p>
      </form>
    </section>
  );
}
