import {
  pageTokenKey,
  signPageToken,
  verifyPageToken,
  type PageTokenGrant,
  type PageTokenKey,
} from '@classpulse/metrics-aggregator/page-token';
import type { MetricsSettings } from '../lib/use-page-metrics.ts';
import type { WebConfig } from './config.ts';
import { headers } from 'next/headers';
import { requestSource } from './request-source.ts';
import { processSingleton } from './process-singleton.ts';
import { TokenBucketPerKey } from './token-bucket-per-key.ts';

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
 * page id, so the aggregator still counts the page's "once per page" events once. Anything else
 * is a new page, and a source address gets only so many new pages (WEB_METRICS_NEW_PAGES_*):
 * tokens are what make an app load count, so collecting them is bounded per address too. Null
 * without a secret or over that budget.
 */
export function grantPageToken(
  config: WebConfig,
  source: string,
  renewing?: string,
): PageTokenGrant | null {
  const { secret, ttlSeconds } = config.metricsPageToken;
  if (!secret) return null;
  const key = keyFor(secret);
  const nowMs = Date.now();
  const earlier = renewing === undefined ? null : verifyPageToken(key, renewing, nowMs);
  const pageId =
    earlier && (earlier.ok || earlier.reason === 'token_expired') ? earlier.pageId : undefined;
  if (!pageId && newPagesPerSource(config).take(source, nowMs) > 0) return null;
  const { token } = signPageToken(key, { nowMs, ttlSeconds, ...(pageId ? { pageId } : {}) });
  return { token, expiresInSeconds: ttlSeconds };
}

function newPagesPerSource(config: WebConfig): TokenBucketPerKey {
  return processSingleton('metrics-token-new-pages', () => {
    const { newPagesBurstPerSource, newPagesPerMinutePerSource } = config.metricsPageToken;
    return new TokenBucketPerKey(newPagesBurstPerSource, newPagesPerMinutePerSource);
  });
}

/**
 * What a page served now reports with: where, how much, and its freshly signed token. Pages are
 * rendered per request (their CSP nonce), so each page load gets its own token.
 */
export async function pageMetricsSettings(config: WebConfig): Promise<MetricsSettings> {
  const source = requestSource({ headers: await headers() });
  return {
    ...config.metrics,
    token: grantPageToken(config, source),
    tokenRefreshUrl: METRICS_TOKEN_ROUTE,
  };
}
