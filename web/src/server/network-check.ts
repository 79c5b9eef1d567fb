import type { FirebaseWebConfig } from '@classpulse/realtime/client/firebase';
import type { FirebaseTargets, NetworkCheckTargets } from '../lib/network-check/types.ts';
import { realtimeUrlFor, type WebConfig } from './config.ts';
import { realtimeTokens } from './realtime-tokens.ts';

/** What the network check page tests, for a browser that reached us on `host`. */
export function networkCheckTargets(config: WebConfig, host: string | null): NetworkCheckTargets {
  return {
    pingUrl: '/api/network-check/ping',
    tokenUrl: '/api/network-check/token',
    realtime: { url: realtimeUrlFor(config, host), polling: !config.realtimeWebsocketOnly },
    firebase: config.firebaseWeb ? firebaseTargets(config.firebaseWeb) : null,
    metricsEndpoint: config.metrics.endpoint,
  };
}

/**
 * The endpoints the Firebase SDK uses in the browser, from the web config the student pages
 * get: the database's WebSocket (`/.ws?v=5&ns=…`, the SDK's wire protocol) and REST API, and
 * Google's sign-in service (`signInWithCustomToken`, then token refreshes), or the emulators.
 */
export function firebaseTargets(config: FirebaseWebConfig): FirebaseTargets {
  const database = new URL(config.databaseURL);
  // Like the SDK: a `?ns=` parameter names the database, else the host's first label does.
  const namespace = database.searchParams.get('ns') ?? database.hostname.split('.')[0] ?? '';
  const ns = `ns=${encodeURIComponent(namespace)}`;
  const emulatedDb = config.databaseEmulatorHost;
  const secure = !emulatedDb && database.protocol === 'https:';
  const dbHost = emulatedDb ?? database.host;
  const key = `key=${encodeURIComponent(config.apiKey)}`;
  const auth = config.authEmulatorHost
    ? {
        signInUrl: `http://${config.authEmulatorHost}/identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?${key}`,
        refreshUrl: `http://${config.authEmulatorHost}/securetoken.googleapis.com/v1/token?${key}`,
      }
    : {
        signInUrl: `https://identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?${key}`,
        refreshUrl: `https://securetoken.googleapis.com/v1/token?${key}`,
      };
  // A named host (not an address): the SDK may be redirected to other servers of its domain.
  const named = !emulatedDb && /[a-z]/i.test(database.hostname);
  return {
    databaseHost: dbHost,
    websocketUrl: `${secure ? 'wss' : 'ws'}://${dbHost}/.ws?v=5&${ns}`,
    restUrl: `${secure ? 'https' : 'http'}://${dbHost}/.json?shallow=true${
      emulatedDb || database.searchParams.has('ns') ? `&${ns}` : ''
    }`,
    ...auth,
    domainWildcard: named ? `*.${database.hostname.split('.').slice(-2).join('.')}` : null,
    emulated: Boolean(emulatedDb),
  };
}

/** The network check's realtime token is good for this long: enough to connect, never reused. */
const TOKEN_TTL_SECONDS = 120;

/**
 * A token for the network check's realtime connections, or null when this app cannot sign any
 * (no REALTIME_TOKEN_SECRET). It is the probe role of realtime/src/server/tokens.ts: the realtime
 * tier lets a probe connect and `ping`, and refuses it every session event, so handing one to
 * any visitor grants nothing a student or teacher has (see the token route for why at all).
 */
export async function networkCheckToken(config: WebConfig): Promise<string | null> {
  return (await realtimeTokens(config)?.signProbe('network-check', TOKEN_TTL_SECONDS)) ?? null;
}
