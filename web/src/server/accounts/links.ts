import type { Kysely } from 'kysely';
import * as links from '../data/link-repository.ts';
import type { AccountRole, LinkPurpose, WebTables } from '../data/tables.ts';
import { hashLinkToken, newLinkToken } from './one-time-token.ts';

/**
 * One-time links: the owner's setup link, invitations and password resets. The secret travels in
 * the URL's fragment (`/setup#…`), which browsers never send to a server or put in a Referer, so
 * it reaches no access log; the page posts it.
 */
export const LINK_PAGES: Record<LinkPurpose, string> = {
  setup: '/setup',
  invitation: '/invitation',
  'password-reset': '/reset-password',
};

const HOUR_MS = 3_600_000;
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  setup: 24 * HOUR_MS,
  invitation: 7 * 24 * HOUR_MS,
  'password-reset': 24 * HOUR_MS,
};

export interface IssuedLink {
  url: string;
  /** Identifies the link (its hash) for the admin page: revoking needs it, opening cannot use it. */
  id: string;
  expiresAt: number;
}

export async function issueLink(
  db: Kysely<WebTables>,
  origin: string,
  purpose: LinkPurpose,
  details: { email?: string; role?: AccountRole; accountId?: string; createdBy?: string },
  now = Date.now(),
): Promise<IssuedLink> {
  const token = newLinkToken();
  const tokenHash = hashLinkToken(token);
  const expiresAt = now + LINK_LIFETIME_MS[purpose];
  await links.insertLink(db, {
    tokenHash,
    purpose,
    email: details.email ?? null,
    role: details.role ?? null,
    accountId: details.accountId ?? null,
    createdBy: details.createdBy ?? null,
    createdAt: now,
    expiresAt,
  });
  return { url: `${origin}${LINK_PAGES[purpose]}#${token}`, id: tokenHash, expiresAt };
}

/**
 * A new setup link for the owner account; earlier ones stop working (only the newest one printed
 * or shown is good).
 */
export async function issueSetupLink(
  db: Kysely<WebTables>,
  origin: string,
  now = Date.now(),
): Promise<IssuedLink> {
  await links.revokeLinks(db, 'setup', now);
  return issueLink(db, origin, 'setup', { role: 'admin' }, now);
}
