import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startPrometheus, type RunningPrometheus } from '@classpulse/metrics-aggregator/testing';
import { startAlertmanager, type RunningAlertmanager } from './support/alertmanager.ts';
import { readRuleFile } from '../src/manifests/rule-files.ts';
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

/** The metrics endpoint of a test target: successful loads that grow, until told to stop. */
async function startLoadsTarget() {
  let loads = 0;
  let growing = true;
  const server = createServer((_req, res) => {
    if (growing) loads += 10;
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(
      [
        '# TYPE classroom_app_loads_total counter',
        `classroom_app_loads_total{app="student",outcome="success"} ${loads}`,
        '',
      ].join('\n'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    setGrowing: (value: boolean) => (growing = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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

describe('live alert pipeline: Prometheus → Alertmanager → Slack webhook (loopback)', () => {
  const DEADMANS_TOKEN = 'test-deadmans-token';
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let alertmanager: RunningAlertmanager;
  let target: Awaited<ReturnType<typeof startLoadsTarget>>;
  let prometheus: RunningPrometheus;
  let rulesDir: string;
  const dropped = productionAlert('app-loads', 'AppLoadsDroppedSharply');

  before(async () => {
    receiver = await startWebhookReceiver();
    alertmanager = await startAlertmanager({
      slackUrl: `${receiver.url}/slack`,
      deadmansUrl: `${receiver.url}/deadmans`,
      deadmansToken: DEADMANS_TOKEN,
    });
    target = await startLoadsTarget();
    // The production alert with its labels and annotations, on a seconds scale: it cannot wait
    // for weeks of history here (promtool's unit tests cover the real expression).
    rulesDir = mkdtempSync(join(tmpdir(), 'classpulse-live-rules-'));
    const live = {
      groups: [
        {
          name: 'live-pipeline',
          rules: [
            {
              alert: dropped.alert,
              expr: 'sum(rate(classroom_app_loads_total{outcome="success"}[5s])) == 0',
              for: '2s',
              labels: dropped.labels,
              annotations: dropped.annotations,
            },
          ],
        },
      ],
    };
    writeFileSync(join(rulesDir, 'live.rules.yml'), JSON.stringify(live));
    prometheus = await startPrometheus({
      jobs: { 'classpulse-aggregator-metrics': [target.host] },
      // The production file with the Watchdog, unchanged.
      ruleFiles: [join(rulesDir, 'live.rules.yml'), ruleFile('targets')],
      alertmanagers: [new URL(alertmanager.url).host],
    });
  });

  after(async () => {
    await prometheus?.stop();
    await alertmanager?.stop();
    await target?.close();
    await receiver?.close();
    if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
  });

  it('posts the page to Slack with summary, severity and buttons, then the resolution', async () => {
    // Let loads flow until Prometheus has seen them grow.
    for (;;) {
      const [rate] = await prometheus.query('sum(rate(classroom_app_loads_total[5s]))');
      if (rate && rate.value > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const droppedAt = Date.now();
    target.setGrowing(false);

    const firing = await receiver.waitFor(titled('[FIRING:1] [PAGE] AppLoadsDroppedSharply'));
    console.log(`pipeline: loads stopped → Slack message in ${firing.at - droppedAt} ms`);
    const message = slackMessage(firing);
    assert.equal(message.channel, '#classpulse-pages');
    const [attachment] = message.attachments;
    assert.ok(attachment);
    assert.equal(attachment.title, ':rotating_light: [FIRING:1] [PAGE] AppLoadsDroppedSharply');
    assert.equal(attachment.color, 'danger');
    assert.equal(
      attachment.text.trim(),
      `*${dropped.annotations.summary}*\n${dropped.annotations.description}`,
    );
    assert.deepEqual(attachment.actions, [
      {
        type: 'button',
        text: 'Runbook :notebook:',
        url: dropped.annotations.runbook_url,
      },
      {
        type: 'button',
        text: 'Dashboard :chart_with_upwards_trend:',
        url: dropped.annotations.dashboard_url,
      },
    ]);

    const recoveredAt = Date.now();
    target.setGrowing(true);
    const resolved = await receiver.waitFor(titled('[RESOLVED] [PAGE] AppLoadsDroppedSharply'));
    console.log(`pipeline: loads back → resolved message in ${resolved.at - recoveredAt} ms`);
    assert.equal(slackMessage(resolved).attachments[0]?.color, 'good');
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
