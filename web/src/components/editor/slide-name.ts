import type { Slide } from '@classpulse/realtime/protocol';

/**
 * What a slide is called in the list: its title, else its question, else its text; a slide that
 * is only a picture (an imported page) is "Slide n", its thumbnail beside it.
 */
export function slideName(slide: Slide, index: number): string {
  const candidates = [slide.title, slide.question?.prompt, slide.body];
  const text = candidates.map((c) => c?.trim() ?? '').find((c) => c !== '');
  if (text) return text.split('\n')[0] ?? text;
  return slide.image ? `Slide ${index + 1}` : 'Untitled slide';
}
