import { pageTokenRenewalSchema } from '@classpulse/metrics-aggregator/page-token';
import { requestSource } from '../../../server/request-source.ts';
import { apiError, json } from '../../../server/api-response.ts';
import { webConfig } from '../../../server/config.ts';
import { grantPageToken } from '../../../server/metrics-page-token.ts';
import { processSingleton } from '../../../server/process-singleton.ts';
import { readJsonBody } from '../../../server/request-body.ts';
import { TokenBucketPerKey } from '../../../server/token-bucket-per-key.ts';

export const dynamic = 'force-dynamic';

/** A renewal body is one token: anything larger is refused unread. */
const MAX_BODY_BYTES = 1024;

/**
 * POST: a long-open page (a teacher's dashboard runs all day) renews its metrics token before it
 * expires; the body is the token it holds. Anyone may ask, as anyone may load a page: the limit
 * per source address is what bounds it (set so a school's pages behind one address never meet
 * it), and the aggregator's own per-page and per-metric limits bound what tokens can send.
 */
export async function POST(request: Request): Promise<Response> {
  const config = webConfig();
  if (!config.metricsPageToken.secret)
    return apiError(404, 'not_found', 'This server does not collect page metrics.');
  const perSource = processSingleton('metrics-token-renewals', () => {
    const perMinute = config.metricsPageToken.renewalsPerMinutePerSource;
    return new TokenBucketPerKey(perMinute, perMinute);
  });
  const source = requestSource(request);
  const waitMs = perSource.take(source);
  if (waitMs > 0) {
    const response = apiError(429, 'rate_limited', 'Too many token renewals from this network.');
    response.headers.set('retry-after', String(Math.ceil(waitMs / 1000)));
    return response;
  }
  const body = await readJsonBody(request, pageTokenRenewalSchema, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const grant = grantPageToken(config, source, body.data.token);
  if (!grant)
    return apiError(429, 'rate_limited', 'Too many new pages from this network; try later.');
  return json(grant);
}
