import { LIMITS, type AnswerFor } from '@classpulse/realtime/protocol';
import type { WebKind } from '../kind.ts';

export type Pin = Pick<AnswerFor<'pin-on-image'>, 'x' | 'y'>;

/** Where the pin is, or null before it is placed. */
export type PinOnImageDraft = Pin | null;

export const pinOnImage: WebKind<'pin-on-image', PinOnImageDraft> = {
  label: 'Pin on image',
  hint: 'Students drop a pin on a spot in your image.',
  newQuestion: (prompt) => ({ kind: 'pin-on-image', prompt, imageUrl: '', imageAlt: '' }),
  imageUrl: (question) => question.imageUrl,
  withImageUrl: (question, url) => (question.imageUrl ? question : { ...question, imageUrl: url }),
  backgroundFromSlide: (question, image, replacing) =>
    question.imageUrl && question.imageUrl !== replacing?.url
      ? question
      : {
          ...question,
          imageUrl: image.url,
          imageAlt: question.imageAlt.trim() || image.alt.slice(0, LIMITS.promptMax),
        },
  issueFields: {
    imageUrl: { field: 'image', name: 'Image' },
    imageAlt: { field: 'imageAlt', name: 'Image description' },
    targets: { field: 'targets', name: 'Correct areas' },
  },

  emptyDraft: null,
  draftFromAnswer: (answer) => ({ x: answer.x, y: answer.y }),
  draftToCandidate: (draft) => (draft === null ? {} : { ...draft }),
  missingMessage: 'Place your pin on the picture first.',

  answerText: (_question, answer) =>
    `Pin at ${Math.round(answer.x * 100)}% across, ${Math.round(answer.y * 100)}% down`,
  answerWords: (_question, answer) => ({
    key: 'answerWords.pin',
    values: { x: Math.round(answer.x * 100), y: Math.round(answer.y * 100) },
  }),
};
