import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import next from 'next';
import type { Metric } from 'prom-client';
import {
  createLogger,
  createRealtimeServer,
  loadOrCreateSecret,
  loadRealtimeConfig,
} from '@classpulse/realtime/server';
import {
  createAggregatorServer,
  createAggregatorLogger,
  loadAggregatorConfig,
} from '@classpulse/metrics-aggregator/server';
import { BEACON_PATH } from '@classpulse/metrics-aggregator/catalog';
import { buildIfStale } from './build-if-stale.ts';
import { currentEnvironment, exportToWebEnvironment, loadLauncherConfig } from './config.ts';
import { lanAddresses } from './lan-addresses.ts';
import { startProbeChild } from './probe-child.ts';
import { setupLinkIfNeeded } from '../server/accounts/owner-setup.ts';
import { webConfig } from '../server/config.ts';
import { database } from '../server/db.ts';
import { admitRequest, hardenServer, serverOptions } from '../server/front-door.ts';
import { legacyTeacherSecretExists } from '../server/legacy-secret.ts';
import { logRetentionPass, startProcessRetentionJob } from '../server/retention-scheduler.ts';
import { webMetrics } from '../server/web-metrics.ts';
import { LIMITS } from '@classpulse/realtime/protocol';
import { converterFor } from '../importing/converter-for.ts';
import { registerConverter } from '../importing/converter-registry.ts';

/**
 * `npm start`: the whole classroom on one machine with no cloud account. Starts the realtime tier
 * (SQLite under the data folder; WEB_EMBEDDED_REALTIME=false leaves it to the configured one),
 * the metrics aggregator (pages report to /v1/beacon on this origin; Prometheus scrapes its
 * internal port on loopback) and the web app in this process, and a probe of them as a child
 * process (probe-child.ts), then prints where to go.
 * While no admin account exists it prints a one-time setup link that creates the owner.
 */
async function main(): Promise<void> {
  const webDir = fileURLToPath(new URL('../..', import.meta.url));
  const realtimeDir = fileURLToPath(new URL('../../../realtime', import.meta.url));
  const launcher = loadLauncherConfig();
  const realtimeTokenSecret =
    launcher.realtimeTokenSecret ?? loadOrCreateSecret(launcher.dataDir, 'realtime-token-secret');
  const sessionSecret =
    launcher.sessionSecret ?? loadOrCreateSecret(launcher.dataDir, 'web-session-secret');
  const metricsPageTokenSecret =
    launcher.metricsPageTokenSecret ??
    loadOrCreateSecret(launcher.dataDir, 'metrics-page-token-secret');

  const aggregatorDir = fileURLToPath(new URL('../../../metrics-aggregator', import.meta.url));
  if (!launcher.skipBuild) buildIfStale(webDir, [realtimeDir, aggregatorDir]);

  const env = currentEnvironment();
  const realtimeConfig = loadRealtimeConfig({ CLASSPULSE_DATA_DIR: launcher.dataDir, ...env });
  const logger = createLogger(realtimeConfig.logLevel);
  const realtime = launcher.embeddedRealtime
    ? await createRealtimeServer(
        { ...realtimeConfig, tokenSecret: realtimeTokenSecret },
        { logger },
      )
    : null;
  const realtimeInternalUrl = realtime
    ? `http://127.0.0.1:${realtime.port}`
    : launcher.realtimeInternalUrl;

  // Beacons arrive through the web port; the aggregator's own public port stays on loopback.
  const aggregatorConfig = loadAggregatorConfig({
    AGGREGATOR_HOST: '127.0.0.1',
    AGGREGATOR_PORT: '0',
    AGGREGATOR_INTERNAL_HOST: '127.0.0.1',
    ...env,
    // The web app in this process signs pages' tokens with the same secret.
    METRICS_PAGE_TOKEN_SECRET: metricsPageTokenSecret,
  });
  const aggregator = await createAggregatorServer(aggregatorConfig, {
    logger: createAggregatorLogger(aggregatorConfig.logLevel),
  });
  // The web tier's own metrics (the front door's refusals) have no internal port of their own
  // here: they are scraped with the aggregator's, as the production server serves them on its own.
  const webTier = webMetrics();
  const register = (metric: Metric) => aggregator.metrics.registry.registerMetric(metric);
  register(webTier.requests);
  register(webTier.requestDuration);
  register(webTier.queryDuration);
  register(webTier.pool);
  register(webTier.refused);
  register(webTier.retentionDeleted);
  register(webTier.retentionRuns);
  register(webTier.retentionLastSuccess);

  exportToWebEnvironment({
    CLASSPULSE_DATA_DIR: launcher.dataDir,
    REALTIME_TOKEN_SECRET: realtimeTokenSecret,
    WEB_SESSION_SECRET: sessionSecret,
    METRICS_PAGE_TOKEN_SECRET: metricsPageTokenSecret,
    NEXT_TELEMETRY_DISABLED: '1',
    // Not embedded: the web app keeps the configured REALTIME_* locations.
    ...(realtime
      ? { REALTIME_INTERNAL_URL: realtimeInternalUrl, REALTIME_PUBLIC_PORT: String(realtime.port) }
      : {}),
  });

  const app = next({ dev: false, dir: webDir, hostname: launcher.host, port: launcher.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { http, uploadMaxBytes, imports } = webConfig();
  registerConverter(converterFor(imports, { maxPages: LIMITS.slidesMax }));
  const files = { uploadMaxBytes, importMaxBytes: imports.maxBytes };
  const web = createServer(serverOptions(http), (req, res) => {
    // Nothing stands in front of this server: the peer is the source (per-source sign-in limits).
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    if (!admitRequest(req, res, http, files)) return;
    if (req.url === BEACON_PATH || req.url?.startsWith(`${BEACON_PATH}?`))
      return aggregator.handleBeacon(req, res);
    void handle(req, res);
  });
  hardenServer(web, http);
  await new Promise<void>((resolve) => web.listen(launcher.port, launcher.host, resolve));
  const port = (web.address() as AddressInfo).port;

  const local = `http://localhost:${port}`;
  const retention = await startProcessRetentionJob(logRetentionPass);
  const setup = await setupLinkIfNeeded(await database(), local);
  const probe = await startProbeChild({
    webUrl: `http://127.0.0.1:${port}`,
    realtimeUrl: realtimeInternalUrl,
    realtimeTokenSecret,
    env,
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', web: local, realtime: realtime?.url ?? null, realtimeMetrics: realtime?.internalUrl ?? null, metrics: aggregator.internalUrl, probe: probe?.url ?? null, setupUrl: setup?.url ?? null })}\n`,
  );
  process.stdout.write(
    `\nClasspulse is running.\n  Teacher: ${local}/teacher\n  Metrics for Prometheus: ${aggregator.internalUrl}/metrics${realtime ? `, ${realtime.internalUrl}/metrics (realtime)` : ''}${probe ? ` and ${probe.url}/metrics (probe)` : ''}\n`,
  );
  for (const ip of lanAddresses())
    process.stdout.write(`  Students on this network: http://${ip}:${port}/join\n`);
  if (setup)
    process.stdout.write(
      `\n  Create the owner account (one-time link, valid 24 hours; a restart prints a new one):\n    ${setup.url}\n${
        legacyTeacherSecretExists(launcher.dataDir)
          ? '  The teacher secret no longer signs in. Your decks and sessions move to the owner account.\n'
          : ''
      }\n`,
    );
  else
    process.stdout.write(
      '\n  Teachers sign in with their accounts; an admin invites new ones.\n\n',
    );

  const stop = () => {
    web.closeAllConnections();
    web.close();
    // The retention pass finishes the session it is deleting before the realtime tier closes.
    void Promise.resolve(retention?.stop())
      .then(() => Promise.all([realtime?.close(), aggregator.close(), app.close(), probe?.stop()]))
      .then(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
