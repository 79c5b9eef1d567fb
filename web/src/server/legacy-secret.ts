import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A data folder from before accounts holds the shared teacher secret, which no longer signs in. */
export function legacyTeacherSecretExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'secrets', 'teacher-secret'));
}
