/**
 * Page tokens make an app load count, so collecting them is bounded per source address: a new
 * page (a new page id) takes from the address's budget, a renewal of a genuine token does not.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { loadWebConfig } from '../src/server/config.ts';
import { grantPageToken } from '../src/server/metrics-page-token.ts';

const config = loadWebConfig({
  METRICS_PAGE_TOKEN_SECRET: randomBytes(32).toString('hex'),
  WEB_METRICS_NEW_PAGES_BURST: '3',
  WEB_METRICS_NEW_PAGES_PER_MINUTE: '1',
});
/** The page id: the payload's last 20 characters (page-token.ts). */
const pageIdOf = (token: string) => token.slice(12, 32);

test('a source gets a burst of new pages, then none; renewals and other sources go on', () => {
  const school = Array.from({ length: 3 }, () => grantPageToken(config, '203.0.113.7'));
  assert.ok(school.every((grant) => grant !== null));
  assert.equal(grantPageToken(config, '203.0.113.7'), null, 'the budget is spent');
  assert.equal(
    grantPageToken(config, '203.0.113.7', 'forged.or-stale'),
    null,
    'a forged token "renewed" is a new page too',
  );
  const renewed = grantPageToken(config, '203.0.113.7', school[0]!.token);
  assert.ok(renewed, 'a genuine page keeps renewing');
  assert.equal(pageIdOf(renewed.token), pageIdOf(school[0]!.token));
  assert.ok(grantPageToken(config, '198.51.100.1'), 'another address has its own budget');
});
