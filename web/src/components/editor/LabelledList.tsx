'use client';

import { useTranslations } from 'next-intl';
import type { KeyboardEvent, ReactNode } from 'react';
import { newClientId } from './client-ids.ts';
import {
  describe,
  FieldErrorList,
  useContentAttributes,
  useEditor,
  useFieldErrors,
} from './fields.tsx';
import { slideFieldId } from './field-errors.ts';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, PlusIcon } from './Icons.tsx';
import styles from './editor.module.css';
import list from './LabelledList.module.css';

/** The kinds of entry a list holds (each has its words in the catalog). */
export type ListNoun = 'item' | 'group';

export interface Labelled {
  id: string;
  label: string;
}

interface LabelledListProps<T extends Labelled> {
  slideId: string;
  /** The question property, also the fieldset's field id for list-level errors ("items"). */
  field: string;
  legend: string;
  hint: ReactNode;
  /** What an entry is: buttons read "Add item", "Remove group 2", "Move item 2 up". */
  noun: ListNoun;
  entries: readonly T[];
  min: number;
  max: number;
  maxLength: number;
  /** Called with the new list and, for a removal, the id that went. */
  onChange: (entries: T[], removedId?: string) => void;
  /** Move up / Move down buttons on each row. */
  reorderable?: boolean;
  /** More controls on a row, under its text (a row's "Correct group"). */
  extra?: (entry: T, index: number) => ReactNode;
  placeholder: (index: number) => string;
  /** A new, empty entry. */
  create: () => T;
}

/**
 * An editable list of labelled entries (a ranking's items, a sort's groups and items): a text box
 * per entry (Enter goes to the next, or adds one at the end), add, remove and, where order counts,
 * move up and down; focus follows the entry that moved or the neighbour of one removed.
 */
export function LabelledList<T extends Labelled>({
  slideId,
  field,
  legend,
  hint,
  noun,
  entries,
  min,
  max,
  maxLength,
  onChange,
  reorderable,
  extra,
  placeholder,
  create,
}: LabelledListProps<T>) {
  const t = useTranslations('editor');
  const { requestFocus } = useEditor();
  const groupId = slideFieldId(slideId, field);
  const groupErrors = useFieldErrors(groupId);
  const canAdd = entries.length < max;
  const canRemove = entries.length > min;
  const inputId = (id: string) => slideFieldId(slideId, `${noun}-${id}`);

  function add(afterIndex = entries.length - 1) {
    if (!canAdd) return;
    const entry = create();
    const next = [...entries];
    next.splice(afterIndex + 1, 0, entry);
    onChange(next);
    requestFocus(inputId(entry.id));
  }

  function remove(index: number) {
    const removed = entries[index];
    if (!removed || !canRemove) return;
    const next = entries.filter((_, i) => i !== index);
    onChange(next, removed.id);
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour) requestFocus(inputId(neighbour.id));
  }

  function move(index: number, to: number, direction: 'up' | 'down') {
    const entry = entries[index];
    if (!entry || to < 0 || to >= entries.length) return;
    const next = entries.filter((_, i) => i !== index);
    next.splice(to, 0, entry);
    onChange(next);
    // Keep focus on the button pressed; at the end of the list it is disabled, so take the other.
    const atEnd = direction === 'up' ? to === 0 : to === entries.length - 1;
    const button = atEnd ? (direction === 'up' ? 'down' : 'up') : direction;
    requestFocus(`${inputId(entry.id)}-${button}`);
  }

  return (
    <fieldset
      id={groupId}
      tabIndex={-1}
      className={styles.optionsGroup}
      aria-describedby={describe(groupId, true, groupErrors)['aria-describedby']}
    >
      <legend>{legend}</legend>
      <p id={`${groupId}-hint`} className={styles.hint}>
        {hint}
      </p>
      <FieldErrorList id={groupId} errors={groupErrors} />
      <ol className={list.list}>
        {entries.map((entry, index) => (
          <Row
            key={entry.id}
            id={inputId(entry.id)}
            number={index + 1}
            noun={noun}
            label={entry.label}
            maxLength={maxLength}
            placeholder={placeholder(index)}
            onLabel={(label) =>
              onChange(entries.map((e) => (e.id === entry.id ? { ...e, label } : e)))
            }
            onEnter={() => {
              const next = entries[index + 1];
              if (next) requestFocus(inputId(next.id));
              else add(index);
            }}
            canRemove={canRemove}
            min={min}
            onRemove={() => remove(index)}
            {...(reorderable
              ? {
                  onUp: index > 0 ? () => move(index, index - 1, 'up') : null,
                  onDown: index < entries.length - 1 ? () => move(index, index + 1, 'down') : null,
                }
              : {})}
          >
            {extra?.(entry, index)}
          </Row>
        ))}
      </ol>
      <div className={styles.optionFooter}>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => add()}
          disabled={!canAdd}
        >
          <PlusIcon />
          {t('labelledList.add', { noun })}
        </button>
        {!canAdd ? (
          <span className={styles.hint}>{t('labelledList.full', { noun, max })}</span>
        ) : null}
      </div>
    </fieldset>
  );
}

function Row({
  id,
  number,
  noun,
  label,
  maxLength,
  placeholder,
  onLabel,
  onEnter,
  canRemove,
  min,
  onRemove,
  onUp,
  onDown,
  children,
}: {
  id: string;
  number: number;
  noun: ListNoun;
  label: string;
  maxLength: number;
  placeholder: string;
  onLabel: (label: string) => void;
  onEnter: () => void;
  canRemove: boolean;
  min: number;
  onRemove: () => void;
  /** Present on reorderable lists; null at the list's end. */
  onUp?: (() => void) | null;
  onDown?: (() => void) | null;
  children: ReactNode;
}) {
  const t = useTranslations('editor');
  const content = useContentAttributes();
  const errors = useFieldErrors(id);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnter();
    }
  };
  const button = `button button-secondary ${styles.iconButton}`;
  return (
    <li className={onUp === undefined ? `${list.row} ${list.compact}` : list.row}>
      <label htmlFor={id} className={list.number}>
        <span className="visually-hidden">{t('labelledList.entry', { noun })}</span>
        {number}
      </label>
      <div className={list.text}>
        <input
          id={id}
          type="text"
          {...content}
          value={label}
          maxLength={maxLength}
          placeholder={placeholder}
          onChange={(e) => onLabel(e.target.value)}
          onKeyDown={onKeyDown}
          {...describe(id, false, errors)}
        />
        <FieldErrorList id={id} errors={errors} />
        {children}
      </div>
      <div className={list.buttons}>
        {onUp !== undefined ? (
          <>
            <button
              type="button"
              id={`${id}-up`}
              className={button}
              onClick={onUp ?? undefined}
              disabled={onUp === null}
            >
              <ArrowUpIcon />
              <span className="visually-hidden">{t('labelledList.moveUp', { noun, number })}</span>
            </button>
            <button
              type="button"
              id={`${id}-down`}
              className={button}
              onClick={onDown ?? undefined}
              disabled={onDown === null}
            >
              <ArrowDownIcon />
              <span className="visually-hidden">
                {t('labelledList.moveDown', { noun, number })}
              </span>
            </button>
          </>
        ) : null}
        <button
          type="button"
          className={button}
          onClick={onRemove}
          disabled={!canRemove}
          title={
            canRemove
              ? t('labelledList.remove', { noun, number })
              : t('labelledList.needAtLeast', { noun, min })
          }
        >
          <CloseIcon />
          <span className="visually-hidden">{t('labelledList.remove', { noun, number })}</span>
        </button>
      </div>
    </li>
  );
}

/** A new entry with a fresh id and no text. */
export const blankEntry = (): Labelled => ({ id: newClientId(), label: '' });
