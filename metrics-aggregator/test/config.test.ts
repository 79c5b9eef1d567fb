import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AggregatorConfigError, loadAggregatorConfig } from '../src/server/index.ts';

const SECRET = { METRICS_PAGE_TOKEN_SECRET: 'x'.repeat(32) };

describe('aggregator configuration', () => {
  it('has working defaults for every variable but the page token secret', () => {
    const config = loadAggregatorConfig(SECRET);
    assert.equal(config.port, 4300);
    assert.equal(config.internalPort, 4301);
    assert.equal(config.corsOrigins, '*');
    assert.equal(config.maxBodyBytes, 64 * 1024);
    assert.equal(config.metricEventsPerSecond, 500);
    assert.equal(config.metricEventsBurst, 30_000);
  });

  it('requires the page token secret, at least 32 characters, and never prints it', () => {
    assert.throws(
      () => loadAggregatorConfig({}),
      (error: unknown) =>
        error instanceof AggregatorConfigError &&
        /METRICS_PAGE_TOKEN_SECRET is required/.test(error.message),
    );
    assert.throws(
      () => loadAggregatorConfig({ METRICS_PAGE_TOKEN_SECRET: 'short-secret-value' }),
      (error: unknown) =>
        error instanceof AggregatorConfigError &&
        /METRICS_PAGE_TOKEN_SECRET must have at least 32 characters/.test(error.message) &&
        !error.message.includes('short-secret-value'),
    );
  });

  it('treats empty variables as unset and parses origin lists', () => {
    const config = loadAggregatorConfig({
      ...SECRET,
      AGGREGATOR_PORT: '',
      AGGREGATOR_CORS_ORIGINS: 'https://a.example, https://b.example/',
    });
    assert.equal(config.port, 4300);
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example']);
  });

  it('names every bad variable in one clear error', () => {
    assert.throws(
      () =>
        loadAggregatorConfig({
          AGGREGATOR_PORT: 'eighty',
          AGGREGATOR_MAX_BODY_BYTES: String(1024 * 1024),
        }),
      (error: unknown) =>
        error instanceof AggregatorConfigError &&
        /AGGREGATOR_PORT/.test(error.message) &&
        /AGGREGATOR_MAX_BODY_BYTES/.test(error.message),
    );
    assert.throws(
      () => loadAggregatorConfig({ ...SECRET, AGGREGATOR_CORS_ORIGINS: 'classpulse.example/path' }),
      /not an origin/,
    );
  });
});
