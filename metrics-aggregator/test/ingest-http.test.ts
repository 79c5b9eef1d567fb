import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { AggregatorServer } from '../src/server/index.ts';
import { freshToken, postBeacon, scrape, startAggregator } from './support/aggregator.ts';
import { sample } from './support/exposition.ts';
import { promtoolCheckMetrics } from './support/promtool.ts';

const LOAD = 'classroom_app_loads_total{app="student",outcome="success"}';
const load = { m: 'classroom_app_loads_total', l: { app: 'student', outcome: 'success' }, v: 1 };
const lcp = { m: 'classroom_web_vitals_lcp_seconds', l: { app: 'student' } };
/** A heartbeat: an event a page may send any number of times (an app load counts once). */
const beat = { m: 'classroom_client_heartbeats_total', l: { app: 'student' }, v: 1 };
const BEAT = 'classroom_client_heartbeats_total{app="student"}';
const beacon = (events: unknown[], t = freshToken()) => JSON.stringify({ v: 2, t, events });
const rejected = (reason: string) => `metrics_aggregator_rejected_total{reason="${reason}"}`;

/**
 * Each hostile input: the status it gets, the reason it is counted under, and afterwards
 * `promtool check metrics` still accepts the scrape and the valid loads are exactly what the
 * valid events sent.
 */
describe('beacon ingest over HTTP', () => {
  let server: AggregatorServer;
  let validLoads = 0;
  before(async () => {
    server = await startAggregator({ AGGREGATOR_MAX_EVENTS_PER_BEACON: '20' });
  });
  after(() => server.close());

  /** Sends `body`, which holds `validInside` valid app loads beside the hostile part. */
  async function expectAfter(
    reason: string,
    status: number,
    body: string,
    { headers, validInside = 0 }: { headers?: Record<string, string>; validInside?: number } = {},
  ) {
    const before = sample((await scrape(server)).text, rejected(reason));
    const reply = await postBeacon(server, body, headers);
    validLoads += validInside;
    assert.equal(reply.status, status, reply.body);
    const { text } = await scrape(server);
    assert.ok(sample(text, rejected(reason)) > before, `${reason} counted`);
    const lint = await promtoolCheckMetrics(text);
    assert.equal(lint.ok, true, lint.output);
    assert.equal(sample(text, LOAD), validLoads, 'valid loads unchanged by the hostile part');
    return reply;
  }

  it('records a valid beacon and answers 204', async () => {
    const reply = await postBeacon(server, beacon([load, { ...lcp, v: 1.7 }]));
    validLoads += 1;
    assert.equal(reply.status, 204);
    const { text, contentType } = await scrape(server);
    assert.equal(contentType, 'text/plain; version=0.0.4; charset=utf-8');
    assert.equal(sample(text, LOAD), 1);
    assert.equal(sample(text, 'classroom_web_vitals_lcp_seconds_bucket{le="2",app="student"}'), 1);
    assert.equal(
      sample(text, 'classroom_web_vitals_lcp_seconds_bucket{le="1.5",app="student"}'),
      0,
    );
    assert.ok(sample(text, 'process_cpu_user_seconds_total') > 0, 'process metrics');
    assert.equal((await promtoolCheckMetrics(text)).ok, true);
  });

  it('takes application/json too', async () => {
    const reply = await postBeacon(server, beacon([load]), { 'content-type': 'application/json' });
    validLoads += 1;
    assert.equal(reply.status, 204);
  });

  const eventCases: Array<[string, unknown, string]> = [
    ['a string increment', { ...load, v: '1' }, 'invalid_value'],
    ['a negative increment', { ...load, v: -5 }, 'invalid_value'],
    ['NaN-like strings as observations', { ...lcp, v: 'NaN' }, 'invalid_value'],
    ['a string observation', { ...lcp, v: 'fast' }, 'invalid_value'],
    [
      'an unknown metric',
      { m: 'classroom_unknown_total', l: { app: 'student' }, v: 1 },
      'unknown_metric',
    ],
    ['"constructor" as a metric name', { m: 'constructor', v: 1 }, 'unknown_metric'],
    ['"hasOwnProperty" as a metric name', { m: 'hasOwnProperty', v: 1 }, 'unknown_metric'],
    [
      'label values with quotes and newlines',
      { ...load, l: { app: 'student"} 1\nfake_metric 9', outcome: 'success' } },
      'invalid_label',
    ],
    [
      'a label that could carry an id',
      { ...load, l: { ...load.l, student_id: 'abc' } },
      'invalid_label',
    ],
    ['an event that is a string', 'classroom_app_loads_total 1', 'malformed_event'],
  ];
  for (const [what, event, reason] of eventCases)
    it(`drops ${what} (${reason}) and keeps the valid events beside it`, async () => {
      const reply = await expectAfter(reason, 202, beacon([event, load]), { validInside: 1 });
      assert.deepEqual(JSON.parse(reply.body), { accepted: 1, dropped: { [reason]: 1 } });
      assert.equal(sample((await scrape(server)).text, LOAD), validLoads);
    });

  it('drops 1e308 sent twice: no counter or histogram sum overflows to +Inf', async () => {
    const huge = [
      { ...load, v: 1e308 },
      { ...load, v: 1e308 },
      { ...lcp, v: 1e308 },
      { ...lcp, v: 1e308 },
    ];
    await expectAfter('invalid_value', 202, beacon(huge));
    const { text } = await scrape(server);
    assert.doesNotMatch(text, /^classroom_\S+ (\+Inf|NaN|1e\+308)/m);
  });

  it('drops 1e999, which JSON.parse turns into Infinity', async () => {
    await expectAfter(
      'invalid_value',
      202,
      `{"v":2,"t":"${freshToken()}","events":[{"m":"classroom_web_vitals_cls","l":{"app":"student"},"v":1e999}]}`,
    );
  });

  it('refuses a literal NaN, which is not JSON', async () => {
    await expectAfter(
      'invalid_json',
      400,
      `{"v":2,"t":"${freshToken()}","events":[{"m":"classroom_web_vitals_cls","l":{"app":"student"},"v":NaN}]}`,
    );
  });

  for (const [what, body] of [
    ['a non-array events field', JSON.stringify({ v: 2, t: freshToken(), events: { 0: load } })],
    ['an array body', JSON.stringify([load])],
    ['a string body', JSON.stringify('hello')],
    ['null', 'null'],
    ['a missing token', JSON.stringify({ v: 2, events: [load] })],
    ['a token that is not a string', JSON.stringify({ v: 2, t: 7, events: [load] })],
    ['an unknown version', JSON.stringify({ v: 3, t: freshToken(), events: [load] })],
  ] as const)
    it(`refuses ${what} as invalid_beacon (400)`, async () => {
      const reply = await expectAfter('invalid_beacon', 400, body);
      assert.equal(
        (JSON.parse(reply.body) as { error: { code: string } }).error.code,
        'invalid_beacon',
      );
    });

  it('refuses an oversized body (413), declared or streamed', async () => {
    const big = beacon([{ ...load, pad: 'x'.repeat(70 * 1024) }]);
    await expectAfter('body_too_large', 413, big);
    // Chunked, no Content-Length: the server stops reading past the limit.
    const before = sample((await scrape(server)).text, rejected('body_too_large'));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/v1/beacon`,
        { method: 'POST', headers: { 'content-type': 'text/plain' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 80; i += 1) req.write('x'.repeat(1024));
      req.end();
    });
    assert.equal(status, 413);
    assert.equal(sample((await scrape(server)).text, rejected('body_too_large')), before + 1);
  });

  it('keeps the first N events and counts the rest as too_many_events', async () => {
    const beats = sample((await scrape(server)).text, BEAT);
    const reply = await expectAfter(
      'too_many_events',
      202,
      beacon(Array.from({ length: 25 }, () => beat)),
    );
    assert.deepEqual(JSON.parse(reply.body), { accepted: 20, dropped: { too_many_events: 5 } });
    assert.equal(sample((await scrape(server)).text, BEAT), beats + 20);
  });

  it('refuses other media types (415) and other methods (405)', async () => {
    await expectAfter('unsupported_media_type', 415, beacon([load]), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const get = await fetch(`${server.url}/v1/beacon`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
  });

  it('survives clients hanging up mid-body, recording nothing from them', async () => {
    for (let i = 0; i < 10; i += 1)
      await new Promise<void>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(
            'POST /v1/beacon HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n' +
              `Content-Length: 1000\r\n\r\n{"v":2,"t":"${freshToken()}","events":[${JSON.stringify(load)}`,
            () => {
              socket.destroy();
              resolve();
            },
          );
        });
        socket.once('error', reject);
      });
    const reply = await postBeacon(server, beacon([load]));
    validLoads += 1;
    assert.equal(reply.status, 204);
    const { text } = await scrape(server);
    assert.equal(sample(text, LOAD), validLoads);
  });

  it('serves /metrics only on the internal port, /healthz on both', async () => {
    assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
    assert.equal(await (await fetch(`${server.internalUrl}/healthz`)).text(), 'ok');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });
});

describe('CORS', () => {
  let server: AggregatorServer;
  before(async () => {
    server = await startAggregator({
      AGGREGATOR_CORS_ORIGINS: 'https://classpulse.example, http://localhost:3000',
    });
  });
  after(() => server.close());

  it('echoes an allowed origin on success and on errors', async () => {
    const ok = await postBeacon(server, beacon([load]), { origin: 'https://classpulse.example' });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://classpulse.example');
    assert.match(ok.headers.get('vary') ?? '', /Origin/);
    const bad = await postBeacon(server, '{', { origin: 'http://localhost:3000' });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('access-control-allow-origin'), 'http://localhost:3000');
  });

  it('answers the JSON preflight for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/beacon`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://classpulse.example');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://classpulse.example');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
    assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
    const denied = await preflight('https://evil.example');
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
  });

  it('drops beacons from other origins (403, origin_not_allowed)', async () => {
    const reply = await postBeacon(server, beacon([load]), { origin: 'https://evil.example' });
    assert.equal(reply.status, 403);
    assert.equal(reply.headers.get('access-control-allow-origin'), null);
    const { text } = await scrape(server);
    assert.equal(sample(text, rejected('origin_not_allowed')), 1);
    assert.equal(sample(text, LOAD), 1);
  });
});

describe('rate limit per reporting page', () => {
  let server: AggregatorServer;
  let now = 1_000_000;
  before(async () => {
    server = await startAggregator(
      { AGGREGATOR_PAGE_EVENTS_PER_SECOND: '1', AGGREGATOR_PAGE_EVENTS_BURST: '10' },
      { now: () => now },
    );
  });
  after(() => server.close());

  it('lets a page burst, then refills over time, and never blocks another page on the same IP', async () => {
    const t = freshToken();
    const first = await postBeacon(
      server,
      beacon(
        Array.from({ length: 12 }, () => beat),
        t,
      ),
    );
    assert.equal(first.status, 202, 'no error status a tab would retry');
    assert.deepEqual(JSON.parse(first.body), { accepted: 10, dropped: { rate_limited: 2 } });
    const other = await postBeacon(server, beacon([beat, beat]));
    assert.equal(other.status, 204, 'another page from the same address is unaffected');
    now += 3_000;
    const later = await postBeacon(server, beacon([beat, beat, beat, beat], t));
    assert.deepEqual(JSON.parse(later.body), { accepted: 3, dropped: { rate_limited: 1 } });
    const { text } = await scrape(server);
    assert.equal(sample(text, BEAT), 15);
    assert.equal(sample(text, rejected('rate_limited')), 3);
    assert.equal((await promtoolCheckMetrics(text)).ok, true);
  });
});

describe('lifecycle', () => {
  it('closes twice safely and frees both ports', async () => {
    const server = await startAggregator();
    await Promise.all([server.close(), server.close()]);
    await server.close();
    await assert.rejects(fetch(`${server.internalUrl}/healthz`));
  });
});
