import { describe, it } from 'node:test';
import { counter, expectAlerts, ruleFile } from './support/promtool.ts';

const RULES = [ruleFile('web-tier')];
const STEPS = 60;
const FROM = 10;
const ALERT = {
  exp_labels: { severity: 'page' },
  exp_annotations: {
    summary: "More than 5% of the web tier's answers are server errors.",
    description:
      "For 10 minutes more than 5% of the web tier's answers (pages, API, uploads) have been 5xx, at more than 0.2 requests per second. Teachers cannot sign in, edit decks or start sessions; classes already running go on through the realtime tier.",
    runbook_url:
      'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/web-error-ratio-high.md',
    dashboard_url: 'https://grafana.classpulse.example/d/web-tier',
  },
};
/** Requests per minute of one replica's series: `ok` before FROM, `failing` 5xx after it. */
const traffic = (instance: string, perMinute: number, failingPerMinute: number) => [
  {
    series: `web_http_requests_total{job="web-internal",instance="${instance}",route="/api/decks",method="GET",status="200"}`,
    values: counter(STEPS, () => perMinute),
  },
  {
    series: `web_http_requests_total{job="web-internal",instance="${instance}",route="/api/decks",method="GET",status="503"}`,
    values: counter(STEPS, (step) => (step > FROM ? failingPerMinute : 0)),
  },
];

describe('web tier alerts (promtool test rules)', () => {
  it('pages when more than 5% of answers fail for 10 minutes, summed over replicas', () => {
    expectAlerts(
      RULES,
      // Two replicas, 120 requests a minute each; one of them fails 30 a minute (~11%).
      [...traffic('10.0.2.1:9464', 120, 30), ...traffic('10.0.2.2:9464', 120, 0)],
      [
        { eval_time: `${FROM + 5}m`, alertname: 'WebErrorRatioHigh', exp_alerts: [] },
        { eval_time: `${FROM + 20}m`, alertname: 'WebErrorRatioHigh', exp_alerts: [ALERT] },
      ],
    );
  });

  it('stays quiet at 2% errors, and when the few requests of a quiet night fail', () => {
    expectAlerts(
      RULES,
      [...traffic('10.0.2.1:9464', 240, 5)],
      [{ eval_time: `${FROM + 30}m`, alertname: 'WebErrorRatioHigh', exp_alerts: [] }],
    );
    expectAlerts(
      RULES,
      [...traffic('10.0.2.1:9464', 3, 3)],
      [{ eval_time: `${FROM + 30}m`, alertname: 'WebErrorRatioHigh', exp_alerts: [] }],
    );
  });
});
