import type { QuestionOf } from '../kind.ts';

/**
 * The order on the student's screen: the draft's order of the question's items, any items the
 * draft does not know (the teacher added one meanwhile) after them. A draft of null is the
 * question's own order, which students get scrambled until the correct order is revealed.
 */
export function shownOrder(
  question: Pick<QuestionOf<'ranking'>, 'items'>,
  draft: readonly string[] | null,
): string[] {
  const ids = question.items.map((item) => item.id);
  if (draft === null) return ids;
  const known = new Set(ids);
  const kept = [...new Set(draft)].filter((id) => known.has(id));
  const placed = new Set(kept);
  return [...kept, ...ids.filter((id) => !placed.has(id))];
}

/** The order with the item at `from` moved to `to` (both clamped to the list). */
export function moved(order: readonly string[], from: number, to: number): string[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(Math.max(0, Math.min(next.length, to)), 0, item);
  return next;
}
