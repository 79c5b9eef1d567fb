'use client';

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
        legend="Items to rank"
        hint={`${LIMITS.rankingItemsMin} to ${LIMITS.rankingItemsMax} items. Students see them shuffled when the order is graded.`}
        noun="item"
        entries={items}
        min={LIMITS.rankingItemsMin}
        max={LIMITS.rankingItemsMax}
        maxLength={LIMITS.rankingLabelMax}
        reorderable
        placeholder={(i) => `Item ${i + 1}`}
        create={blankEntry}
        onChange={(next) => onChange(withItems(next, graded))}
      />
      <CheckboxField
        id={slideFieldId(slideId, 'correctOrder')}
        label="The order above is the correct order"
        hint="Leave it unticked for an opinion ranking, which is not graded."
        checked={graded}
        onChange={(checked) => onChange(withItems(items, checked))}
      />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
