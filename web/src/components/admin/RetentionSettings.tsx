'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi } from '../teacher/api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import styles from './admin.module.css';

interface DayLimits {
  minDays: number;
  maxDays: number;
}

/** A whole number of days within the policy's limits (the server checks them again). */
function DaysField(props: {
  id: string;
  name: string;
  label: string;
  limits: DayLimits;
  value: number;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="number"
        className="number-input"
        min={props.limits.minDays}
        max={props.limits.maxDays}
        step={1}
        required
        defaultValue={props.value}
      />
    </div>
  );
}

/** The admin's retention policy form: days until deletion and the longest keep (server-checked). */
export function RetentionSettings({
  retentionDays,
  maxKeepDays,
  limits,
}: {
  retentionDays: number;
  maxKeepDays: number;
  limits: DayLimits;
}) {
  const t = useTranslations('privacy.admin');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setSaved(false);
    const result = await callApi('/api/admin/retention', {
      method: 'PUT',
      body: {
        retentionDays: Number(data.get('retentionDays')),
        maxKeepDays: Number(data.get('maxKeepDays')),
      },
    });
    setBusy(false);
    if (!result.ok) return setError(t('invalid'));
    setSaved(true);
    router.refresh();
  };

  return (
    <section aria-labelledby="retention-heading" className={`card ${styles.section}`}>
      <h2 id="retention-heading">{t('retentionHeading')}</h2>
      <ErrorAlert message={error} />
      <form onSubmit={(e) => void save(e)}>
        <DaysField
          id="retention-days"
          name="retentionDays"
          label={t('retentionDays')}
          limits={limits}
          value={retentionDays}
        />
        <DaysField
          id="max-keep-days"
          name="maxKeepDays"
          label={t('maxKeepDays')}
          limits={limits}
          value={maxKeepDays}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('save')}
        </button>
        <p role="status">{saved ? t('saved') : ''}</p>
      </form>
    </section>
  );
}
