import { createTranslator } from 'next-intl';
import network from '../../../messages/network/en.json';
import type { CheckText, TextValue } from './types.ts';

/** Formats one catalog message with its (already rendered) values. */
export type FormatMessage = (
  key: CheckText['key'],
  values?: Record<string, string | number>,
) => string;

/** Unicode isolates around data: keeps a host or URL whole (and left to right) inside Arabic. */
export const DATA_START = '\u2068';
export const DATA_END = '\u2069';

/**
 * Renders a check's words with `format`; data (strings) goes through `data`, so the page can
 * mark it up and the English summary can leave it bare.
 */
export function renderText(
  value: TextValue,
  format: FormatMessage,
  data: (value: string) => string,
): string {
  if (typeof value === 'string') return data(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => renderText(v, format, data)).join('; ');
  const values: Record<string, string | number> = {};
  for (const [name, inner] of Object.entries(value.values ?? {}))
    values[name] = typeof inner === 'number' ? inner : renderText(inner, format, data);
  return format(value.key, value.values ? values : undefined);
}

// next-intl's messages are typed per key; these keys come from the same catalog, checked by CheckTextKey.
const englishFormat = createTranslator({
  locale: 'en',
  messages: { network },
  namespace: 'network.networkCheck',
}) as unknown as FormatMessage;

/**
 * The English words, for the support summary (read by Classpulse support whatever the page's
 * language) and for tests. The catalog's English is the one source.
 */
export function english(value: TextValue): string {
  return renderText(value, englishFormat, (data) => data);
}

/** A result's meaning: its sentences, one after another. */
export function sentences(parts: CheckText[], render: (part: CheckText) => string): string {
  return parts.map(render).join(' ');
}
