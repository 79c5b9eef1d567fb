import type {
  Deck,
  Question,
  QuestionKind,
  Slide,
  SlideImage,
} from '@classpulse/realtime/protocol';
import { webKind } from '../../kinds/registry.ts';
import { newClientId } from './client-ids.ts';
import type { UploadedImage } from './ImagePicker.tsx';

/**
 * Pure edits of a deck draft. The draft has the protocol's own Deck shape; it may be invalid while
 * the teacher types (empty prompts, NaN in a number box), and `deckSchema` says so on save.
 */

/** A new question of `kind`, with the kind's defaults. */
export function defaultQuestion(kind: QuestionKind, prompt = ''): Question {
  return webKind(kind).newQuestion(prompt);
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
  const image = current ? webKind(current.kind).imageUrl?.(current) : undefined;
  const withImage = image ? webKind(next.kind).withImageUrl?.(next, image) : undefined;
  return { ...(withImage ?? next), prompt };
}

/**
 * A question answered on a picture (drawing, pin, draggable) takes the slide's image as that
 * picture when it has none of its own, or had the slide's previous one (`replacing`); other
 * kinds show the slide image above them.
 */
export function onSlideImage(
  question: Question,
  image: SlideImage | undefined,
  replacing?: SlideImage,
): Question {
  return (
    (image && webKind(question.kind).backgroundFromSlide?.(question, image, replacing)) || question
  );
}

/**
 * The slide showing a new upload. Its description stays: the teacher may have typed it while the
 * upload ran (this runs on the slide as it is when the upload lands, not as it was before).
 */
export function withSlideImage(slide: Slide, upload: UploadedImage): Slide {
  const image: SlideImage = {
    url: upload.url,
    width: upload.width,
    height: upload.height,
    alt: slide.image?.alt ?? '',
  };
  return slide.question
    ? { ...slide, image, question: onSlideImage(slide.question, image, slide.image) }
    : { ...slide, image };
}

/** The slide without its picture (a question using it as background keeps it). */
export function withoutSlideImage(slide: Slide): Slide {
  const { image: _old, ...rest } = slide;
  return rest;
}

/** A copy of a slide with fresh ids for the slide and, where its kind has them, its question's. */
export function cloneSlide(slide: Slide): Slide {
  const copy: Slide = { ...slide, id: newClientId() };
  const question = slide.question;
  const copied = question ? webKind(question.kind).copyQuestion?.(question) : undefined;
  if (copied) copy.question = copied;
  return copy;
}
