/**
 * What a student's name is made of, so a name is what it looks like: the same rules for every
 * transport (the engine checks every join, socket, HTTP and Firebase alike) and in the join form.
 */

/** Most combining marks one character may carry (Vietnamese needs two; "zalgo" text stacks 40). */
export const COMBINING_MARKS_MAX = 2;

/**
 * Invisible characters (Unicode's default-ignorables: zero-width spaces and joiners, bidi
 * controls and isolates, soft hyphens, fillers, tags) go, except what draws emoji: a zero-width
 * joiner between two pictographs (👩‍💻) and a variation selector after a character (❤️).
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

function keepsEmoji(char: string, before: string | undefined, after: string | undefined): boolean {
  if (char === '\u200D')
    return (
      before !== undefined &&
      after !== undefined &&
      PICTOGRAPH.test(before) &&
      PICTOGRAPH.test(after)
    );
  return (char === '\uFE0E' || char === '\uFE0F') && before !== undefined;
}

function stripInvisible(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    INVISIBLE.lastIndex = 0;
    if (!INVISIBLE.test(char)) {
      out += char;
      continue;
    }
    // The pictograph before a joiner may itself carry a variation selector (❤️‍🔥).
    const before = chars[i - 1] === '\uFE0F' ? chars[i - 2] : chars[i - 1];
    if (keepsEmoji(char, before, chars[i + 1])) out += char;
  }
  return out;
}

const MARK_RUN = new RegExp(`(\\p{M}{${COMBINING_MARKS_MAX}})\\p{M}+`, 'gu');

/**
 * The name as it is stored and shown: NFC, invisible characters removed, whitespace runs one
 * space, trimmed, and at most COMBINING_MARKS_MAX combining marks per character.
 */
export function cleanStudentName(raw: string): string {
  return stripInvisible(raw.normalize('NFC'))
    .replace(/\s+/gu, ' ')
    .trim()
    .normalize('NFD')
    .replace(MARK_RUN, '$1')
    .normalize('NFC');
}

/** Whether a cleaned name shows anything: not only spaces, blank braille cells or marks. */
export function hasVisibleCharacter(name: string): boolean {
  return /[^\s\u2800\p{M}]/u.test(name);
}
