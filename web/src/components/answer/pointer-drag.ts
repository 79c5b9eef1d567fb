import type { PointerEvent as ReactPointerEvent } from 'react';

export interface PointerDragHandlers {
  /** The pointer moved while pressed (viewport coordinates). */
  onMove: (x: number, y: number) => void;
  /** Released (`dropped`) or cancelled by the browser (a touch turned into a scroll, a lost window). */
  onEnd: (dropped: boolean, x: number, y: number) => void;
}

/** Pixels from the viewport's top or bottom edge where a drag scrolls the page. */
const EDGE = 56;
const SCROLL_STEP = 12;

/**
 * Follows one pointer (mouse, pen or finger) from a press on a drag handle until it is released.
 * The listeners sit on the window rather than on the handle (and not through pointer capture):
 * the dragged element moves in the DOM while it is dragged, which would drop its capture. The
 * handle needs `touch-action: none` so a finger drags the item instead of scrolling the page;
 * the page scrolls instead while the finger is near the screen's top or bottom edge.
 * Returns a function that stops following (for an unmount mid-drag).
 */
export function followPointer(
  event: ReactPointerEvent<HTMLElement>,
  handlers: PointerDragHandlers,
): () => void {
  const pointerId = event.pointerId;
  const move = (e: PointerEvent) => {
    if (e.pointerId !== pointerId) return;
    e.preventDefault();
    if (e.clientY < EDGE) window.scrollBy(0, -SCROLL_STEP);
    else if (e.clientY > window.innerHeight - EDGE) window.scrollBy(0, SCROLL_STEP);
    handlers.onMove(e.clientX, e.clientY);
  };
  const end = (dropped: boolean) => (e: PointerEvent) => {
    if (e.pointerId !== pointerId) return;
    stop();
    handlers.onEnd(dropped, e.clientX, e.clientY);
  };
  const up = end(true);
  const cancel = end(false);
  function stop() {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', cancel);
  }
  window.addEventListener('pointermove', move, { passive: false });
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', cancel);
  return stop;
}

/** Whether a press starts a drag: the main mouse button, or any touch or pen. */
export function isDragPress(event: ReactPointerEvent<HTMLElement>): boolean {
  return event.pointerType !== 'mouse' || event.button === 0;
}
