'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useTransition } from 'react';
import { isOfferedLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from '../../i18n/locales.ts';
import styles from './language-picker.module.css';
import { useChoiceBeforeHydration } from './use-choice-before-hydration.ts';

/** Where the device remembers the choice when cookies are cleared (school machines often do). */
const STORAGE_KEY = 'classpulse:v1:locale';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

function writeCookie(locale: string): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_S}; SameSite=Lax`;
}

function cookieLocale(): string | undefined {
  return document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the cookie alone remembers
  }
}

/**
 * The interface language: each language in its own name (and `lang`), so a reader finds theirs
 * without reading the current one. A choice sets the cookie the server reads and this device's
 * storage, then re-renders the server parts: what was typed into the page stays.
 */
export function LanguagePicker() {
  const t = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [, startTransition] = useTransition();

  const choose = (next: string) => {
    if (!isOfferedLocale(next)) return;
    writeCookie(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage blocked: the cookie alone remembers
    }
    startTransition(() => router.refresh());
  };
  // First, so a choice made before hydration sets the cookie before the stored one is restored.
  const select = useChoiceBeforeHydration(locale, choose);
  // A choice this device remembers whose cookie was cleared: bring it back.
  useEffect(() => {
    const stored = storedLocale();
    if (isOfferedLocale(stored) && cookieLocale() === undefined && stored !== locale) {
      writeCookie(stored);
      startTransition(() => router.refresh());
    }
  }, [locale, router]);

  return (
    <div className={styles.picker}>
      <label htmlFor={id}>{t('language')}</label>
      <select
        ref={select}
        id={id}
        value={locale}
        onChange={(event) => choose(event.currentTarget.value)}
      >
        {LOCALES.map((tag) => (
          <option key={tag} value={tag} lang={tag} translate="no">
            {LOCALE_NAMES[tag]}
          </option>
        ))}
      </select>
    </div>
  );
}
