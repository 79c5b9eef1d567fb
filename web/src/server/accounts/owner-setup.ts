import type { Kysely } from 'kysely';
import { countActiveAdmins } from '../data/account-repository.ts';
import type { WebTables } from '../data/tables.ts';
import { issueSetupLink, type IssuedLink } from './links.ts';

/**
 * A setup link while the deployment has no admin who can sign in (first start, or every admin
 * disabled), else null: once an owner exists, teachers come in by invitation. `force` makes one
 * anyway (the CLI's recovery path for a locked-out district).
 */
export async function setupLinkIfNeeded(
  db: Kysely<WebTables>,
  origin: string,
  force = false,
): Promise<IssuedLink | null> {
  if (!force && (await countActiveAdmins(db)) > 0) return null;
  return issueSetupLink(db, origin);
}
