import type { Page } from 'playwright-core';

export interface UncataloguedText {
  /** Visible text, or an accessible-name attribute, holding plain ASCII letters. */
  strings: string[];
  /** Elements whose text does not fit their box (and that do not ellipsize on purpose). */
  overflowing: string[];
}

/**
 * In the pseudo-locale every catalog string is accented, so any plain ASCII letter a reader can see
 * or hear (text, aria-label, placeholder, title, alt) did not come from a catalog. Text marked
 * `translate="no"` (join codes, URLs, emails, the brand) is data, not interface, and is skipped, as
 * are `<time>` elements (dates and times come from Intl in the reader's locale, not a catalog) and
 * addresses inside attribute values.
 * Also lists elements whose text overflows its box: pseudo strings are 40% longer than English.
 */
export async function uncataloguedText(page: Page): Promise<UncataloguedText> {
  // tsx keeps function names with an `__name` helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(() => {
    const ASCII_WORD = /[A-Za-z]{2,}/;
    const strings = new Set<string>();
    const overflowing = new Set<string>();
    const skipped = (el: Element) =>
      el.closest(
        '[translate="no"], time, script, style, noscript, template, [hidden], [aria-hidden="true"]',
      ) !== null;
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 60)}"`;

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || skipped(parent) || !shown(parent)) continue;
      if (ASCII_WORD.test(text)) strings.add(text.slice(0, 120));
    }
    for (const el of document.body.querySelectorAll(
      '[aria-label], [placeholder], [title], img[alt]',
    )) {
      if (skipped(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        // Addresses inside a message (a QR code's link) are data, not words.
        const value = el
          .getAttribute(name)
          ?.replace(/\bhttps?:\/\/\S+|\S+@\S+\.\w+/g, '')
          .trim();
        if (value && ASCII_WORD.test(value)) strings.add(`${name}="${value.slice(0, 120)}"`);
      }
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (skipped(el) || !shown(el)) continue;
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!ownText) continue;
      const style = getComputedStyle(el);
      if (['auto', 'scroll'].includes(style.overflowX) || style.textOverflow === 'ellipsis')
        continue;
      // Visually hidden text (for screen readers) sits in a 1 px box on purpose.
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || style.clip.startsWith('rect')) continue;
      if (el.scrollWidth > el.clientWidth + 2 && el.clientWidth > 0) overflowing.add(describe(el));
    }
    return { strings: [...strings], overflowing: [...overflowing] };
  });
}
