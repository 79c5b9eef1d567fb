import { hash, verify } from '@node-rs/argon2';

/**
 * Local accounts' passwords: argon2id (memory-hard) through @node-rs/argon2, at OWASP's
 * recommended 19 MiB, 2 passes, 1 lane. The PHC string it returns carries its own salt and
 * parameters, so raising them later still verifies old hashes.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * An unknown address still costs one hash, so response time does not tell which addresses have
 * accounts.
 */
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that matches nothing');
  await passwordMatches(await decoy, password);
}
