'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { isOfferedLocale, LOCALE_NAMES, LOCALES, type OfferedLocale } from '../../i18n/locales.ts';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { useChoiceBeforeHydration } from '../locale/use-choice-before-hydration.ts';
import { callApi } from '../teacher/api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import styles from './accounts.module.css';

/**
 * The teacher's interface language: saved to their account (every device they sign in on follows)
 * and to this browser's language cookie, then the page renders again in it. Each language is
 * listed by its own name, so a teacher finds theirs without reading the current one.
 */
export function LanguageSelect() {
  const t = useTranslations('common');
  const errorText = useErrorText();
  const router = useRouter();
  const locale = useLocale();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (language: OfferedLocale) => {
    setBusy(true);
    setError(null);
    const result = await callApi('/api/account/language', { method: 'PUT', body: { language } });
    setBusy(false);
    if (!result.ok) return setError(errorText(result));
    router.refresh();
  };
  const select = useChoiceBeforeHydration(locale, (language) => void choose(language));

  return (
    <div className={styles.language}>
      <label htmlFor={id}>{t('language')}</label>
      <select
        ref={select}
        id={id}
        translate="no"
        value={isOfferedLocale(locale) ? locale : ''}
        disabled={busy}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          if (isOfferedLocale(chosen)) void choose(chosen);
        }}
      >
        {isOfferedLocale(locale) ? null : <option value="">{locale}</option>}
        {LOCALES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {LOCALE_NAMES[tag]}
          </option>
        ))}
      </select>
      <ErrorAlert message={error} />
    </div>
  );
}
