import { keptPaintKey } from '@classpulse/realtime/client/core';
import type { KeptPaint } from './kept-paint-mark.ts';

function pageSheets(): string[] {
  return Array.from(document.querySelectorAll('link[rel=stylesheet]'), (l) =>
    l.getAttribute('href'),
  ).filter((href): href is string => href !== null);
}

/**
 * The markup of `main` as the student sees it: what they chose or typed lives in properties,
 * which markup does not carry, so the copy's fields get it as attributes.
 */
function markupAsSeen(main: HTMLElement): string {
  const copy = main.cloneNode(true) as HTMLElement;
  const live = main.querySelectorAll('input, textarea');
  const copied = copy.querySelectorAll('input, textarea');
  live.forEach((field, i) => {
    const twin = copied[i];
    if (!twin) return;
    if (field instanceof HTMLTextAreaElement) twin.textContent = field.value;
    else if (field instanceof HTMLInputElement) {
      if (field.type === 'checkbox' || field.type === 'radio')
        twin.toggleAttribute('checked', field.checked);
      else if (field.type !== 'password' && field.type !== 'file')
        twin.setAttribute('value', field.value);
    }
  });
  return copy.outerHTML;
}

/** Keeps what `main` shows now as this student's paint for the next load of the page. */
export function keepPaint(sessionId: string, studentId: string, main: HTMLElement): void {
  const kept: KeptPaint = {
    html: markupAsSeen(main),
    sheets: pageSheets(),
    lang: document.documentElement.lang,
  };
  try {
    localStorage.setItem(keptPaintKey(sessionId, studentId), JSON.stringify(kept));
  } catch {
    // No storage (private mode, quota): the next load paints once connected, as without it.
  }
}
