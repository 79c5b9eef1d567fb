import { newClientId } from '../../components/editor/client-ids.ts';
import type { QuestionOf, WebKind } from '../kind.ts';
import { shownOrder } from './order.ts';

/** The student's order of item ids; null until they move something (the order shown counts). */
export type RankingDraft = readonly string[] | null;

const ITEMS = { field: 'items', name: 'Items' };

const blankItem = () => ({ id: newClientId(), label: '' });

/** Item labels by id; an id the question no longer has reads as itself. */
function labeller(question: QuestionOf<'ranking'> | undefined): (id: string) => string {
  const labels = new Map(question?.items.map((item) => [item.id, item.label]));
  return (id) => labels.get(id) ?? id;
}

export const ranking: WebKind<'ranking', RankingDraft> = {
  label: 'Ranking',
  hint: 'Students put your items in order. Give the correct order, or none for an opinion ranking.',
  newQuestion: (prompt) => ({
    kind: 'ranking',
    prompt,
    items: [blankItem(), blankItem(), blankItem()],
  }),
  copyQuestion(question) {
    // Fresh item ids; the correct order follows its items.
    const ids = new Map(question.items.map((item) => [item.id, newClientId()] as const));
    return {
      ...question,
      items: question.items.map((item) => ({ ...item, id: ids.get(item.id) ?? newClientId() })),
      ...(question.correctOrder
        ? { correctOrder: question.correctOrder.map((id) => ids.get(id) ?? id) }
        : {}),
    };
  },
  issueFields: {
    items: ITEMS,
    correctOrder: { field: 'correctOrder', name: 'Correct order' },
    points: { field: 'points', name: 'Points' },
  },
  issueTarget(question, [property, index]) {
    if (property !== 'items' || typeof index !== 'number') return null;
    const item = question.items[index];
    return item ? { field: `item-${item.id}`, detail: `Item ${index + 1}` } : null;
  },

  emptyDraft: null,
  draftFromAnswer: (answer) => answer.order,
  // Untouched, the order shown is the answer: it may well be the student's order already.
  draftToCandidate: (draft, question) => ({ order: shownOrder(question, draft) }),
  missingMessage: 'Put the items in order.',

  answerText(question, answer) {
    const label = labeller(question);
    return answer.order.map((id, i) => `${i + 1}. ${label(id)}`).join(', ');
  },
  correctText(question) {
    const order = question.correctOrder;
    return order ? ranking.answerText(question, { kind: 'ranking', order }) : null;
  },
};
