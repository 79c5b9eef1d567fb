import type { Answer, Question } from '@classpulse/realtime/protocol';

/** One line of text for an answer: report tables and CSV cells. */
export function answerText(question: Question | undefined, answer: Answer): string {
  switch (answer.kind) {
    case 'multiple-choice': {
      const labels =
        question?.kind === 'multiple-choice'
          ? new Map(question.options.map((o) => [o.id, o.label]))
          : null;
      return answer.optionIds.map((id) => labels?.get(id) ?? id).join('; ');
    }
    case 'short-text':
      return answer.text;
    case 'number':
    case 'scale':
      return String(answer.value);
    case 'word-cloud':
      return answer.words.join(' ');
    case 'drawing':
      return `Drawing (${answer.strokes.length} ${answer.strokes.length === 1 ? 'stroke' : 'strokes'})`;
    case 'pin-on-image':
      return `Pin at ${Math.round(answer.x * 100)}% across, ${Math.round(answer.y * 100)}% down`;
  }
}
