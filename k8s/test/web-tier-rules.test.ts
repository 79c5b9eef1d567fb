import { describe, it } from 'node:test';
import { counter, expectAlerts, ruleFile, sampled } from './support/promtool.ts';

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

  const RETENTION_ALERT = {
    exp_labels: { severity: 'ticket' },
    exp_annotations: {
      summary: 'The daily retention job has not succeeded for two days.',
      description:
        "No web replica has finished a retention pass without failures for more than two days. Sessions past the school's retention period (students' names and answers) and old access audit entries are not being deleted, which the privacy page promises.",
      runbook_url:
        'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/retention-job-not-succeeding.md',
      dashboard_url: 'https://grafana.classpulse.example/d/web-tier',
    },
  };
  const MINUTES = 3 * 1440;
  /** One replica's gauge at each minute: the time (s) of the last success it read. */
  const lastSuccess = (instance: string, at: (minute: number) => number) => ({
    series: `web_retention_last_success_timestamp_seconds{job="web-internal",instance="${instance}"}`,
    values: sampled(MINUTES, at),
  });

  it('opens a ticket when no replica has seen a pass succeed for two days', () => {
    expectAlerts(
      RULES,
      // The first pass succeeded a minute in; every pass since failed.
      [lastSuccess('10.0.2.1:9464', () => 60), lastSuccess('10.0.2.2:9464', () => 60)],
      [
        { eval_time: '47h', alertname: 'RetentionJobNotSucceeding', exp_alerts: [] },
        { eval_time: '49h', alertname: 'RetentionJobNotSucceeding', exp_alerts: [RETENTION_ALERT] },
      ],
    );
  });

  it('stays quiet while passes succeed daily, whichever replica runs them', () => {
    expectAlerts(
      RULES,
      [
        // Replica 1 ran the passes; replica 2 restarted on day 2 and reports 0 until it reads one.
        lastSuccess('10.0.2.1:9464', (m) => Math.floor(m / 1440) * 86_400 + 60),
        lastSuccess('10.0.2.2:9464', (m) =>
          m < 1500 || m > 1560 ? Math.floor(m / 1440) * 86_400 + 60 : 0,
        ),
      ],
      [
        { eval_time: '49h', alertname: 'RetentionJobNotSucceeding', exp_alerts: [] },
        { eval_time: '71h', alertname: 'RetentionJobNotSucceeding', exp_alerts: [] },
      ],
    );
  });
});
