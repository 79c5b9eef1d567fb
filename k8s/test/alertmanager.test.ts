import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_SCHOOL_CALENDAR } from '../src/calendar/school-calendar.ts';
import { loadRuleGroups } from '../src/manifests/rule-files.ts';
import { writeAlertmanagerConfig } from './support/alertmanager.ts';
import { runTool } from './support/promtool.ts';

// What is deployed: alertmanager.yml with the time intervals generated from the default calendar.
const dir = mkdtempSync(join(tmpdir(), 'classpulse-amtool-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ALERTMANAGER_CONFIG = writeAlertmanagerConfig(dir);

/** The receiver amtool resolves for a label set (`amtool config routes test`). */
function receiverFor(labels: Record<string, string>): string {
  const result = runTool('amtool', [
    'config',
    'routes',
    'test',
    `--config.file=${ALERTMANAGER_CONFIG}`,
    ...Object.entries(labels).map(([name, value]) => `${name}=${value}`),
  ]);
  assert.equal(result.ok, true, result.output);
  return result.output.split('\n')[0]?.trim() ?? '';
}

interface SlackConfig {
  channel: string;
  send_resolved: boolean;
  api_url?: string;
  actions: Array<{ type: string; text: string; url: string }>;
}
const config = parse(readFileSync(ALERTMANAGER_CONFIG, 'utf8')) as {
  global: Record<string, string>;
  route: { group_by: string[] };
  receivers: Array<{ name: string; slack_configs?: SlackConfig[] }>;
  time_intervals: Array<{ name: string; time_intervals: Array<{ location?: string }> }>;
};

const alertsInRules = loadRuleGroups()
  .flatMap((g) => g.rules as Array<{ alert?: string; labels?: { severity: string } }>)
  .filter((r) => r.alert);

describe('Alertmanager config (amtool, Debian prometheus-alertmanager 0.25)', () => {
  it('passes amtool check-config', () => {
    const result = runTool('amtool', ['check-config', ALERTMANAGER_CONFIG]);
    assert.equal(result.ok, true, result.output);
  });

  it('routes pages and tickets to their Slack channels and the Watchdog to the switch', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ alertname: 'Watchdog', severity: 'none' }, 'deadmans-switch'],
      [{ alertname: 'AppLoadsBelowUsual', severity: 'page' }, 'slack-pages'],
      [
        { alertname: 'FirebaseProbeFailingFromSeveralLocations', severity: 'page', target: 'p' },
        'slack-pages',
      ],
      [
        { alertname: 'FirebaseProbeFailingInLocation', severity: 'ticket', probe: 'us-east1' },
        'slack-tickets',
      ],
      [{ alertname: 'ScrapeTargetsAbsent', severity: 'page', service: 'realtime' }, 'slack-pages'],
      [{ alertname: 'ClientErrorRatioHigh', severity: 'ticket', app: 'student' }, 'slack-tickets'],
      // Anything unlabelled still reaches a person, as a ticket.
      [{ alertname: 'SomethingNew' }, 'slack-tickets'],
    ];
    for (const [labels, receiver] of cases)
      assert.equal(receiverFor(labels), receiver, JSON.stringify(labels));
  });

  it('routes every alert in the rule files by its severity', () => {
    const expected = { page: 'slack-pages', ticket: 'slack-tickets', none: 'deadmans-switch' };
    for (const alert of alertsInRules) {
      const severity = alert.labels?.severity as keyof typeof expected;
      assert.equal(
        receiverFor({ alertname: alert.alert ?? '', severity }),
        expected[severity],
        alert.alert,
      );
    }
  });

  it('sends resolved messages with runbook and dashboard buttons, the URL only from a file', () => {
    assert.equal(typeof config.global.slack_api_url_file, 'string');
    assert.equal(config.global.slack_api_url, undefined);
    const slack = config.receivers.flatMap((r) => r.slack_configs ?? []);
    assert.equal(slack.length, 2);
    for (const s of slack) {
      assert.equal(s.send_resolved, true, s.channel);
      assert.equal(s.api_url, undefined, `${s.channel}: a Slack URL is a secret`);
      assert.deepEqual(
        s.actions.map((a) => a.url),
        ['{{ .CommonAnnotations.runbook_url }}', '{{ .CommonAnnotations.dashboard_url }}'],
      );
    }
  });

  it('groups per alert and what it is about, and keeps time intervals in the schools’ zone', () => {
    for (const label of ['alertname', 'target', 'app', 'service'])
      assert.ok(config.route.group_by.includes(label), label);
    assert.deepEqual(
      config.time_intervals.map((interval) => interval.name),
      ['school-working-hours', 'school-holidays'],
    );
    for (const interval of config.time_intervals)
      for (const period of interval.time_intervals)
        assert.equal(period.location, DEFAULT_SCHOOL_CALENDAR.timeZone, interval.name);
  });
});
