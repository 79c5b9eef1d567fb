import {
  pageTokenKey,
  signPageToken,
  verifyPageToken,
  type PageTokenGrant,
  type PageTokenKey,
} from '@classpulse/metrics-aggregator/page-token';
import type { MetricsSettings } from '../lib/use-page-metrics.ts';
import type { WebConfig } from './config.ts';
import { processSingleton } from './process-singleton.ts';

/** The route pages renew their metrics token at (src/app/api/metrics-token/route.ts). */
export const METRICS_TOKEN_ROUTE = '/api/metrics-token';

/** The imported key, made once per secret and process. */
function keyFor(secret: string): PageTokenKey {
  const keys = processSingleton('metrics-page-token-keys', () => new Map<string, PageTokenKey>());
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = pageTokenKey(secret)));
  return key;
}

/**
 * Signs a page's metrics token: a renewal of a genuine token (even an expired one) keeps its
 * page id, so the aggregator still counts the page's "once per page" events once; anything
 * else gets a new page. Null without a secret.
 */
export function grantPageToken(config: WebConfig, renewing?: string): PageTokenGrant | null {
  const { secret, ttlSeconds } = config.metricsPageToken;
  if (!secret) return null;
  const key = keyFor(secret);
  const nowMs = Date.now();
  const earlier = renewing === undefined ? null : verifyPageToken(key, renewing, nowMs);
  const pageId =
    earlier && (earlier.ok || earlier.reason === 'token_expired') ? earlier.pageId : undefined;
  const { token } = signPageToken(key, { nowMs, ttlSeconds, ...(pageId ? { pageId } : {}) });
  return { token, expiresInSeconds: ttlSeconds };
}

/**
 * What a page served now reports with: where, how much, and its freshly signed token. Pages are
 * rendered per request (their CSP nonce), so each page load gets its own token.
 */
export function pageMetricsSettings(config: WebConfig): MetricsSettings {
  return { ...config.metrics, token: grantPageToken(config), tokenRefreshUrl: METRICS_TOKEN_ROUTE };
}
