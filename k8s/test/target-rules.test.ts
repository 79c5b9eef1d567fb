import { describe, it } from 'node:test';
import { expectAlerts, ruleFile, sampled } from './support/promtool.ts';

const RULES = [ruleFile('targets')];
const STEPS = 60;
const FROM = 10;
const RUNBOOK = 'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/';
const up = (job: string, instance: string, down: boolean) => ({
  series: `up{job="${job}",instance="${instance}"}`,
  values: sampled(STEPS, (step) => (down && step > FROM ? 0 : 1)),
});

describe('scrape target and Watchdog alerts (promtool test rules)', () => {
  it('tickets a down target, pages when a whole service is gone or never discovered', () => {
    expectAlerts(
      RULES,
      [
        // realtime: two replicas, both stop answering; the aggregator loses one of two.
        up('classpulse-realtime', '10.0.0.1:4100', true),
        up('classpulse-realtime', '10.0.0.2:4100', true),
        up('classpulse-aggregator-metrics', '10.0.1.1:4301', false),
        up('classpulse-aggregator-metrics', '10.0.1.2:4301', true),
        // No probes or web job at all: ServiceMonitors that select nothing.
      ],
      [
        {
          eval_time: `${FROM + 20}m`,
          alertname: 'ScrapeTargetDown',
          exp_alerts: ['10.0.0.1:4100', '10.0.0.2:4100', '10.0.1.2:4301'].map((instance) => {
            const job = instance.startsWith('10.0.0')
              ? 'classpulse-realtime'
              : 'classpulse-aggregator-metrics';
            return {
              exp_labels: { severity: 'ticket', job, instance },
              exp_annotations: {
                summary: `Prometheus cannot scrape ${job} at ${instance}.`,
                description: `The scrape of ${instance} (job ${job}) has failed for 5 minutes: the pod is down, not ready, or its metrics port is blocked.`,
                runbook_url: `${RUNBOOK}scrape-target-down.md`,
                dashboard_url: 'https://grafana.classpulse.example/d/realtime-tier',
              },
            };
          }),
        },
        {
          eval_time: `${FROM + 20}m`,
          alertname: 'ScrapeTargetsAbsent',
          exp_alerts: ['probes', 'realtime', 'web'].map((service) => ({
            exp_labels: { severity: 'page', service },
            exp_annotations: {
              summary: `No ${service} target is up.`,
              description: `Prometheus has had no healthy scrape target for ${service} for 10 minutes. Either every replica is down, or service discovery lost them (ServiceMonitor, labels, NetworkPolicy), and the alerts built on its metrics are blind.`,
              runbook_url: `${RUNBOOK}scrape-targets-absent.md`,
              dashboard_url: 'https://grafana.classpulse.example/d/realtime-tier',
            },
          })),
        },
      ],
    );
  });

  it('keeps the Watchdog firing from the first evaluation, with nothing to scrape', () => {
    expectAlerts(
      RULES,
      [],
      [0, 30, 600].map((minute) => ({
        eval_time: `${minute}m`,
        alertname: 'Watchdog',
        exp_alerts: [
          {
            exp_labels: { severity: 'none' },
            exp_annotations: {
              summary: 'The alerting pipeline is alive.',
              description:
                "This alert always fires. Alertmanager sends it to the dead man's switch, which raises its own alarm when the heartbeat stops.",
              runbook_url: `${RUNBOOK}watchdog.md`,
              dashboard_url: 'https://grafana.classpulse.example/d/metrics-aggregator',
            },
          },
        ],
      })),
    );
  });
});
