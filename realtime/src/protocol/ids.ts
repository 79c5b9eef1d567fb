import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** Opaque identifiers: URL-safe, bounded, never free text. */
export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.idMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" or "-" only.');

/** Client-generated answer ids must carry enough entropy to never collide (UUIDs fit). */
export const answerIdSchema = z
  .string()
  .min(8)
  .max(LIMITS.idMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "_" or "-" only.');

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .length(LIMITS.joinCodeLength, `A join code has ${LIMITS.joinCodeLength} characters.`)
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), 'That is not a valid join code.');

/** Display names: trimmed, inner whitespace collapsed, no control characters. */
export const studentNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter your name.')
      .max(LIMITS.studentNameMax, `Use at most ${LIMITS.studentNameMax} characters.`)
      // No control characters (C0 and C1), which break layouts and CSV exports.
      .regex(/^\P{Cc}+$/u, 'The name contains characters that are not allowed.'),
  );
