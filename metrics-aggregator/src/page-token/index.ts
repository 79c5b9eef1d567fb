/**
 * `@classpulse/metrics-aggregator/page-token`: the signed, short-lived token a page reports
 * metrics with. The web app signs it when it serves a page (and renews it for long-open ones);
 * the aggregator verifies it. Server-side only (node:crypto).
 */
export * from './page-token.ts';
export type { PageTokenGrant, PageTokenRenewal } from './grant.ts';
export { pageTokenRenewalSchema } from './renewal-schema.ts';
