'use client';

import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Below this the text is too small to read from the back of a room; the box scrolls instead. */
export const FIT_SCALE_MIN = 0.4;
/** Steps of the search: the scale is found within (1 − min) / 2^steps ≈ 0.2%. */
const SEARCH_STEPS = 9;

function fits(box: HTMLElement): boolean {
  // One pixel of slack: fractional layout rounds scroll sizes up.
  return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
}

/**
 * Shrinks what a box shows until it fits the box: sets the custom property `--fit` (0.4–1) on
 * the box, and the stylesheets multiply their sizes by it. The largest scale that fits is found
 * by bisection, measuring real layout, so any content (answer cards, a word cloud, many bars)
 * fits without knowing its shape. Runs again when the box resizes (full screen, a window
 * resize), when its content changes (answers arrive) and when an image in it loads. At the
 * minimum scale the content still may not fit: the box then scrolls (`data-overflowing`)
 * rather than cut anything off.
 */
export function useFitScale<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    let frame = 0;
    const fit = () => {
      frame = 0;
      box.removeAttribute('data-overflowing');
      box.style.setProperty('--fit', '1');
      if (fits(box)) return;
      let lo = FIT_SCALE_MIN;
      let hi = 1;
      box.style.setProperty('--fit', String(lo));
      if (!fits(box)) {
        box.setAttribute('data-overflowing', '');
        return;
      }
      for (let i = 0; i < SEARCH_STEPS; i++) {
        const mid = (lo + hi) / 2;
        box.style.setProperty('--fit', String(mid));
        if (fits(box)) lo = mid;
        else hi = mid;
      }
      box.style.setProperty('--fit', String(lo));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(fit);
    };
    fit();
    // The box's own size comes from the page around it, never from its content: no loop.
    const resize = new ResizeObserver(schedule);
    resize.observe(box);
    const mutation = new MutationObserver(schedule);
    mutation.observe(box, { childList: true, subtree: true, characterData: true });
    box.addEventListener('load', schedule, true);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      mutation.disconnect();
      box.removeEventListener('load', schedule, true);
    };
  }, []);
  return ref;
}
