import { KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import {
  fallbackProbeConfig,
  loadProbeConfig,
  ProbeConfigError,
  type ProbeConfig,
} from './config.ts';
import { createProbeServer } from './probe-server.ts';

/** Thin entry point: config, signals, nothing else. */
async function main(): Promise<void> {
  let config: ProbeConfig;
  let configProblem: string | undefined;
  try {
    config = loadProbeConfig();
  } catch (error) {
    if (!(error instanceof ProbeConfigError)) throw error;
    // Stay up with the defaults (metrics only), so the mistake shows as an alert, not a crash loop.
    configProblem = error.message;
    config = fallbackProbeConfig();
  }
  const logger = pino({ name: 'probes', level: config.logLevel });
  let kubeConfig: KubeConfig | undefined;
  if (config.nodeName && !config.location) {
    kubeConfig = new KubeConfig();
    // In a pod: the service account; elsewhere: $KUBECONFIG or ~/.kube/config.
    kubeConfig.loadFromDefault();
  }
  const server = await createProbeServer(config, {
    logger,
    ...(kubeConfig ? { kubeConfig } : {}),
    ...(configProblem ? { configProblem } : {}),
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: server.url, location: server.location })}\n`,
  );
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), config.phaseTimeoutMs * 2).unref();
    void server.close().then(() => process.exit(0));
  };
  if (config.exitWithStdin) {
    // A child of the embedded launcher: when the launcher dies, even by SIGKILL, stdin closes.
    process.stdin.once('close', () => stop('parent gone'));
    process.stdin.resume();
  }
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
