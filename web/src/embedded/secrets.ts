import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TeacherSecret {
  secret: string;
  /** True when it was just generated (first start or rotation): the only time it is shown. */
  isNew: boolean;
}

/** Easy to read aloud and type: groups of lowercase letters and digits without look-alikes. */
function readableSecret(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    out += alphabet[bytes[i]! % alphabet.length];
    if (i % 5 === 4 && i < bytes.length - 1) out += '-';
  }
  return out;
}

/** The local teacher's sign-in secret, kept in the data folder (mode 0600); `rotate` replaces it. */
export function teacherSecret(dataDir: string, rotate: boolean): TeacherSecret {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'teacher-secret');
  if (!rotate && existsSync(file))
    return { secret: readFileSync(file, 'utf8').trim(), isNew: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = readableSecret();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, isNew: true };
}
