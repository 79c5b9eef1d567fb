import type { AnswerFor } from '@classpulse/realtime/protocol';
import type { WebKind } from '../kind.ts';

export type Stroke = AnswerFor<'drawing'>['strokes'][number];

/** The strokes drawn so far. */
export type DrawingDraft = readonly Stroke[];

export const drawing: WebKind<'drawing', DrawingDraft> = {
  label: 'Drawing',
  hint: 'Students sketch an answer, optionally on top of an image.',
  newQuestion: (prompt) => ({ kind: 'drawing', prompt }),
  imageUrl: (question) => question.backgroundImageUrl,
  withImageUrl: (question, url) =>
    question.backgroundImageUrl ? question : { ...question, backgroundImageUrl: url },
  backgroundFromSlide: (question, image, replacing) =>
    question.backgroundImageUrl && question.backgroundImageUrl !== replacing?.url
      ? question
      : { ...question, backgroundImageUrl: image.url },
  issueFields: { backgroundImageUrl: { field: 'image', name: 'Image' } },

  emptyDraft: [],
  draftFromAnswer: (answer) => answer.strokes,
  draftToCandidate: (draft) => ({ strokes: draft }),
  missingMessage: 'Draw something first.',

  answerText: (_question, answer) =>
    `Drawing (${answer.strokes.length} ${answer.strokes.length === 1 ? 'stroke' : 'strokes'})`,
  answerWords: (_question, answer) => ({
    key: 'answerWords.drawing',
    values: { count: answer.strokes.length },
  }),
};
