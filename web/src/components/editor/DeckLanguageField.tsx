'use client';

import { useTranslations } from 'next-intl';
import { CONTENT_LANGUAGES } from './content-languages.ts';
import { DECK_LANGUAGE_ID } from './field-errors.ts';
import { describe, FieldErrorList, Hint, useFieldErrors } from './fields.tsx';
import styles from './editor.module.css';

/**
 * The language the deck's slides are written in: their `lang` on every screen (screen readers
 * pronounce it right), the projector's language and the read-aloud voice. Languages are listed by
 * their own names; a deck in a language not on the list keeps it, listed by its tag.
 */
export function DeckLanguageField({
  value,
  onChange,
}: {
  value: string;
  onChange: (language: string) => void;
}) {
  const t = useTranslations('editor');
  const errors = useFieldErrors(DECK_LANGUAGE_ID);
  const known = CONTENT_LANGUAGES.some((l) => l.tag === value);
  return (
    <div className={`field ${styles.field} ${styles.deckLanguage}`}>
      <label htmlFor={DECK_LANGUAGE_ID}>{t('deckEditor.deckLanguage')}</label>
      <Hint id={DECK_LANGUAGE_ID}>{t('deckEditor.deckLanguageHint')}</Hint>
      <select
        id={DECK_LANGUAGE_ID}
        translate="no"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        {...describe(DECK_LANGUAGE_ID, true, errors)}
      >
        {known ? null : <option value={value}>{value}</option>}
        {CONTENT_LANGUAGES.map((language) => (
          <option key={language.tag} value={language.tag} lang={language.tag}>
            {language.name}
          </option>
        ))}
      </select>
      <FieldErrorList id={DECK_LANGUAGE_ID} errors={errors} />
    </div>
  );
}
