// zod/mini: the same validation core as `zod`, but tree-shakable, so the student page ships only
// the few schemas it uses (the full API cost the page ~33 KiB gzip).
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { cleanStudentName, hasVisibleCharacter } from './student-name.ts';

/** Opaque identifiers: URL-safe, bounded, never free text. */
export const idSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(LIMITS.idMax),
    z.regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" or "-" only.'),
  );

/** Client-generated answer ids must carry enough entropy to never collide (UUIDs fit). */
export const answerIdSchema = z
  .string()
  .check(
    z.minLength(8),
    z.maxLength(LIMITS.idMax),
    z.regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" or "-" only.'),
  );

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const joinCodeSchema = z
  .string('Enter a join code.')
  .check(
    z.trim(),
    z.toUpperCase(),
    z.length(LIMITS.joinCodeLength, `A join code has ${LIMITS.joinCodeLength} characters.`),
    z.regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), 'That is not a valid join code.'),
  );

/**
 * Display names, cleaned (student-name.ts: NFC, no invisible or bidi characters, whitespace
 * collapsed, combining marks capped) and then checked: something visible, not too long, no
 * control characters (which break layouts and CSV exports) or lone surrogates.
 */
export const studentNameSchema = z
  .string('Enter your name.')
  .check(
    z.maxLength(LIMITS.studentNameMax * 8, `Use at most ${LIMITS.studentNameMax} characters.`),
    z.overwrite(cleanStudentName),
    z.minLength(1, 'Enter your name.'),
    z.refine(hasVisibleCharacter, 'Enter a name that can be seen.'),
    z.maxLength(LIMITS.studentNameMax, `Use at most ${LIMITS.studentNameMax} characters.`),
    z.regex(/^[^\p{Cc}\p{Cs}]+$/u, 'The name contains characters that are not allowed.'),
  );
