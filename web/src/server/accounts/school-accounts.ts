import { database } from '../db.ts';
import {
  findAccountByEmail,
  findAccountByOidc,
  insertAccount,
  linkOidcIdentity,
  normalizeEmail,
  type Account,
} from '../data/account-repository.ts';
import type { OidcConfig } from '../config.ts';
import { newId } from '../ids.ts';

export interface SchoolIdentity {
  issuer: string;
  subject: string;
  email: string;
  name: string;
}

export type SchoolAccountResult =
  | { ok: true; account: Account }
  | { ok: false; error: 'domain_not_allowed' | 'identity_conflict' | 'account_disabled' };

/** The address's domain is one of these (a deployment's teachers' or students' domains). */
export function emailDomainAllowed(domains: readonly string[], email: string): boolean {
  const domain = normalizeEmail(email).split('@').at(-1) ?? '';
  return domains.includes(domain);
}

/**
 * The account a school sign-in belongs to: the one linked to this identity; else the one with
 * the address (an invited or local account, linked now); else a new teacher account (an admin
 * when the address is in OIDC_ADMIN_EMAILS). Only addresses of allowed domains get this far.
 */
export async function accountForSchoolIdentity(
  config: OidcConfig,
  identity: SchoolIdentity,
): Promise<SchoolAccountResult> {
  if (!emailDomainAllowed(config.allowedDomains, identity.email))
    return { ok: false, error: 'domain_not_allowed' };
  const db = await database();
  let account = await findAccountByOidc(db, identity.issuer, identity.subject);
  if (!account) {
    const byEmail = await findAccountByEmail(db, identity.email);
    if (byEmail) {
      // Already linked to another identity of the provider: never hand the account over.
      if (byEmail.oidcSubject && byEmail.oidcSubject !== identity.subject)
        return { ok: false, error: 'identity_conflict' };
      await linkOidcIdentity(db, byEmail.id, identity.issuer, identity.subject);
      account = byEmail;
    } else {
      const email = normalizeEmail(identity.email);
      await insertAccount(db, {
        id: newId(),
        email,
        name: identity.name,
        role: config.adminEmails.includes(email) ? 'admin' : 'teacher',
        passwordHash: null,
        oidc: { issuer: identity.issuer, subject: identity.subject },
        createdAt: Date.now(),
      });
      // Two first sign-ins racing: whichever row exists now is the account.
      account = await findAccountByOidc(db, identity.issuer, identity.subject);
      if (!account) return { ok: false, error: 'identity_conflict' };
    }
  }
  if (account.disabledAt !== null) return { ok: false, error: 'account_disabled' };
  return { ok: true, account };
}
