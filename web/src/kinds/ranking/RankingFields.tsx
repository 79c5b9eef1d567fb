'use client';

import { useTranslations } from 'next-intl';
import { LIMITS } from '@classpulse/realtime/protocol';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { CheckboxField } from '../../components/editor/fields.tsx';
import { blankEntry, LabelledList } from '../../components/editor/LabelledList.tsx';
import { PointsField } from '../../components/editor/PointsField.tsx';
import type { KindFieldsProps, QuestionOf } from '../kind.ts';

type Ranking = QuestionOf<'ranking'>;

/** The items as the teacher sees them: in the correct order when there is one. */
function listedItems(question: Ranking): Ranking['items'] {
  const order = question.correctOrder;
  if (!order || order.length !== question.items.length) return question.items;
  const byId = new Map(question.items.map((item) => [item.id, item]));
  const ordered = order.map((id) => byId.get(id));
  return ordered.every((item) => item !== undefined) ? ordered : question.items;
}

/**
 * The items, in order, and whether that order is the correct one. Ticked, the correct order is the
 * list's order and follows every edit; students get the items shuffled until it is revealed.
 */
export function RankingFields({ slideId, question, onChange }: KindFieldsProps<'ranking'>) {
  const t = useTranslations('editor');
  const items = listedItems(question);
  const graded = question.correctOrder !== undefined;
  const withItems = (next: Ranking['items'], correct: boolean): Ranking => {
    const { correctOrder: _old, ...rest } = question;
    return {
      ...rest,
      items: next,
      ...(correct ? { correctOrder: next.map((item) => item.id) } : {}),
    };
  };
  return (
    <>
      <LabelledList
        slideId={slideId}
        field="items"
        legend={t('rankingFields.legend')}
        hint={t('rankingFields.hint', { min: LIMITS.rankingItemsMin, max: LIMITS.rankingItemsMax })}
        noun="item"
        entries={items}
        min={LIMITS.rankingItemsMin}
        max={LIMITS.rankingItemsMax}
        maxLength={LIMITS.rankingLabelMax}
        reorderable
        placeholder={(i) => t('fieldNames.item', { name: String(i + 1) })}
        create={blankEntry}
        onChange={(next) => onChange(withItems(next, graded))}
      />
      <CheckboxField
        id={slideFieldId(slideId, 'correctOrder')}
        label={t('rankingFields.graded')}
        hint={t('rankingFields.gradedHint')}
        checked={graded}
        onChange={(checked) => onChange(withItems(items, checked))}
      />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
