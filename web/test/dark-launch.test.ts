import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEvent, FAILURE_STAGES } from '@classpulse/metrics-aggregator/catalog';
import type { PageMetrics } from '@classpulse/metrics-aggregator/reporter';
import { memoryStorage } from '@classpulse/realtime/client';
import type { ShadowObservation } from '@classpulse/realtime/client/shadow';
import { reportShadow, samplePoint } from '../src/lib/dark-launch.ts';

/** The page's reporter as far as the dark launch uses it: what it would send, as beacon events. */
function recorder() {
  const events: unknown[] = [];
  const metrics = {
    app: 'student',
    count: (m: string, l: object, v = 1) => events.push({ m, l, v }),
    observe: (m: string, l: object, v: number) => events.push({ m, l, v }),
  } as unknown as PageMetrics;
  return { events, metrics };
}

describe('the dark launch on the student page', () => {
  it('keeps one sample point per browser, so a student stays in or out across reloads', () => {
    const storage = memoryStorage();
    const first = samplePoint(storage);
    assert.ok(first >= 0 && first < 1);
    assert.equal(samplePoint(storage), first);
    storage.setItem('classpulse:v1:dark-launch-sample', 'not a number');
    const redrawn = samplePoint(storage);
    assert.ok(redrawn >= 0 && redrawn < 1);
    assert.equal(samplePoint(storage), redrawn);
  });

  it('reports every observation as valid catalog events, with no id in them', () => {
    const observations: ShadowObservation[] = [
      { type: 'connected', transport: 'websocket', durationMs: 120, reconnect: false },
      { type: 'connected', transport: 'polling', durationMs: 10_400, reconnect: true },
      ...(['network', 'upgrade', 'handshake', 'auth', 'timeout'] as const).map(
        (stage): ShadowObservation => ({ type: 'failed', stage, durationMs: 50, reconnect: false }),
      ),
      ...[
        'io server disconnect',
        'io client disconnect',
        'ping timeout',
        'transport close',
        'transport error',
        'parse error',
        'something new',
      ].map((reason): ShadowObservation => ({ type: 'disconnected', reason })),
      { type: 'rtt', transport: 'websocket', rttMs: 35 },
    ];
    const { events, metrics } = recorder();
    for (const o of observations) reportShadow(metrics, o);
    for (const event of events) assert.equal(checkEvent(event).ok, true, JSON.stringify(event));
    const names = events.map((e) => (e as { m: string }).m);
    assert.deepEqual(
      new Set(names),
      new Set([
        'classroom_ws_dark_launch_connects_total',
        'classroom_ws_dark_launch_connect_duration_seconds',
        'classroom_ws_dark_launch_reconnects_total',
        'classroom_ws_dark_launch_disconnects_total',
        'classroom_ws_dark_launch_rtt_seconds',
      ]),
    );
    const stages = events.flatMap((e) => {
      const l = (e as { l: { failure_stage?: string } }).l;
      return l.failure_stage ? [l.failure_stage] : [];
    });
    for (const stage of stages) assert.ok((FAILURE_STAGES as readonly string[]).includes(stage));
    const reasons = events.flatMap((e) => {
      const l = (e as { l: { reason?: string } }).l;
      return l.reason ? [l.reason] : [];
    });
    assert.equal(reasons.at(-1), 'other');
  });
});
