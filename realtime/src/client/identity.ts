import * as z from 'zod/mini';
import { idSchema, joinCodeSchema } from '../protocol/index.ts';
import { identityKey } from './identity-key.ts';
import { writeJson, type KeyValueStorage } from './storage.ts';

export { hasStoredIdentity, identityKey } from './identity-key.ts';

/**
 * A student's identity in a session, kept per join code so a reload resumes it. Its own module:
 * pages ask `hasStoredIdentity` before they load the client, and importing it must not pull the
 * SessionClient into their first load.
 */
export const storedIdentitySchema = z.object({
  sessionId: idSchema,
  studentId: idSchema,
  token: z.string().check(z.minLength(1), z.maxLength(4000)),
});
export type StoredIdentity = z.output<typeof storedIdentitySchema>;

/**
 * Keeps an identity this page did not join with itself (a student the web app signed in with
 * the school account), so the session client resumes it like a reload would.
 */
export function storeIdentity(storage: KeyValueStorage, code: string, identity: unknown): boolean {
  const parsedCode = joinCodeSchema.safeParse(code);
  const parsed = storedIdentitySchema.safeParse(identity);
  if (!parsedCode.success || !parsed.success) return false;
  writeJson(storage, identityKey(parsedCode.data), parsed.data);
  return true;
}
