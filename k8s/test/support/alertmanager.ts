import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackDaemon } from '@classpulse/metrics-aggregator/testing';
import { parse, stringify } from 'yaml';
import {
  DEFAULT_SCHOOL_CALENDAR,
  type SchoolCalendar,
} from '../../src/calendar/school-calendar.ts';
import {
  ALERTMANAGER_DIR,
  alertmanagerConfigFiles,
  CONFIG_SECRET_KEY,
} from '../../src/manifests/alertmanager.ts';

/** alertmanager.yml as the config Secret carries it: time intervals generated from `calendar`. */
export function generatedAlertmanagerConfig(
  calendar: SchoolCalendar = DEFAULT_SCHOOL_CALENDAR,
): string {
  const config = alertmanagerConfigFiles({ schoolCalendar: calendar })[CONFIG_SECRET_KEY];
  if (config === undefined) throw new Error(`the config Secret has no ${CONFIG_SECRET_KEY}`);
  return config;
}

/** Writes the generated config into `dir` for amtool; returns its path. */
export function writeAlertmanagerConfig(
  dir: string,
  calendar: SchoolCalendar = DEFAULT_SCHOOL_CALENDAR,
): string {
  const file = join(dir, 'alertmanager.yml');
  writeFileSync(file, generatedAlertmanagerConfig(calendar));
  return file;
}

interface Route {
  group_wait?: string;
  group_interval?: string;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  routes?: Route[];
}

/** Makes a route tree answer within a second and independent of the calendar. */
function quicken(route: Route): void {
  if (route.group_wait !== undefined || route.routes) route.group_wait = '1s';
  route.group_interval = '1s';
  // Holidays and working hours are checked by amtool; a live run cannot depend on today's date.
  delete route.mute_time_intervals;
  delete route.active_time_intervals;
  for (const child of route.routes ?? []) quicken(child);
}

export interface RunningAlertmanager {
  url: string;
  stop(): Promise<void>;
}

/**
 * The deployed Alertmanager config (the default calendar's) on the Debian binary, with what only differs on a laptop:
 * the secret files (the Slack URL and the dead man's switch token, still read from files) and
 * the template path live in a temporary folder, the dead man's switch URL points at `deadmansUrl`,
 * and routes group within a second and ignore time intervals.
 */
export async function startAlertmanager(options: {
  slackUrl: string;
  deadmansUrl: string;
  deadmansToken: string;
}): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'classpulse-alertmanager-'));
  const config = parse(generatedAlertmanagerConfig()) as {
    global: { slack_api_url_file: string };
    templates: string[];
    route: Route;
    receivers: Array<{
      name: string;
      webhook_configs?: Array<{
        url: string;
        http_config: { authorization: { credentials_file: string } };
      }>;
    }>;
  };
  writeFileSync(join(dir, 'slack-url'), options.slackUrl);
  config.global.slack_api_url_file = join(dir, 'slack-url');
  copyFileSync(join(ALERTMANAGER_DIR, 'slack.tmpl'), join(dir, 'slack.tmpl'));
  config.templates = [join(dir, '*.tmpl')];
  writeFileSync(join(dir, 'deadmans-token'), options.deadmansToken);
  for (const webhook of config.receivers.flatMap((r) => r.webhook_configs ?? [])) {
    webhook.url = options.deadmansUrl;
    webhook.http_config.authorization.credentials_file = join(dir, 'deadmans-token');
  }
  quicken(config.route);
  writeFileSync(join(dir, 'alertmanager.yml'), stringify(config, { aliasDuplicateObjects: false }));

  const daemon = await startLoopbackDaemon({
    command: 'prometheus-alertmanager',
    debianPackage: 'prometheus-alertmanager',
    readyPath: '/-/ready',
    args: (port) => [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // An empty address turns clustering (gossip on :9094) off.
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: daemon.url,
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
