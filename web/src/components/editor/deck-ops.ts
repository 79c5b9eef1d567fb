import {
  LIMITS,
  type Deck,
  type Question,
  type QuestionKind,
  type Slide,
} from '@classpulse/realtime/protocol';

/**
 * Pure edits of a deck draft. The draft has the protocol's own Deck shape; it may be invalid while
 * the teacher types (empty prompts, NaN in a number box), and `deckSchema` says so on save.
 */

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** 12 characters of 64 symbols: 72 random bits, matching the protocol's id pattern. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte & 63];
  return id;
}

export const KIND_LABELS: Record<QuestionKind, string> = {
  'multiple-choice': 'Multiple choice',
  'short-text': 'Short text',
  number: 'Number',
  'word-cloud': 'Word cloud',
  scale: 'Scale',
  drawing: 'Drawing',
  'pin-on-image': 'Pin on image',
};

/** "A", "B", … for option positions. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

export function defaultQuestion(kind: QuestionKind, prompt = ''): Question {
  switch (kind) {
    case 'multiple-choice':
      return {
        kind,
        prompt,
        options: [
          { id: newClientId(), label: '' },
          { id: newClientId(), label: '' },
        ],
        allowMultiple: false,
      };
    case 'short-text':
      return { kind, prompt, maxLength: LIMITS.shortTextMax };
    case 'number':
      return { kind, prompt };
    case 'word-cloud':
      return { kind, prompt, maxWords: LIMITS.wordCloudWordsMax };
    case 'scale':
      return { kind, prompt, steps: 5, minLabel: 'Not at all', maxLabel: 'Completely' };
    case 'drawing':
      return { kind, prompt };
    case 'pin-on-image':
      return { kind, prompt, imageUrl: '', imageAlt: '' };
  }
}

export function newSlide(): Slide {
  return { id: newClientId(), title: '', body: '', question: defaultQuestion('multiple-choice') };
}

export function updateSlide(deck: Deck, slideId: string, update: (slide: Slide) => Slide): Deck {
  return { ...deck, slides: deck.slides.map((s) => (s.id === slideId ? update(s) : s)) };
}

/** Inserts `slide` after the slide with id `afterId` (or at the end). */
export function insertSlide(deck: Deck, slide: Slide, afterId: string | null): Deck {
  const at = deck.slides.findIndex((s) => s.id === afterId);
  const slides = [...deck.slides];
  slides.splice(at === -1 ? slides.length : at + 1, 0, slide);
  return { ...deck, slides };
}

export function moveSlide(deck: Deck, slideId: string, by: -1 | 1): Deck {
  const from = deck.slides.findIndex((s) => s.id === slideId);
  const to = from + by;
  if (from === -1 || to < 0 || to >= deck.slides.length) return deck;
  const slides = [...deck.slides];
  const [moved] = slides.splice(from, 1);
  if (moved) slides.splice(to, 0, moved);
  return { ...deck, slides };
}

export function removeSlide(deck: Deck, slideId: string): Deck {
  return { ...deck, slides: deck.slides.filter((s) => s.id !== slideId) };
}

/**
 * The question after switching kinds: what this slide had for that kind before (if anything),
 * else the kind's defaults, keeping the prompt and any image.
 */
export function switchKind(
  current: Question | undefined,
  kind: QuestionKind,
  remembered: Question | undefined,
): Question {
  const next = remembered ?? defaultQuestion(kind);
  const prompt = current?.prompt.trim() ? current.prompt : next.prompt;
  const image =
    current?.kind === 'pin-on-image'
      ? current.imageUrl
      : current?.kind === 'drawing'
        ? current.backgroundImageUrl
        : undefined;
  if (next.kind === 'pin-on-image' && !next.imageUrl && image) {
    return { ...next, prompt, imageUrl: image };
  }
  if (next.kind === 'drawing' && !next.backgroundImageUrl && image) {
    return { ...next, prompt, backgroundImageUrl: image };
  }
  return { ...next, prompt };
}

/** A copy of a slide with fresh ids for the slide and its options (correct answers follow). */
export function cloneSlide(slide: Slide): Slide {
  const copy: Slide = { ...slide, id: newClientId() };
  const question = slide.question;
  if (question?.kind === 'multiple-choice') {
    const ids = new Map(question.options.map((o) => [o.id, newClientId()] as const));
    copy.question = {
      ...question,
      options: question.options.map((o) => ({ ...o, id: ids.get(o.id) ?? newClientId() })),
      ...(question.correctOptionIds
        ? { correctOptionIds: question.correctOptionIds.map((id) => ids.get(id) ?? id) }
        : {}),
    };
  }
  return copy;
}
