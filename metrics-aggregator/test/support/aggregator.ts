import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import {
  createAggregatorServer,
  loadAggregatorConfig,
  type AggregatorDeps,
  type AggregatorServer,
} from '../../src/server/index.ts';
import { TEST_PAGE_TOKEN_SECRET, testPageToken } from '../../src/testing/index.ts';

/** A real aggregator on loopback port 0 (both ports); `env` overrides its configuration. */
export async function startAggregator(
  env: Record<string, string> = {},
  deps: AggregatorDeps = {},
): Promise<AggregatorServer> {
  const config = loadAggregatorConfig({
    AGGREGATOR_HOST: '127.0.0.1',
    AGGREGATOR_PORT: '0',
    AGGREGATOR_INTERNAL_HOST: '127.0.0.1',
    AGGREGATOR_INTERNAL_PORT: '0',
    METRICS_PAGE_TOKEN_SECRET: TEST_PAGE_TOKEN_SECRET,
    ...env,
  });
  return createAggregatorServer(config, { logger: pino({ level: 'silent' }), ...deps });
}

export interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

/** POSTs a raw body to /v1/beacon (text/plain unless `headers` says otherwise). */
export async function postBeacon(
  server: AggregatorServer,
  body: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${server.url}/v1/beacon`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export async function scrape(
  server: AggregatorServer,
): Promise<{ text: string; contentType: string }> {
  const response = await fetch(`${server.internalUrl}/metrics`);
  return { text: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}

/** A freshly signed page token (a new page id), so tests do not share a rate-limit bucket. */
export const freshToken = (): string => testPageToken();

/** `main.ts` as its own process (what `npm start -w @classpulse/metrics-aggregator` runs). */
export function spawnAggregatorMain(env: Record<string, string>): ChildProcessWithoutNullStreams {
  const main = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));
  return spawn(process.execPath, [main], {
    env: {
      ...process.env,
      AGGREGATOR_LOG_LEVEL: 'silent',
      METRICS_PAGE_TOKEN_SECRET: TEST_PAGE_TOKEN_SECRET,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
