'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { contentAttributes } from './content-languages.ts';
import styles from './editor.module.css';

/** What every field needs from the editor: its error messages and a way to move focus. */
export interface EditorContextValue {
  errors: ReadonlyMap<string, readonly string[]>;
  /** Focuses the element with this DOM id after the next render. */
  requestFocus: (id: string) => void;
  uploadMaxBytes: number;
  /** The deck's content language (BCP 47): the `lang` and `dir` of every text field. */
  contentLanguage: string;
}

const NO_ERRORS: readonly string[] = [];

export const EditorContext = createContext<EditorContextValue>({
  errors: new Map(),
  requestFocus: () => {},
  uploadMaxBytes: 5 * 1024 * 1024,
  contentLanguage: 'en',
});

/** `lang` and `dir` of the deck's content, for inputs and previews of what students read. */
export const useContentAttributes = (): { lang: string; dir: 'ltr' | 'rtl' } =>
  contentAttributes(useContext(EditorContext).contentLanguage);

/** " (optional)" after a label, in the teacher's language. */
export function OptionalMark() {
  const t = useTranslations('editor');
  return <span className={styles.optional}>{t('fields.optional')}</span>;
}

export const useEditor = (): EditorContextValue => useContext(EditorContext);

export function useFieldErrors(id: string): readonly string[] {
  return useContext(EditorContext).errors.get(id) ?? NO_ERRORS;
}

/** aria attributes that tie a control to its hint and error messages. */
export function describe(
  id: string,
  hasHint: boolean,
  errors: readonly string[],
): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  const ids = [hasHint ? `${id}-hint` : null, errors.length > 0 ? `${id}-error` : null].filter(
    (x): x is string => x !== null,
  );
  return {
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
    ...(errors.length > 0 ? { 'aria-invalid': true as const } : {}),
  };
}

export function FieldErrorList({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={`${id}-error`} className={`field-error ${styles.fieldError}`}>
      {errors.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className={styles.hint}>
      {children}
    </p>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  hint?: ReactNode;
  placeholder?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  /** Shows "n / max" under the field. */
  showCount?: boolean;
  className?: string;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  maxLength,
  hint,
  placeholder,
  required,
  multiline,
  rows = 4,
  showCount,
  className,
}: TextFieldProps) {
  const errors = useFieldErrors(id);
  const format = useFormatter();
  const content = useContentAttributes();
  const common = {
    id,
    ...content,
    value,
    maxLength,
    placeholder,
    required,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    ...describe(id, hint !== undefined, errors),
  };
  return (
    <div className={`field ${styles.field} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? null : <OptionalMark />}
      </label>
      {hint !== undefined ? <Hint id={id}>{hint}</Hint> : null}
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      {showCount ? (
        <p className={styles.counter} aria-hidden="true">
          {format.number(value.length)} / {format.number(maxLength)}
        </p>
      ) : null}
      <FieldErrorList id={id} errors={errors} />
    </div>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: number | undefined;
  /** undefined for an empty optional box; NaN for text that is not a number (the schema says so). */
  onChange: (value: number | undefined) => void;
  integer?: boolean;
  min?: number;
  max?: number;
  required?: boolean;
  hint?: ReactNode;
  className?: string;
}

const numberText = (n: number | undefined): string =>
  n === undefined || Number.isNaN(n) ? '' : String(n);

/**
 * A number box that keeps what the teacher typed ("-", "1.") while the draft holds a number.
 * Remounted per slide (its parent is keyed by slide id), so it never shows a stale value.
 */
export function NumberField({
  id,
  label,
  value,
  onChange,
  integer,
  min,
  max,
  required,
  hint,
  className,
}: NumberFieldProps) {
  const errors = useFieldErrors(id);
  const [text, setText] = useState(() => numberText(value));
  return (
    <div className={`field ${styles.field} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? null : <OptionalMark />}
      </label>
      {hint !== undefined ? <Hint id={id}>{hint}</Hint> : null}
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : undefined}
        step={integer ? 1 : 'any'}
        min={min}
        max={max}
        required={required}
        value={text}
        className={styles.numberInput}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          if (e.target.validity.badInput) onChange(NaN);
          else if (raw.trim() === '') onChange(required ? NaN : undefined);
          else onChange(Number(raw));
        }}
        {...describe(id, hint !== undefined, errors)}
      />
      <FieldErrorList id={id} errors={errors} />
    </div>
  );
}

interface SelectFieldProps<T extends string | number> {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  hint?: ReactNode;
  className?: string;
}

export function SelectField<T extends string | number>({
  id,
  label,
  value,
  options,
  onChange,
  hint,
  className,
}: SelectFieldProps<T>) {
  const errors = useFieldErrors(id);
  return (
    <div className={`field ${styles.field} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined ? <Hint id={id}>{hint}</Hint> : null}
      <select
        id={id}
        value={String(value)}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
        {...describe(id, hint !== undefined, errors)}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrorList id={id} errors={errors} />
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}

export function CheckboxField({ id, label, checked, onChange, hint }: CheckboxFieldProps) {
  const errors = useFieldErrors(id);
  return (
    <div className={styles.checkboxField}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        {...describe(id, hint !== undefined, errors)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint !== undefined ? <Hint id={id}>{hint}</Hint> : null}
        <FieldErrorList id={id} errors={errors} />
      </div>
    </div>
  );
}
