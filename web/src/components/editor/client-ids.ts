/**
 * Ids the editor makes up for new slides and options, and the letters options are shown with.
 * Apart from deck-ops.ts, so question kinds can use them without an import cycle.
 */

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** 12 characters of 64 symbols: 72 random bits, matching the protocol's id pattern. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte & 63];
  return id;
}

/** "A", "B", … for option positions. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);
