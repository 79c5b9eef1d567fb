'use client';

import { useTranslations } from 'next-intl';
import { useContentAttributes } from '../../components/editor/fields.tsx';
import { LIMITS } from '@classpulse/realtime/protocol';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { blankEntry, LabelledList } from '../../components/editor/LabelledList.tsx';
import { PointsField } from '../../components/editor/PointsField.tsx';
import type { KindFieldsProps, QuestionOf } from '../kind.ts';
import styles from './SortIntoGroupsFields.module.css';

type Sort = QuestionOf<'sort-into-groups'>;

/** The question with these correct groups, dropping the property when none is left. */
function withCorrect(question: Sort, correct: Record<string, string>): Sort {
  const { correctGroups: _old, ...rest } = question;
  return Object.keys(correct).length > 0 ? { ...rest, correctGroups: correct } : rest;
}

/** Entries of `correct` whose item and group are both still in the question. */
function keptCorrect(question: Sort): Record<string, string> {
  const items = new Set(question.items.map((i) => i.id));
  const groups = new Set(question.groups.map((g) => g.id));
  return Object.fromEntries(
    Object.entries(question.correctGroups ?? {}).filter(
      ([item, group]) => items.has(item) && groups.has(group),
    ),
  );
}

/** The groups, the items, each item's optional correct group, and the points. */
export function SortIntoGroupsFields({
  slideId,
  question,
  onChange,
}: KindFieldsProps<'sort-into-groups'>) {
  const t = useTranslations('editor');
  const content = useContentAttributes();
  const correct = question.correctGroups ?? {};
  // Removing an item or a group also removes the correct groups that named it.
  const update = (next: Sort) => onChange(withCorrect(next, keptCorrect(next)));
  return (
    <>
      <LabelledList
        slideId={slideId}
        field="groups"
        legend={t('sortFields.groups')}
        hint={t('sortFields.groupsHint', { min: LIMITS.sortGroupsMin, max: LIMITS.sortGroupsMax })}
        noun="group"
        entries={question.groups}
        min={LIMITS.sortGroupsMin}
        max={LIMITS.sortGroupsMax}
        maxLength={LIMITS.sortLabelMax}
        placeholder={(i) => t('fieldNames.group', { name: String(i + 1) })}
        create={blankEntry}
        onChange={(groups) => update({ ...question, groups })}
      />
      <LabelledList
        slideId={slideId}
        field="items"
        legend={t('sortFields.items')}
        hint={t('sortFields.itemsHint', { min: LIMITS.sortItemsMin, max: LIMITS.sortItemsMax })}
        noun="item"
        entries={question.items}
        min={LIMITS.sortItemsMin}
        max={LIMITS.sortItemsMax}
        maxLength={LIMITS.sortLabelMax}
        placeholder={(i) => t('fieldNames.item', { name: String(i + 1) })}
        create={blankEntry}
        onChange={(items) => update({ ...question, items })}
        extra={(item, index) => {
          const id = slideFieldId(slideId, `item-${item.id}-group`);
          return (
            <div className={styles.correctGroup}>
              <label htmlFor={id}>
                {t.rich('sortFields.correctGroup', {
                  number: index + 1,
                  hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                })}
              </label>
              <select
                id={id}
                value={correct[item.id] ?? ''}
                onChange={(event) => {
                  const { [item.id]: _old, ...others } = correct;
                  const group = event.target.value;
                  onChange(withCorrect(question, group ? { ...others, [item.id]: group } : others));
                }}
              >
                <option value="">{t('sortFields.noGroup')}</option>
                {question.groups.map((group, i) => (
                  <option key={group.id} value={group.id} lang={content.lang}>
                    {group.label.trim() || t('fieldNames.group', { name: String(i + 1) })}
                  </option>
                ))}
              </select>
            </div>
          );
        }}
      />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
