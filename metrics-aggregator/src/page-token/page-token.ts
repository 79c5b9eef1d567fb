import {
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { SECRET_MIN_CHARS } from '@classpulse/realtime/env';

/**
 * A page's metrics token: proof that our web app served the page, so the aggregator can rate
 * limit per page and count "once per page" events once, whatever a client invents.
 *
 *   token   = payload "." mac                      (77 URL-safe characters)
 *   payload = base64url(version 1 B | issued-at 4 B | expires-at 4 B | page id 15 B)
 *   mac     = base64url(HMAC-SHA256(secret, "classpulse-metrics-page-token." + payload))
 *
 * Times are whole Unix seconds (big-endian). The fields before the page id take 9 bytes, so the
 * page id's base64url is the payload's last 20 characters: the aggregator keys its per-page state
 * by that slice without decoding. The MAC is compared as text in constant time, which also
 * refuses non-canonical base64url.
 */
const VERSION = 1;
const CONTEXT = 'classpulse-metrics-page-token.';
const PAGE_ID_BYTES = 15;
const HEADER_BYTES = 9;
const PAYLOAD_CHARS = ((HEADER_BYTES + PAGE_ID_BYTES) / 3) * 4;
const MAC_CHARS = 43;
const SHAPE = new RegExp(`^[A-Za-z0-9_-]{${PAYLOAD_CHARS}}\\.[A-Za-z0-9_-]{${MAC_CHARS}}$`);
/** The longest lifetime a token may have; anything longer is not one of ours. */
export const PAGE_TOKEN_MAX_TTL_SECONDS = 24 * 60 * 60;
/** Tolerated clock difference between the signing web app and the verifying aggregator. */
export const PAGE_TOKEN_CLOCK_LEEWAY_SECONDS = 60;
export type PageTokenKey = KeyObject;

/** Made once per process: HMAC with a KeyObject skips re-importing the secret per token. */
export function pageTokenKey(secret: string): PageTokenKey {
  if (secret.length < SECRET_MIN_CHARS)
    // The same rule as every other signing secret of the stack (realtime/env).
    throw new Error(`The page token secret must have at least ${SECRET_MIN_CHARS} characters.`);
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

function macOf(key: PageTokenKey, payload: string): string {
  return createHmac('sha256', key).update(CONTEXT).update(payload).digest('base64url');
}

export interface IssuedPageToken {
  token: string;
  pageId: string;
  expiresAtMs: number;
}

/**
 * Signs a token valid for `ttlSeconds` from `nowMs`; a fresh random page id unless `pageId`
 * (from a genuine earlier token: a renewal) is given.
 */
export function signPageToken(
  key: PageTokenKey,
  options: { nowMs: number; ttlSeconds: number; pageId?: string },
): IssuedPageToken {
  const issuedAt = Math.floor(options.nowMs / 1000);
  const ttl = Math.min(Math.max(1, Math.floor(options.ttlSeconds)), PAGE_TOKEN_MAX_TTL_SECONDS);
  const bytes = Buffer.alloc(HEADER_BYTES + PAGE_ID_BYTES);
  bytes.writeUInt8(VERSION, 0);
  bytes.writeUInt32BE(issuedAt, 1);
  bytes.writeUInt32BE(issuedAt + ttl, 5);
  const id = options.pageId === undefined ? null : Buffer.from(options.pageId, 'base64url');
  if (id?.length === PAGE_ID_BYTES && id.toString('base64url') === options.pageId)
    id.copy(bytes, HEADER_BYTES);
  else randomBytes(PAGE_ID_BYTES).copy(bytes, HEADER_BYTES);
  const payload = bytes.toString('base64url');
  return {
    token: `${payload}.${macOf(key, payload)}`,
    pageId: payload.slice(PAYLOAD_CHARS - (PAGE_ID_BYTES / 3) * 4),
    expiresAtMs: (issuedAt + ttl) * 1000,
  };
}

export type PageTokenVerdict =
  | { ok: true; pageId: string; expiresAtMs: number }
  /** Signed by us but past its expiry (plus the clock leeway): a renewal may keep its page id. */
  | { ok: false; reason: 'token_expired'; pageId: string }
  /** Not a token of ours: malformed, another version, or a signature that does not match. */
  | { ok: false; reason: 'token_invalid' };

const INVALID: PageTokenVerdict = { ok: false, reason: 'token_invalid' };

/** Checks a token's shape, signature and times. O(1): one HMAC of 62 bytes. */
export function verifyPageToken(
  key: PageTokenKey,
  token: unknown,
  nowMs: number,
): PageTokenVerdict {
  if (typeof token !== 'string' || token.length !== PAYLOAD_CHARS + 1 + MAC_CHARS) return INVALID;
  if (!SHAPE.test(token)) return INVALID;
  const payload = token.slice(0, PAYLOAD_CHARS);
  const expected = Buffer.from(macOf(key, payload), 'latin1');
  const given = Buffer.from(token.slice(PAYLOAD_CHARS + 1), 'latin1');
  if (!timingSafeEqual(expected, given)) return INVALID;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.readUInt8(0) !== VERSION) return INVALID;
  const issuedAt = bytes.readUInt32BE(1);
  const expiresAt = bytes.readUInt32BE(5);
  if (expiresAt <= issuedAt || expiresAt - issuedAt > PAGE_TOKEN_MAX_TTL_SECONDS) return INVALID;
  const pageId = payload.slice(PAYLOAD_CHARS - (PAGE_ID_BYTES / 3) * 4);
  if (nowMs / 1000 > expiresAt + PAGE_TOKEN_CLOCK_LEEWAY_SECONDS)
    return { ok: false, reason: 'token_expired', pageId };
  return { ok: true, pageId, expiresAtMs: expiresAt * 1000 };
}
