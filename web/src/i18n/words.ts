/**
 * Words built in code from a catalog: a message key and its values, rendered later in the
 * reader's language (a page) or in English (a CSV, a support summary, a test). A string value is
 * data (a host, a name, a title, a status code: shown as it is, never translated), a number is
 * formatted by the message, nested `Words` are words of their own, a list is joined with "; ".
 */
export interface Words<K extends string> {
  key: K;
  values?: Record<string, WordsValue<K>>;
}
export type WordsValue<K extends string> = string | number | Words<K> | Array<string | Words<K>>;

/** Formats one catalog message with its (already rendered) values. */
export type FormatMessage<K extends string> = (
  key: K,
  values?: Record<string, string | number>,
) => string;

/** Unicode isolates around data: keeps a host or a name whole (and in its own direction). */
export const DATA_START = '\u2068';
export const DATA_END = '\u2069';

/** Renders words with `format`; data (strings) goes through `data`. */
export function renderWords<K extends string>(
  value: WordsValue<K>,
  format: FormatMessage<K>,
  data: (value: string) => string = (value) => value,
): string {
  if (typeof value === 'string') return data(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => renderWords(v, format, data)).join('; ');
  const values: Record<string, string | number> = {};
  for (const [name, inner] of Object.entries(value.values ?? {}))
    values[name] = typeof inner === 'number' ? inner : renderWords(inner, format, data);
  return format(value.key, value.values ? values : undefined);
}

/** Rendered with data marked by the isolates, for `DataText` to wrap. */
export function renderMarked<K extends string>(
  value: WordsValue<K>,
  format: FormatMessage<K>,
): string {
  return renderWords(value, format, (data) => `${DATA_START}${data}${DATA_END}`);
}
