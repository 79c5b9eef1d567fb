import { BEACON_VERSION, type Beacon } from '@classpulse/metrics-aggregator/catalog';
import { fetchWithin, formatMs, ruleFor } from './format.ts';
import type { CheckResult } from './types.ts';

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
      headline: 'Not used by this Classpulse deployment.',
      meaning: 'This deployment collects no reliability reports from pages.',
      details: [],
      allow: [],
    };
  const url = new URL(endpoint, window.location.href).href;
  const sameOrigin = new URL(url).origin === window.location.origin;
  const allow = [ruleFor(url, 'anonymous reliability reports (no names, no answers)')];
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
  const what =
    'Pages send anonymous numbers about load times and connection failures, so we notice problems at schools before they are reported.';
  if (attempt.ok) {
    const { status } = attempt.response;
    const details = [`POST ${url}: HTTP ${status} in ${formatMs(attempt.elapsedMs)}`];
    if (attempt.response.ok)
      return {
        outcome: 'pass',
        headline: `Reliability reports reach us (${formatMs(attempt.elapsedMs)}).`,
        meaning: what,
        details,
        allow,
      };
    const refusedOrigin = status === 403;
    return {
      outcome: refusedOrigin ? 'warn' : 'fail',
      headline: `The reliability report endpoint answered HTTP ${status}.`,
      meaning: refusedOrigin
        ? 'Our metrics service was reached but does not accept reports from this website: a setting on our side. Classpulse works without it; please tell support.'
        : `Something answered in place of our metrics service (HTTP ${status}). Classpulse works without these reports, but we will not see problems at your school. Allow ${host}.`,
      details,
      allow,
    };
  }
  const details = [`POST ${url}: ${attempt.problem} after ${formatMs(attempt.elapsedMs)}`];
  if (!sameOrigin) {
    // Cross-origin: a refused CORS read looks like a network failure; an opaque send tells them apart.
    const opaque = await fetchWithin(url, { ...init, mode: 'no-cors' });
    if (opaque.ok)
      return {
        outcome: 'warn',
        headline: `${host} was reached, but the browser may not read its answer.`,
        meaning:
          'Our metrics service does not allow this website’s reports (a setting on our side), or a proxy removed its headers. Classpulse works without it; please tell support.',
        details: [...details, 'no-cors retry: an answer arrived (opaque)'],
        allow,
      };
  }
  return {
    outcome: 'fail',
    headline: `Reliability reports do not get through to ${host}.`,
    meaning: `Classpulse works without them, but we will not see problems at your school. ${
      attempt.problem === 'timeout'
        ? 'There was no answer in time.'
        : 'The request was stopped before an answer arrived (often an ad or tracking blocker, or a filter).'
    } Allow ${host} port ${allow[0]!.port}.`,
    details,
    allow,
  };
}
