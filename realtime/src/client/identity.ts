import { joinCodeSchema } from '../protocol/index.ts';
import { readJson, type KeyValueStorage } from './storage.ts';

/**
 * A student's identity in a session, kept per join code so a reload resumes it. Its own module:
 * pages ask `hasStoredIdentity` before they load the client, and importing it must not pull the
 * SessionClient into their first load.
 */
export interface StoredIdentity {
  sessionId: string;
  studentId: string;
  token: string;
}

export const identityKey = (code: string) => `classpulse:v1:identity:${code}`;

/** Whether this browser already joined the session with this code (so a reload resumes it). */
export function hasStoredIdentity(storage: KeyValueStorage, code: string): boolean {
  const parsed = joinCodeSchema.safeParse(code);
  return parsed.success && readJson<StoredIdentity>(storage, identityKey(parsed.data)) !== null;
}
