/**
 * `JSON.stringify(value, null, 2)` of a plain object, in parts: a top-level entry at a time, and
 * a top-level array an element at a time, so a large report streams without one giant string.
 * The parts concatenate to exactly what JSON.stringify writes.
 */
export function* prettyJsonParts(value: Readonly<Record<string, unknown>>): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => isSerializable(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (const [i, [key, v]] of entries.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (Array.isArray(v) && v.length > 0) {
      yield '[\n';
      for (const [j, element] of v.entries()) {
        // As JSON.stringify writes them inside an array: what it cannot write becomes null.
        const text = isSerializable(element) ? JSON.stringify(element, null, 2) : 'null';
        yield `    ${indent(text, '    ')}${j < v.length - 1 ? ',' : ''}\n`;
      }
      yield '  ]';
    } else yield indent(JSON.stringify(v, null, 2), '  ');
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield '}';
}

/** JSON.stringify leaves these out of objects. */
const isSerializable = (v: unknown) =>
  v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

/** JSON's own line breaks are only between tokens (strings escape theirs): indent them all. */
const indent = (text: string, pad: string) => text.replaceAll('\n', `\n${pad}`);

/** Joins small parts into pieces of about `size` characters (fewer, larger writes). */
export async function* joinedParts(
  parts: Iterable<string> | AsyncIterable<string>,
  size = 64 * 1024,
): AsyncGenerator<string, void, undefined> {
  let piece = '';
  for await (const part of parts) {
    piece += part;
    if (piece.length >= size) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}
