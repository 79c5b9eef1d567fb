import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

/**
 * The pseudo-locale (en-XA) from English: every letter accented, every message bracketed and 40%
 * longer, placeholders, plurals and tags left intact. A page in en-XA shows no plain ASCII letter
 * unless the text did not come from a catalog, and longer strings show where layouts break.
 */

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] ?? c,
  ]),
);

/** How much longer pseudo strings are: German and Finnish run up to 40% longer than English. */
const EXPANSION = 0.4;

function accent(text: string): string {
  return [...text].map((c) => ACCENTED[c] ?? c).join('');
}

function visibleLength(elements: MessageFormatElement[]): number {
  let n = 0;
  for (const e of elements) {
    if (e.type === TYPE.literal) n += e.value.length;
    else if (e.type === TYPE.tag) n += visibleLength(e.children);
    else n += 3; // a placeholder's value: a name or a number
  }
  return n;
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((e) => {
    switch (e.type) {
      case TYPE.literal:
        return { ...e, value: accent(e.value) };
      case TYPE.tag:
        return { ...e, children: transform(e.children) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...e,
          options: Object.fromEntries(
            Object.entries(e.options).map(([k, o]) => [k, { ...o, value: transform(o.value) }]),
          ),
        };
      default:
        return e;
    }
  });
}

export function pseudoMessage(message: string): string {
  const ast = parse(message);
  // In words of at most five, so the padding wraps as a longer translation's words would.
  const padding = (
    '~'.repeat(Math.max(1, Math.ceil(visibleLength(ast) * EXPANSION))).match(/~{1,5}/g) ?? []
  ).join(' ');
  return `[${printAST(transform(ast))} ${padding}]`;
}

export type Catalog = { [key: string]: string | Catalog };

export function pseudoCatalog(english: Catalog): Catalog {
  return Object.fromEntries(
    Object.entries(english).map(([k, v]) => [
      k,
      typeof v === 'string' ? pseudoMessage(v) : pseudoCatalog(v),
    ]),
  );
}
