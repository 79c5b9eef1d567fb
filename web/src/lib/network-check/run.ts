import { NETWORK_CHECKS } from '@classpulse/metrics-aggregator/catalog';
import {
  firebaseAuthResult,
  firebaseNotUsed,
  firebaseRestResult,
  firebaseWebSocketResult,
} from './firebase.ts';
import { formatMs, protocolOf, uniqueRules } from './format.ts';
import { metricsEndpointResult } from './metrics-endpoint.ts';
import { fetchRealtimeToken, realtimeResults, tryRealtime } from './realtime.ts';
import { tlsResult, type SeenConnection } from './tls.ts';
import {
  checkTitle,
  text,
  type CheckResult,
  type NetworkCheck,
  type NetworkCheckTargets,
} from './types.ts';
import { clockResult, pingOrigin, webOriginResult } from './web-origin.ts';

export { NETWORK_CHECKS };

/** What each check is called on the page and what it is for, before it has a result. */
export const CHECK_INFO: Record<NetworkCheck, { title: string; purpose: string }> = {
  web_origin: {
    title: 'This website',
    purpose: 'Pages, sign-in and everything the app asks our server while it runs.',
  },
  clock_skew: {
    title: 'This device’s clock',
    purpose: 'Sign-ins and timers depend on the device knowing the time.',
  },
  realtime_websocket: {
    title: 'Live connection over WebSocket',
    purpose: 'How answers and dashboards update instantly.',
  },
  realtime_polling: {
    title: 'Live connection fallback (HTTP long-polling)',
    purpose: 'Used when WebSockets are blocked: slower, but gets through more proxies.',
  },
  firebase_websocket: {
    title: 'Firebase database over WebSocket',
    purpose: 'Where students’ answers sync, when this deployment uses Google Firebase.',
  },
  firebase_rest: {
    title: 'Firebase database over HTTPS',
    purpose: 'Ordinary requests to the same database.',
  },
  firebase_auth: {
    title: 'Firebase sign-in (Google)',
    purpose: 'Students’ devices sign in to Firebase through Google’s sign-in service.',
  },
  metrics_endpoint: {
    title: 'Reliability reports',
    purpose: 'Anonymous numbers (load times, connection failures) that help us spot problems.',
  },
  tls_interception: {
    title: 'HTTPS inspection',
    purpose:
      'Whether a proxy decrypts this device’s encrypted traffic, as far as a browser can tell.',
  },
};

/** A check that does not answer in this long gets a result saying so (each attempt has its own). */
const CHECK_DEADLINE_MS = 30_000;

function withDeadline(check: NetworkCheck, work: Promise<CheckResult>): Promise<CheckResult> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () =>
        resolve({
          outcome: 'fail',
          headline: text('deadlineHeadline'),
          meaning: [
            text('deadlineMeaning', {
              title: checkTitle(check),
              time: formatMs(CHECK_DEADLINE_MS),
            }),
          ],
          details: [],
          allow: [],
        }),
      CHECK_DEADLINE_MS,
    );
    work.then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      () => {
        clearTimeout(timer);
        resolve({
          outcome: 'fail',
          headline: text('crashedHeadline'),
          meaning: [text('crashedMeaning')],
          details: [],
          allow: [],
        });
      },
    );
  });
}

/**
 * Runs every check at once (each with its own deadlines) and reports each result as it comes;
 * the TLS check last, because it reads what the others' connections showed.
 */
export async function runNetworkChecks(
  targets: NetworkCheckTargets,
  report: (check: NetworkCheck, result: CheckResult) => void,
  /** The page's metrics token; null when this server collects no reports. */
  metricsToken: string | null = null,
): Promise<void> {
  const origin = window.location.origin;
  const results = new Map<NetworkCheck, CheckResult>();
  const settle = (check: NetworkCheck, work: Promise<CheckResult>) =>
    withDeadline(check, work).then((result) => {
      results.set(check, result);
      report(check, result);
    });

  const ping = pingOrigin(targets.pingUrl);
  const realtime = fetchRealtimeToken(targets.tokenUrl).then(async (token) => {
    const [websocket, polling] = await Promise.all([
      tryRealtime(targets.realtime.url, 'websocket', token),
      targets.realtime.polling ? tryRealtime(targets.realtime.url, 'polling', token) : null,
    ]);
    return realtimeResults(targets.realtime.url, websocket, polling, targets.firebase !== null);
  });
  const firebase = targets.firebase;
  await Promise.all([
    settle(
      'web_origin',
      ping.then((p) => webOriginResult(p, origin)),
    ),
    settle('clock_skew', ping.then(clockResult)),
    settle(
      'realtime_websocket',
      realtime.then((r) => r.websocket),
    ),
    settle(
      'realtime_polling',
      realtime.then((r) => r.polling),
    ),
    settle(
      'firebase_websocket',
      firebase ? firebaseWebSocketResult(firebase) : Promise.resolve(firebaseNotUsed()),
    ),
    settle(
      'firebase_rest',
      firebase ? firebaseRestResult(firebase) : Promise.resolve(firebaseNotUsed()),
    ),
    settle(
      'firebase_auth',
      firebase ? firebaseAuthResult(firebase) : Promise.resolve(firebaseNotUsed()),
    ),
    settle('metrics_endpoint', metricsEndpointResult(targets.metricsEndpoint, metricsToken)),
  ]);

  const pinged = await ping;
  const navigation = performance.getEntriesByType('navigation')[0];
  const connections: SeenConnection[] = [
    {
      host: window.location.host,
      what: text('connectionThisPage'),
      protocol: navigation?.nextHopProtocol ?? '',
      servesHttp2: false,
    },
  ];
  if (pinged.ok)
    connections.push({
      host: new URL(pinged.url).host,
      what: text('connectionPing'),
      protocol: protocolOf(pinged.url),
      servesHttp2: false,
    });
  if (firebase && !firebase.emulated) {
    connections.push(
      {
        host: new URL(firebase.restUrl).host,
        what: text('connectionDatabase'),
        protocol: protocolOf(firebase.restUrl),
        servesHttp2: true,
      },
      {
        host: new URL(firebase.signInUrl).host,
        what: text('connectionSignIn'),
        protocol: protocolOf(firebase.signInUrl),
        servesHttp2: true,
      },
    );
  }
  const secureRules = [...results.values()]
    .filter((r) => r.outcome !== 'not_applicable')
    .flatMap((r) => r.allow)
    .filter((rule) => rule.scheme === 'https' || rule.scheme === 'wss');
  await settle(
    'tls_interception',
    Promise.resolve(
      tlsResult({
        pageProtocol: window.location.protocol,
        connections,
        headerIntact: pinged.ok ? pinged.headerIntact : null,
        secureRules: uniqueRules(secureRules),
      }),
    ),
  );
}
