import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import type { Check } from '../src/check.ts';
import { createProbeMetrics } from '../src/metrics.ts';
import { ProbeLoop } from '../src/probe-loop.ts';

const logger = pino({ level: 'silent' });
const context = {
  target: 't',
  probe: 'here',
  metrics: createProbeMetrics(),
  phaseTimeoutMs: 1_000,
  logger,
};

/** A check whose ticks take `ms` and that records how many of its ticks overlap. */
function slowCheck(ms: number, shared: { now: number; max: number }) {
  let running = 0;
  let maxOwn = 0;
  let ticks = 0;
  const check: Check = {
    kind: 'web',
    async tick() {
      ticks += 1;
      running += 1;
      shared.now += 1;
      shared.max = Math.max(shared.max, shared.now);
      maxOwn = Math.max(maxOwn, running);
      await new Promise((r) => setTimeout(r, ms));
      running -= 1;
      shared.now -= 1;
    },
  };
  return { check, stats: () => ({ ticks, maxOwn }) };
}

function ticksDone(loop: { onTick: (c: Check) => void }, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    loop.onTick = () => {
      seen += 1;
      if (seen === count) resolve();
    };
  });
}

describe('the probe loop', () => {
  it('never overlaps a check with itself and runs at most maxConcurrency checks at once', async () => {
    const shared = { now: 0, max: 0 };
    const checks = Array.from({ length: 4 }, () => slowCheck(40, shared));
    const hook = { onTick: (_: Check) => undefined as void };
    const done = ticksDone(hook, 12);
    // The interval is shorter than a tick: the next one must wait for the previous to finish.
    const loop = new ProbeLoop(
      checks.map((c) => c.check),
      {
        intervalMs: 5,
        jitterMs: 0,
        maxConcurrency: 2,
        context,
        logger,
        onTick: (c) => hook.onTick(c),
      },
    );
    loop.start();
    await done;
    await loop.stop();
    assert.equal(shared.max, 2, 'two checks at once at most');
    for (const c of checks) assert.equal(c.stats().maxOwn, 1, 'a check never overlaps itself');
    assert.ok(
      checks.every((c) => c.stats().ticks >= 2),
      'every check keeps its turn',
    );
  });

  it('keeps running after a check throws, and starts each check within its jitter', async () => {
    let calls = 0;
    const failing: Check = {
      kind: 'firebase',
      tick() {
        calls += 1;
        return Promise.reject(new Error('boom'));
      },
    };
    const hook = { onTick: (_: Check) => undefined as void };
    const done = ticksDone(hook, 3);
    const delays: number[] = [];
    const loop = new ProbeLoop([failing], {
      intervalMs: 10,
      jitterMs: 20,
      maxConcurrency: 1,
      context,
      logger,
      random: () => {
        delays.push(0.5);
        return 0.5;
      },
      onTick: (c) => hook.onTick(c),
    });
    loop.start();
    await done;
    assert.equal(loop.alive(), true);
    await loop.stop();
    assert.equal(calls, 3);
    assert.ok(delays.length >= 3, 'every schedule draws its jitter');
    assert.equal(loop.alive(), false, 'a stopped loop is not alive');
  });

  it('is not alive when nothing has happened for three intervals', () => {
    let now = 0;
    const loop = new ProbeLoop([slowCheck(1, { now: 0, max: 0 }).check], {
      intervalMs: 1_000,
      jitterMs: 0,
      maxConcurrency: 1,
      context,
      logger,
      now: () => now,
    });
    assert.equal(loop.alive(), true);
    now = 3_001;
    assert.equal(loop.alive(), false);
  });
});
