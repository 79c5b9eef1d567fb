import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { spawnAggregatorMain as start } from './support/aggregator.ts';

describe('npm start -w @classpulse/metrics-aggregator (main.ts)', () => {
  it('listens, serves both ports, and exits 0 on SIGTERM', async () => {
    const child = start({
      AGGREGATOR_HOST: '127.0.0.1',
      AGGREGATOR_PORT: '0',
      AGGREGATOR_INTERNAL_HOST: '127.0.0.1',
      AGGREGATOR_INTERNAL_PORT: '0',
    });
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { url, internalUrl } = JSON.parse(line) as { url: string; internalUrl: string };
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.match(await (await fetch(`${internalUrl}/metrics`)).text(), /classroom_app_loads_total/);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0);
  });

  it('exits 2 with a message naming the variable on bad configuration', async () => {
    const child = start({ AGGREGATOR_PORT: 'not-a-port' });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(stderr, /AGGREGATOR_PORT/);
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/, 'no stack trace for a configuration mistake');
  });

  it('exits 2 without the page token secret, naming it', async () => {
    const child = start({ METRICS_PAGE_TOKEN_SECRET: '' });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(stderr, /METRICS_PAGE_TOKEN_SECRET is required/);
  });
});
