import { pageTokenKey, signPageToken } from '../page-token/page-token.ts';

/** The secret tests start aggregators (and sign tokens) with; never a deployment's. */
export const TEST_PAGE_TOKEN_SECRET = 'test-only-metrics-page-token-secret-0123456789';

const key = pageTokenKey(TEST_PAGE_TOKEN_SECRET);

/**
 * A page token as the web app would sign it for a page served now (or at `nowMs`), valid for
 * `ttlSeconds` (an hour by default): what tests send beacons with.
 */
export function testPageToken(
  options: { nowMs?: number; ttlSeconds?: number; pageId?: string } = {},
): string {
  return signPageToken(key, {
    nowMs: options.nowMs ?? Date.now(),
    ttlSeconds: options.ttlSeconds ?? 3600,
    ...(options.pageId === undefined ? {} : { pageId: options.pageId }),
  }).token;
}
