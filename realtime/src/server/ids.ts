import { randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, LIMITS } from '../protocol/index.ts';

/** 96 random bits, URL-safe: unguessable session and student ids. */
export const randomId = (): string => randomBytes(12).toString('base64url');

export function randomJoinCode(): string {
  let code = '';
  for (let i = 0; i < LIMITS.joinCodeLength; i++)
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
