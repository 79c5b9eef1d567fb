import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { it } from 'node:test';
import { sample } from './support/metrics-text.ts';
import { spawnProbeMain } from './support/probe-process.ts';

/** A typo in a deployment must page someone through metrics, not crash-loop the pod. */
it('a misconfigured probe process stays up, not ready, with the config error counted', async () => {
  const child = spawnProbeMain({
    PROBE_HOST: '127.0.0.1',
    PROBE_PORT: '0',
    PROBE_INTERVAL_MS: 'every minute',
    PROBE_WEB_URL: 'not a url',
  });
  try {
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { url } = JSON.parse(line) as { url: string };
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 503);
    const why = await ready.text();
    assert.match(why, /PROBE_INTERVAL_MS/);
    assert.match(why, /PROBE_WEB_URL/);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    assert.equal(sample(metrics, 'probe_errors_total{kind="config"}'), 1);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = (await once(child, 'exit')) as [number];
  assert.equal(code, 0, 'and it shuts down cleanly');
});
