import { createHash, randomBytes } from 'node:crypto';

/** A link's secret: 256 random bits, URL-safe. */
export const newLinkToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a link: its SHA-256, so a copy of the database opens nothing. */
export const hashLinkToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
