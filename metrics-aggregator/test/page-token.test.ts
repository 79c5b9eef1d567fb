import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PAGE_TOKEN_CLOCK_LEEWAY_SECONDS,
  pageTokenKey,
  signPageToken,
  verifyPageToken,
} from '../src/page-token/index.ts';

const key = pageTokenKey('a-page-token-secret-of-at-least-32-chars');
const NOW = Date.UTC(2026, 8, 1, 8, 0, 0);

/** Flips one character of `text` at `at` to another URL-safe one. */
const flip = (text: string, at: number) =>
  `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;

describe('page tokens', () => {
  it('verifies what it signed, with its page id and expiry, until the expiry plus the leeway', () => {
    const issued = signPageToken(key, { nowMs: NOW, ttlSeconds: 3600 });
    assert.match(issued.token, /^[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(verifyPageToken(key, issued.token, NOW + 1000), {
      ok: true,
      pageId: issued.pageId,
      expiresAtMs: NOW + 3_600_000,
    });
    const lastGood = NOW + (3600 + PAGE_TOKEN_CLOCK_LEEWAY_SECONDS) * 1000;
    assert.equal(verifyPageToken(key, issued.token, lastGood).ok, true);
    assert.deepEqual(verifyPageToken(key, issued.token, lastGood + 1000), {
      ok: false,
      reason: 'token_expired',
      pageId: issued.pageId,
    });
  });

  it('gives every page its own id, and keeps the id when renewing', () => {
    const ids = new Set(
      Array.from({ length: 1000 }, () => signPageToken(key, { nowMs: NOW, ttlSeconds: 60 }).pageId),
    );
    assert.equal(ids.size, 1000);
    const first = signPageToken(key, { nowMs: NOW, ttlSeconds: 60 });
    const renewed = signPageToken(key, {
      nowMs: NOW + 50_000,
      ttlSeconds: 60,
      pageId: first.pageId,
    });
    assert.equal(renewed.pageId, first.pageId);
    assert.notEqual(renewed.token, first.token);
    // Not a page id of ours: a fresh one instead.
    assert.notEqual(
      signPageToken(key, { nowMs: NOW, ttlSeconds: 60, pageId: 'not-an-id' }).pageId,
      'not-an-id',
    );
  });

  it('refuses every one-character change, another secret, and malformed input as token_invalid', () => {
    const { token } = signPageToken(key, { nowMs: NOW, ttlSeconds: 3600 });
    for (let at = 0; at < token.length; at += 1) {
      if (token[at] === '.') continue;
      assert.deepEqual(verifyPageToken(key, flip(token, at), NOW), {
        ok: false,
        reason: 'token_invalid',
      });
    }
    const other = pageTokenKey('another-secret-of-at-least-32-characters');
    assert.equal(verifyPageToken(other, token, NOW).ok, false);
    for (const bad of ['', 'x', `${token}x`, token.replace('.', '!'), 7, null, {}, token.repeat(2)])
      assert.deepEqual(verifyPageToken(key, bad, NOW), { ok: false, reason: 'token_invalid' });
  });

  it('refuses a lifetime longer than a day even when signed', () => {
    const long = signPageToken(key, { nowMs: NOW, ttlSeconds: 10 * 86_400 });
    // signPageToken caps the lifetime: what it signs is always valid.
    assert.equal(verifyPageToken(key, long.token, NOW).ok, true);
    assert.equal(long.expiresAtMs, NOW + 86_400_000);
  });

  it('refuses secrets shorter than 32 characters', () => {
    assert.throws(() => pageTokenKey('short'), /at least 32 characters/);
  });
});
