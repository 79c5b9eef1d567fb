import type { Slide } from '@classpulse/realtime/protocol';

/** What a slide with no text of its own is called, in the reader's language. */
export interface UnnamedSlide {
  /** A picture-only slide (an imported page): "Slide n". */
  numbered: (number: number) => string;
  untitled: string;
}

const ENGLISH: UnnamedSlide = {
  numbered: (number) => `Slide ${number}`,
  untitled: 'Untitled slide',
};

/**
 * What a slide is called in the list: its title, else its question, else its text; a slide that
 * is only a picture (an imported page) is "Slide n", its thumbnail beside it.
 */
export function slideName(slide: Slide, index: number, unnamed: UnnamedSlide = ENGLISH): string {
  const candidates = [slide.title, slide.question?.prompt, slide.body];
  const text = candidates.map((c) => c?.trim() ?? '').find((c) => c !== '');
  if (text) return text.split('\n')[0] ?? text;
  return slide.image ? unnamed.numbered(index + 1) : unnamed.untitled;
}
