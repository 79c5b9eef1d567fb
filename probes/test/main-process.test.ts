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

/**
 * The embedded launcher starts the probe with pipes for stdin and stdout; killed outright, it
 * leaves a probe whose stdin is closed and whose stdout leads nowhere. The probe must still exit:
 * it did not while sonic-boom 4 retried a log line's EPIPE at exit forever (pino flushes on exit),
 * and the orphan held the test runner's stderr open for good.
 */
it('exits when the launcher that started it dies, though its last log lines cannot be written', async () => {
  const child = spawnProbeMain({
    PROBE_HOST: '127.0.0.1',
    PROBE_PORT: '0',
    PROBE_LOG_LEVEL: 'info',
    PROBE_LOCATION: 'local',
    PROBE_EXIT_WITH_STDIN: 'true',
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) if (line.includes('"event":"listening"')) break;
  // The launcher is gone: both its ends close at once. The probe logs that it shuts down (a
  // line it can no longer deliver) and exits.
  child.stdout.destroy();
  child.stdin.destroy();
  const timeout = AbortSignal.timeout(20_000);
  await Promise.race([
    exited,
    once(timeout, 'abort').then(() => {
      child.kill('SIGKILL');
      assert.fail('still running 20 s after its parent was gone');
    }),
  ]);
});
