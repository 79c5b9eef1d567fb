import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackDaemon } from './loopback-daemon.ts';

export interface RunningPrometheus {
  url: string;
  /** An instant query's vector result as `[labels, value]` pairs. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** Scrape jobs: name → `host:port` targets. */
  jobs: Record<string, string[]>;
  /** Rule files to evaluate (absolute paths). */
  ruleFiles?: string[];
  /** Alertmanagers (`host:port`) to send alerts to. */
  alertmanagers?: string[];
  /**
   * History to start with: OpenMetrics text with timestamps (ending `# EOF`), written into the
   * storage by `promtool tsdb create-blocks-from openmetrics` before Prometheus starts.
   */
  backfill?: string;
}

/** How long the test Prometheus keeps data: long enough for backfilled weeks of history. */
const RETENTION = '90d';

/**
 * The Debian `prometheus` binary on loopback with its own temporary storage, scraping and
 * evaluating rules every second.
 */
export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'classpulse-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  // JSON is YAML: Prometheus reads it as is.
  writeFileSync(
    config,
    JSON.stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: options.ruleFiles ?? [],
      alerting: {
        alertmanagers: [{ static_configs: [{ targets: options.alertmanagers ?? [] }] }],
      },
      scrape_configs: Object.entries(options.jobs).map(([job, targets]) => ({
        job_name: job,
        static_configs: [{ targets }],
      })),
    }),
  );
  const data = join(dir, 'data');
  if (options.backfill !== undefined) {
    mkdirSync(data);
    const file = join(dir, 'backfill.om');
    writeFileSync(file, options.backfill);
    execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, data], {
      stdio: 'pipe',
    });
  }
  const daemon = await startLoopbackDaemon({
    command: 'prometheus',
    debianPackage: 'prometheus',
    readyPath: '/-/ready',
    args: (port) => [
      `--config.file=${config}`,
      `--storage.tsdb.path=${data}`,
      `--storage.tsdb.retention.time=${RETENTION}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Alerts that fire before the Alertmanager is discovered are otherwise resent only a
      // minute later.
      '--rules.alert.resend-delay=1s',
      '--log.level=warn',
    ],
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const { url } = daemon;

  return {
    url,
    async query(expr) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await response.json()) as {
        status: string;
        error?: string;
        data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
      };
      if (body.status !== 'success') throw new Error(`query ${expr} failed: ${body.error}`);
      return (body.data?.result ?? []).map((r) => ({
        metric: r.metric,
        value: Number(r.value[1]),
      }));
    },
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
