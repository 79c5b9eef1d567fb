import { readJson, type KeyValueStorage } from './storage.ts';

/**
 * Where a student's identity in a session is kept, per join code. Without zod, unlike the rest
 * of identity.ts: the student page asks `hasStoredIdentity` in its first load, and that load
 * stays free of the schema library (its budget is tight; see DESIGN.md, performance targets).
 */
export const identityKey = (code: string) => `classpulse:v1:identity:${code}`;

/**
 * Whether this browser already joined the session with this code (so a reload resumes it). The
 * code as a page's address has it: join codes are upper case; anything else was never stored.
 */
export function hasStoredIdentity(storage: KeyValueStorage, code: string): boolean {
  const normalized = code.trim().toUpperCase();
  return /^[A-Z0-9]{1,16}$/.test(normalized) && readJson(storage, identityKey(normalized)) !== null;
}
