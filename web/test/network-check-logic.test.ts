import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NETWORK_CHECKS } from '@classpulse/metrics-aggregator/catalog';
import {
  formatMs,
  formatRule,
  ruleFor,
  ruleText,
  uniqueRules,
} from '../src/lib/network-check/format.ts';
import { DATA_END, DATA_START, renderMarked } from '../src/i18n/words.ts';
import { realtimeResults, type RealtimeAttempt } from '../src/lib/network-check/realtime.ts';
import { allowList, summaryText } from '../src/lib/network-check/summary.ts';
import { tlsResult } from '../src/lib/network-check/tls.ts';
import { text, type CheckResult } from '../src/lib/network-check/types.ts';
import { english } from '../src/lib/network-check/words.ts';
import { clockResult, type Ping } from '../src/lib/network-check/web-origin.ts';
import { firebaseTargets } from '../src/server/network-check.ts';

const RT = 'https://rt.school-classpulse.example';
const ok = (transport: 'websocket' | 'polling'): RealtimeAttempt => ({
  ok: true,
  transport,
  connectMs: 40,
  rttMs: 12,
  refused: null,
});
const refused = (transport: 'websocket' | 'polling'): RealtimeAttempt => ({
  ok: false,
  transport,
  elapsedMs: 30,
  stage: 'transport_error',
});

describe('network check logic', () => {
  it('works out the Firebase SDK’s endpoints from the web config, production and emulated', () => {
    const prod = firebaseTargets({
      apiKey: 'AIza-key',
      projectId: 'cp',
      databaseURL: 'https://cp-default-rtdb.europe-west1.firebasedatabase.app',
    });
    assert.equal(
      prod.websocketUrl,
      'wss://cp-default-rtdb.europe-west1.firebasedatabase.app/.ws?v=5&ns=cp-default-rtdb',
    );
    assert.equal(
      prod.restUrl,
      'https://cp-default-rtdb.europe-west1.firebasedatabase.app/.json?shallow=true',
    );
    assert.equal(prod.domainWildcard, '*.firebasedatabase.app');
    assert.match(prod.signInUrl, /^https:\/\/identitytoolkit\.googleapis\.com\/v1\//);
    assert.match(prod.refreshUrl, /^https:\/\/securetoken\.googleapis\.com\/v1\/token\?key=/);
    assert.equal(prod.emulated, false);

    const local = firebaseTargets({
      apiKey: 'k',
      projectId: 'cp',
      databaseURL: 'http://127.0.0.1:9000?ns=classpulse-test',
      databaseEmulatorHost: '127.0.0.1:9000',
      authEmulatorHost: '127.0.0.1:9099',
    });
    assert.equal(local.websocketUrl, 'ws://127.0.0.1:9000/.ws?v=5&ns=classpulse-test');
    assert.equal(local.restUrl, 'http://127.0.0.1:9000/.json?shallow=true&ns=classpulse-test');
    assert.equal(local.domainWildcard, null);
    assert.match(local.signInUrl, /^http:\/\/127\.0\.0\.1:9099\/identitytoolkit\.googleapis\.com/);
  });

  it('says durations from the catalog, and keeps data apart from words for the page', () => {
    assert.equal(english(formatMs(103.4)), '103 ms');
    assert.equal(english(formatMs(1_540)), '1.5 s');
    assert.equal(english(formatMs(125_000)), '2 min 5 s');
    assert.equal(english(formatMs(200 * 60_000)), '3 hours');
    const rule = ruleText(ruleFor('wss://rt.example:8443/socket', text('allowRealtimeWebSocket')));
    const marked = renderMarked(rule, (key, values) => `${key}|${JSON.stringify(values)}`);
    // Host and port are data (isolated, never translated); the scheme and the reason are words.
    assert.match(marked, new RegExp(`${DATA_START}rt\\.example${DATA_END}`));
    assert.match(marked, new RegExp(`${DATA_START}8443${DATA_END}`));
    assert.match(marked, /results\.schemeWss/);
    assert.match(marked, /results\.allowRealtimeWebSocket/);
  });

  it('names host, port and protocol in allow-list lines', () => {
    assert.equal(
      formatRule(ruleFor('wss://rt.example:8443/socket', 'live')),
      'rt.example port 8443 (WebSocket over TLS, wss://): live',
    );
    assert.equal(ruleFor('https://a.example/x', 'y').port, 443);
    assert.equal(ruleFor('ws://[::1]:4100', 'y').host, '::1');
    assert.deepEqual(
      uniqueRules([
        ruleFor('http://h:1/a', 'site'),
        ruleFor('ws://h:1', 'live'),
        ruleFor('http://h:1/b', 'reports'),
        ruleFor('http://h:1/c', 'site'),
      ]).map(formatRule),
      ['h port 1 (HTTP): site; reports', 'h port 1 (WebSocket, ws://): live'],
    );
  });

  it('reads a blocked WebSocket next to working polling as a blocked upgrade (warn), both blocked as fail', () => {
    const upgradeBlocked = realtimeResults(RT, refused('websocket'), ok('polling'), false);
    assert.equal(upgradeBlocked.websocket.outcome, 'warn');
    assert.match(english(upgradeBlocked.websocket.meaning), /WebSocket itself that is blocked/);
    assert.match(
      english(upgradeBlocked.websocket.meaning),
      /rt\.school-classpulse\.example port 443/,
    );
    assert.equal(upgradeBlocked.polling.outcome, 'pass');

    const down = realtimeResults(RT, refused('websocket'), refused('polling'), false);
    assert.equal(down.websocket.outcome, 'fail');
    assert.equal(down.polling.outcome, 'fail');
    assert.match(english(down.websocket.meaning), /cannot be reached from here at all/);
    assert.deepEqual(down.websocket.allow, [
      {
        scheme: 'wss',
        host: 'rt.school-classpulse.example',
        port: 443,
        what: [text('allowRealtimeWebSocket')],
      },
    ]);

    const websocketOnly = realtimeResults(RT, ok('websocket'), null, true);
    assert.equal(websocketOnly.polling.outcome, 'not_applicable');
    assert.equal(websocketOnly.websocket.outcome, 'pass');

    const ourProblem = realtimeResults(
      RT,
      { ok: false, transport: 'websocket', elapsedMs: 20, stage: 'refused', code: 'unauthorized' },
      ok('polling'),
      false,
    );
    assert.equal(ourProblem.websocket.outcome, 'warn');
    assert.match(english(ourProblem.websocket.meaning), /on our side/);
  });

  it('judges the clock by the server’s time corrected by half the round trip', () => {
    const ping = (deviceBehindMs: number): Ping => ({
      ok: true,
      url: 'http://x/api/network-check/ping',
      rttMs: 200,
      sentAt: 1_000_000,
      serverTime: 1_000_000 + 100 + deviceBehindMs,
      headerIntact: true,
      via: null,
    });
    assert.equal(clockResult(ping(0)).outcome, 'pass');
    assert.equal(clockResult(ping(1_900)).outcome, 'pass');
    assert.equal(clockResult(ping(-5_000)).outcome, 'warn');
    assert.match(english(clockResult(ping(-5_000)).headline), /ahead of/);
    assert.equal(clockResult(ping(120_000)).outcome, 'fail');
    assert.equal(
      clockResult({ ok: false, url: 'x', elapsedMs: 1, problem: 'network' }).outcome,
      'warn',
    );
  });

  it('reports TLS interception only from what a browser can see, and says so', () => {
    const base = { headerIntact: true, secureRules: [ruleFor('https://web.example', 'site')] };
    const plain = tlsResult({ ...base, pageProtocol: 'http:', connections: [] });
    assert.equal(plain.outcome, 'not_applicable');
    assert.match(english(plain.headline), /not loaded over HTTPS/);

    const direct = tlsResult({
      ...base,
      pageProtocol: 'https:',
      connections: [
        { host: 'web.example', what: 'this page', protocol: 'h2', servesHttp2: false },
        { host: 'db.firebaseio.com', what: 'database', protocol: 'h2', servesHttp2: true },
      ],
    });
    assert.equal(direct.outcome, 'pass');
    assert.match(english(direct.meaning), /cannot tell a page: which certificate/);

    const downgraded = tlsResult({
      ...base,
      pageProtocol: 'https:',
      connections: [
        { host: 'web.example', what: 'this page', protocol: 'h2', servesHttp2: false },
        { host: 'db.firebaseio.com', what: 'database', protocol: 'http/1.1', servesHttp2: true },
      ],
    });
    assert.equal(downgraded.outcome, 'warn');
    assert.match(english(downgraded.meaning), /db\.firebaseio\.com/);
    assert.match(english(downgraded.meaning), /exempt web\.example/);

    const unknown = tlsResult({
      ...base,
      pageProtocol: 'https:',
      connections: [{ host: 'web.example', what: 'this page', protocol: '', servesHttp2: false }],
    });
    assert.equal(unknown.outcome, 'not_applicable');
  });

  it('writes a summary with every check, in catalog order, and one allow-list', () => {
    const pass: CheckResult = {
      outcome: 'pass',
      headline: text('tlsPassHeadline'),
      meaning: [text('tlsPassMeaning')],
      details: [text('detailAnswered', { request: 'GET /', time: formatMs(3) })],
      allow: [ruleFor('https://web.example', 'site')],
    };
    const results = Object.fromEntries(NETWORK_CHECKS.map((check) => [check, pass]));
    const summary = summaryText({
      origin: 'https://web.example',
      checkedAt: new Date('2025-03-04T05:06:07Z'),
      userAgent: 'TestAgent/1',
      results,
    });
    assert.match(summary, /^Classpulse network check\nDeployment: https:\/\/web\.example\n/);
    assert.match(summary, /Checked at: 2025-03-04T05:06:07\.000Z/);
    assert.match(summary, /Browser: TestAgent\/1/);
    assert.match(summary, /Result: 9 passed, 0 warnings, 0 failed/);
    let at = 0;
    for (const check of NETWORK_CHECKS) {
      const next = summary.indexOf(`(${check})`, at);
      assert.ok(next > at, `${check} in order`);
      at = next;
    }
    assert.deepEqual(allowList(results), [ruleFor('https://web.example', 'site')]);
    assert.match(summary, /Allow-list for this Classpulse deployment:\n {2}web\.example port 443/);
  });
});
