import { BEACON_VERSION, type Beacon } from '@classpulse/metrics-aggregator/catalog';
import { fetchWithin, formatMs, ruleFor } from './format.ts';
import { text, type CheckResult } from './types.ts';

/**
 * Sends the aggregator an empty beacon with the page's metrics token (the real wire format,
 * text/plain like the reporter's sendBeacon, so no CORS preflight) and expects 2xx. An empty
 * beacon records nothing. Without a token this server collects no reports: nothing to check.
 */
export async function metricsEndpointResult(
  endpoint: string,
  token: string | null,
): Promise<CheckResult> {
  if (token === null)
    return {
      outcome: 'not_applicable',
      headline: text('notUsedHeadline'),
      meaning: [text('metricsNotUsedMeaning')],
      details: [],
      allow: [],
    };
  const url = new URL(endpoint, window.location.href).href;
  const sameOrigin = new URL(url).origin === window.location.origin;
  const allow = [ruleFor(url, text('allowMetrics'))];
  const host = new URL(url).host;
  const beacon: Beacon = { v: BEACON_VERSION, t: token, events: [] };
  const body = JSON.stringify(beacon);
  const init: RequestInit = {
    method: 'POST',
    body,
    cache: 'no-store',
    credentials: 'omit',
    headers: { 'content-type': 'text/plain' },
  };
  const attempt = await fetchWithin(url, init);
  const request = `POST ${url}`;
  if (attempt.ok) {
    const status = String(attempt.response.status);
    const details = [text('detailStatus', { request, status, time: formatMs(attempt.elapsedMs) })];
    if (attempt.response.ok)
      return {
        outcome: 'pass',
        headline: text('metricsPassHeadline', { time: formatMs(attempt.elapsedMs) }),
        meaning: [text('metricsPassMeaning')],
        details,
        allow,
      };
    const refusedOrigin = attempt.response.status === 403;
    return {
      outcome: refusedOrigin ? 'warn' : 'fail',
      headline: text('metricsStatusHeadline', { status }),
      meaning: [
        refusedOrigin ? text('metricsRefusedOrigin') : text('metricsOtherAnswer', { status, host }),
      ],
      details,
      allow,
    };
  }
  const details = [
    text('detailProblem', { request, problem: attempt.problem, time: formatMs(attempt.elapsedMs) }),
  ];
  if (!sameOrigin) {
    // Cross-origin: a refused CORS read looks like a network failure; an opaque send tells them apart.
    const opaque = await fetchWithin(url, { ...init, mode: 'no-cors' });
    if (opaque.ok)
      return {
        outcome: 'warn',
        headline: text('metricsOpaqueHeadline', { host }),
        meaning: [text('metricsOpaqueMeaning')],
        details: [...details, text('detailOpaque', { mode: 'no-cors' })],
        allow,
      };
  }
  return {
    outcome: 'fail',
    headline: text('metricsFailHeadline', { host }),
    meaning: [
      text('metricsFailMeaning'),
      attempt.problem === 'timeout' ? text('noAnswerInTime') : text('metricsStopped'),
      text('allowHostPort', { host, port: String(allow[0]!.port) }),
    ],
    details,
    allow,
  };
}
