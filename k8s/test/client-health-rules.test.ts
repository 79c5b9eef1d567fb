import { describe, it } from 'node:test';
import { counter, expectAlerts, ruleFile, type InputSeries } from './support/promtool.ts';

const RULES = [ruleFile('client-health')];
/** Samples each minute for three hours; trouble starts at minute 30. */
const STEPS = 180;
const FROM = 30;
const RUNBOOK = 'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/';
const perMinute = (before: number, after: number) => (step: number) =>
  step > FROM ? after : before;

/** Loads and errors per minute on one page; errors switch from `errorsBefore` at FROM. */
function page(
  app: string,
  loads: number,
  errorsBefore: number,
  errorsAfter: number,
): InputSeries[] {
  return [
    {
      series: `classroom_app_loads_total{app="${app}",outcome="success"}`,
      values: counter(STEPS, () => loads),
    },
    {
      series: `classroom_client_errors_total{app="${app}",kind="chunk_load"}`,
      values: counter(STEPS, perMinute(errorsBefore, errorsAfter)),
    },
  ];
}

function darkLaunch(app: string, successes: number, failuresAfter: number): InputSeries[] {
  const labels = (result: string, stage: string) =>
    `classroom_ws_dark_launch_connects_total{app="${app}",result="${result}",failure_stage="${stage}"}`;
  return [
    { series: labels('success', 'none'), values: counter(STEPS, () => successes) },
    { series: labels('failure', 'upgrade'), values: counter(STEPS, perMinute(0, failuresAfter)) },
  ];
}

describe('client health alerts (promtool test rules)', () => {
  it('files a ticket per app when errors per load climb, with the ratio in the summary', () => {
    expectAlerts(
      RULES,
      [
        // Students: 10 loads a minute, errors jump from 0.2 to 2 a minute (0.2 per load).
        ...page('student', 10, 0.2, 2),
        // Teachers: healthy, a few errors.
        ...page('teacher', 10, 0.2, 0.2),
        // Projector at night: 1 load and 1 error a minute is a bad ratio on too little traffic.
        ...page('projector', 1, 1, 1),
      ],
      [
        { eval_time: `${FROM}m`, alertname: 'ClientErrorRatioHigh', exp_alerts: [] },
        { eval_time: `${FROM + 10}m`, alertname: 'ClientErrorRatioHigh', exp_alerts: [] },
        {
          eval_time: `${FROM + 45}m`,
          alertname: 'ClientErrorRatioHigh',
          exp_alerts: [
            {
              exp_labels: { severity: 'ticket', app: 'student' },
              exp_annotations: {
                summary: 'The student page reports 0.20 client errors per load.',
                description:
                  'Browsers on the student page reported more than one error (uncaught errors, unhandled rejections, chunk or resource load failures) for every ten app loads over the last 30 minutes. A release may be broken, or a chunk missing from the CDN.',
                runbook_url: `${RUNBOOK}client-error-ratio-high.md`,
                dashboard_url: 'https://grafana.classpulse.example/d/classroom-health',
              },
            },
          ],
        },
      ],
    );
  });

  it('files a ticket when WebSocket dark-launch connects fail, only with enough attempts', () => {
    expectAlerts(
      RULES,
      [
        // Students: 10 good connects a minute, then 2 failures a minute on top (1 in 6 fail).
        ...darkLaunch('student', 10, 2),
        // The network check page: a handful of attempts, all failing — too few to judge.
        ...darkLaunch('network_check', 0, 1),
      ],
      [
        { eval_time: `${FROM + 20}m`, alertname: 'WebSocketDarkLaunchFailing', exp_alerts: [] },
        {
          eval_time: `${FROM + 60}m`,
          alertname: 'WebSocketDarkLaunchFailing',
          exp_alerts: [
            {
              exp_labels: { severity: 'ticket', app: 'student' },
              exp_annotations: {
                summary: '16.67% of WebSocket dark-launch connects fail on the student page.',
                description:
                  "More than 5% of the student page's background WebSocket connection attempts to the realtime tier failed over the last 30 minutes. The dashboard breaks failures down by stage (network, timeout, upgrade, handshake, auth) to tell a school network from our side.",
                runbook_url: `${RUNBOOK}websocket-dark-launch-failing.md`,
                dashboard_url: 'https://grafana.classpulse.example/d/realtime-tier',
              },
            },
          ],
        },
      ],
    );
  });
});
