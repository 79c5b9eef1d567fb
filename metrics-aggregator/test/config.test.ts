import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AggregatorConfigError, loadAggregatorConfig } from '../src/server/index.ts';

describe('aggregator configuration', () => {
  it('has working defaults for every variable', () => {
    const config = loadAggregatorConfig({});
    assert.equal(config.port, 4300);
    assert.equal(config.internalPort, 4301);
    assert.equal(config.corsOrigins, '*');
    assert.equal(config.maxBodyBytes, 64 * 1024);
  });

  it('treats empty variables as unset and parses origin lists', () => {
    const config = loadAggregatorConfig({
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
      () => loadAggregatorConfig({ AGGREGATOR_CORS_ORIGINS: 'classpulse.example/path' }),
      /not an origin/,
    );
  });
});
