import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startPrometheus } from '@classpulse/metrics-aggregator/testing';
import { APP_LOADS, APP_LOADS_ALERT, APP_LOADS_SERIES } from '../src/rules/app-loads.ts';
import { startAlertmanager, type RunningAlertmanager } from './support/alertmanager.ts';
import { readRuleFile } from '../src/manifests/rule-files.ts';
import { expectedUsualLoads, US_DISTRICT, type Moment } from './support/district-traffic.ts';
import { startLiveDistrict } from './support/live-district.ts';
import { ruleFile } from './support/promtool.ts';
import { startWebhookReceiver, type ReceivedPost } from './support/webhook-receiver.ts';

interface AlertRule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
const productionAlert = (file: string, name: string): AlertRule => {
  const { groups } = readRuleFile(ruleFile(file));
  const rule = groups
    .flatMap((g) => g.rules as Array<Partial<AlertRule>>)
    .find((r) => r.alert === name);
  assert.ok(rule, `${name} not found in ${file}`);
  return rule as AlertRule;
};

interface SlackMessage {
  channel: string;
  attachments: Array<{
    title: string;
    text: string;
    color: string;
    actions: Array<{ type: string; text: string; url: string }>;
  }>;
}
const slackMessage = (post: ReceivedPost) => post.body as SlackMessage;
const titled = (fragment: string) => (post: ReceivedPost) =>
  post.path === '/slack' && (slackMessage(post).attachments[0]?.title ?? '').includes(fragment);

/**
 * The production app-load rules as a live Prometheus evaluates them here: every second instead of
 * every minute, firing at once and resolving 3 s after the condition ends (the promtool scenarios
 * cover the real `for` and `keep_firing_for`). Expressions, labels and annotations are unchanged.
 */
function liveAppLoadRules(dir: string): string {
  const { groups } = readRuleFile(ruleFile('app-loads'));
  const live = {
    groups: groups.map((group) => ({
      ...group,
      interval: '1s',
      rules: group.rules.map((rule) =>
        'alert' in rule ? { ...rule, for: '0s', keep_firing_for: '3s' } : rule,
      ),
    })),
  };
  const file = join(dir, 'app-loads-live.rules.yml');
  writeFileSync(file, JSON.stringify(live));
  return file;
}

const BELOW = productionAlert('app-loads', APP_LOADS_ALERT);
const STUDENT = { loadsPerHour: US_DISTRICT.student };

describe('live alert pipeline: Prometheus → Alertmanager → Slack webhook (loopback)', () => {
  const DEADMANS_TOKEN = 'test-deadmans-token';
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let alertmanager: RunningAlertmanager;
  let rulesDir: string;
  const running: Array<{ stop(): Promise<void> }> = [];

  before(async () => {
    receiver = await startWebhookReceiver();
    alertmanager = await startAlertmanager({
      slackUrl: `${receiver.url}/slack`,
      deadmansUrl: `${receiver.url}/deadmans`,
      deadmansToken: DEADMANS_TOKEN,
    });
    rulesDir = mkdtempSync(join(tmpdir(), 'classpulse-live-rules-'));
  });

  after(async () => {
    for (const r of running.reverse()) await r.stop();
    await alertmanager?.stop();
    await receiver?.close();
    if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
  });

  /** A district at a simulated local moment, scraped by a live Prometheus with the rules. */
  async function liveDistrict(
    options: Parameters<typeof startLiveDistrict>[0],
    withTargets = false,
  ) {
    const district = await startLiveDistrict(options);
    running.push({ stop: () => district.close() });
    const prometheus = await startPrometheus({
      jobs: district.jobs,
      ruleFiles: [liveAppLoadRules(rulesDir), ...(withTargets ? [ruleFile('targets')] : [])],
      alertmanagers: [new URL(alertmanager.url).host],
      backfill: district.backfill,
    });
    running.push(prometheus);
    return { district, prometheus };
  }

  it('pages a simulated outage with the ratio and the baseline in the Slack message, then resolves', async () => {
    // Tuesday 17 November 2026, 10:20 in New York: nothing has loaded since 10:00.
    const outage = (at: Moment) => (at.date === '2026-11-17' && at.minuteOfDay >= 600 ? 0 : 1);
    const { district } = await liveDistrict(
      { now: ['2026-11-17', '10:20'], apps: { student: { ...STUDENT, multiplier: outage } } },
      true,
    );
    const startedAt = Date.now();
    const firing = await receiver.waitFor(titled(`[FIRING:1] [PAGE] ${APP_LOADS_ALERT}`));
    console.log(`pipeline: outage → Slack page in ${firing.at - startedAt} ms`);
    const message = slackMessage(firing);
    assert.equal(message.channel, '#classpulse-pages');
    const [attachment] = message.attachments;
    assert.ok(attachment);
    assert.equal(attachment.color, 'danger');
    // The usual for 10:00–10:20 on a Tuesday: 1,800 loads times the lower third of five weeks.
    const usual = expectedUsualLoads(district.model, STUDENT.loadsPerHour, '2026-11-17', 600, 20);
    const text = attachment.text;
    assert.match(
      text,
      /\*Successful student app loads are at 0% of the usual for this local time\.\*/,
    );
    const numbers = /Last 20m: (\d+) successful loads against a usual (\d+);/.exec(text);
    assert.ok(numbers, text);
    assert.equal(Number(numbers[1]), 0);
    assert.ok(
      Math.abs(Number(numbers[2]) - usual) <= 2,
      `usual ${numbers[2]} vs modelled ${usual}\n${text}`,
    );
    assert.match(text, /lower third of the same local time on the 5 school days/);
    assert.deepEqual(attachment.actions, [
      { type: 'button', text: 'Runbook :notebook:', url: BELOW.annotations.runbook_url },
      {
        type: 'button',
        text: 'Dashboard :chart_with_upwards_trend:',
        url: BELOW.annotations.dashboard_url,
      },
    ]);

    // Loads come back with a catch-up burst, so the 5-minute window recovers at once.
    const recoveredAt = Date.now();
    district.recover('student');
    district.addLoads('student', usual);
    const resolved = await receiver.waitFor(titled(`[RESOLVED] [PAGE] ${APP_LOADS_ALERT}`));
    console.log(`pipeline: loads back → resolved message in ${resolved.at - recoveredAt} ms`);
    assert.equal(slackMessage(resolved).attachments[0]?.color, 'good');
  });

  it('stays silent on the Monday morning after the clocks fall back', async () => {
    const since = Date.now();
    // Monday 2 November 2026, 07:10 in New York, clocks fell back on Sunday: 168 hours back is
    // 08:10 of a school day; the same local time is 169 hours back.
    const { prometheus } = await liveDistrict({
      now: ['2026-11-02', '07:10'],
      apps: { student: STUDENT },
    });
    const ratio = `${APP_LOADS_SERIES.ratio(APP_LOADS.longWindow)}{app="student"}`;
    for (;;) {
      const [r] = await prometheus.query(ratio);
      if (r) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Ten more evaluations, and Alertmanager's grouping, with nothing to send.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const [r] = await prometheus.query(ratio);
    assert.ok(r && r.value > 0.9 && r.value < 1.1, `ratio ${r?.value}`);
    // What the rules would have compared with at 168 hours: school hours, many times more.
    const [today] = await prometheus.query(
      `${APP_LOADS_SERIES.today(APP_LOADS.longWindow)}{app="student"}`,
    );
    const [utcWeek] = await prometheus.query(
      `${APP_LOADS_SERIES.today(APP_LOADS.longWindow)}{app="student"} offset 168h`,
    );
    assert.ok(
      today && utcWeek && utcWeek.value > 10 * today.value,
      `${utcWeek?.value} vs ${today?.value}`,
    );
    assert.deepEqual(await prometheus.query(`ALERTS{alertname="${APP_LOADS_ALERT}"}`), []);
    assert.deepEqual(
      receiver.posts.filter((p) => p.at >= since && titled(APP_LOADS_ALERT)(p)),
      [],
    );
  });

  it('sends the Watchdog heartbeat to the dead man’s switch with its token, never to Slack', async () => {
    const heartbeat = await receiver.waitFor((post) => post.path === '/deadmans');
    assert.equal(heartbeat.headers.authorization, `Bearer ${DEADMANS_TOKEN}`);
    const body = heartbeat.body as { alerts: Array<{ labels: Record<string, string> }> };
    assert.equal(body.alerts[0]?.labels.alertname, 'Watchdog');
    assert.equal(receiver.posts.filter(titled('Watchdog')).length, 0);
  });

  it('inhibits per-location tickets under the several-locations page, grouped per target', async () => {
    const several = productionAlert('firebase-probes', 'FirebaseProbeFailingFromSeveralLocations');
    const one = productionAlert('firebase-probes', 'FirebaseProbeFailingInLocation');
    const alert = (rule: AlertRule, labels: Record<string, string>, summary: string) => ({
      labels: { alertname: rule.alert, ...rule.labels, ...labels },
      annotations: { ...rule.annotations, summary },
      startsAt: new Date().toISOString(),
    });
    const response = await fetch(`${alertmanager.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        alert(several, { target: 'prod' }, 'prod fails from 2 locations'),
        alert(one, { target: 'prod', probe: 'us-east1' }, 'prod fails from us-east1'),
        alert(one, { target: 'prod', probe: 'europe-west1' }, 'prod fails from europe-west1'),
        alert(one, { target: 'backup', probe: 'asia-southeast1' }, 'backup fails from asia'),
        alert(one, { target: 'eu', probe: 'us-east1' }, 'eu fails from us-east1'),
      ]),
    });
    assert.equal(response.status, 200, await response.text());

    const page = await receiver.waitFor(titled('FirebaseProbeFailingFromSeveralLocations'));
    assert.equal(slackMessage(page).channel, '#classpulse-pages');
    assert.match(slackMessage(page).attachments[0]?.text ?? '', /prod fails from 2 locations/);
    // One ticket per target that is not paged: backup and eu, each in its own message.
    const tickets = () => receiver.posts.filter(titled('FirebaseProbeFailingInLocation'));
    await receiver.waitFor(() => tickets().length >= 2);
    // Several group intervals later, prod's tickets still have not been sent.
    await new Promise((r) => setTimeout(r, 3_000));
    const texts = tickets().map((p) => slackMessage(p).attachments[0]?.text ?? '');
    assert.equal(tickets().length, 2, texts.join('\n---\n'));
    assert.ok(texts.some((t) => t.includes('backup fails from asia')));
    assert.ok(texts.some((t) => t.includes('eu fails from us-east1')));
    assert.ok(!texts.some((t) => t.includes('prod fails')));
    for (const ticket of tickets())
      assert.equal(slackMessage(ticket).channel, '#classpulse-tickets');

    const listed = (await (
      await fetch(`${alertmanager.url}/api/v2/alerts?inhibited=true&filter=target%3D%22prod%22`)
    ).json()) as Array<{ labels: Record<string, string>; status: { inhibitedBy: string[] } }>;
    const inhibited = listed.filter((a) => a.labels.alertname === one.alert);
    assert.equal(inhibited.length, 2);
    for (const a of inhibited) assert.equal(a.status.inhibitedBy.length, 1, a.labels.probe);
  });
});
