import { describe, it } from 'node:test';
import { counter, expectAlerts, ruleFile, sampled, type InputSeries } from './support/promtool.ts';

const RULES = [ruleFile('firebase-probes')];
const LOCATIONS = ['us-east1', 'europe-west1', 'asia-southeast1'] as const;
type Location = (typeof LOCATIONS)[number];
const PROD = 'classpulse-prod';
const BACKUP = 'classpulse-backup';
/** Samples each minute for three hours; a probe location runs four Firebase checks a minute. */
const STEPS = 180;
const RUNS_PER_MINUTE = 4;
/** Trouble starts at minute 30, after the windows have filled with healthy runs. */
const FROM = 30;

const RUNBOOK = 'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/';
const DASHBOARD = 'https://grafana.classpulse.example/d/firebase-probes';

/** Runs per minute of one location: success and failure counters, failing from FROM when told. */
function runs(target: string, probe: Location, failing: boolean): InputSeries[] {
  const labels = `target="${target}",probe="${probe}",transport="websocket"`;
  const failingAt = (step: number) => failing && step > FROM;
  return [
    {
      series: `firebase_probe_runs_total{${labels},result="success",reason="none"}`,
      values: counter(STEPS, (step) => (failingAt(step) ? 0 : RUNS_PER_MINUTE)),
    },
    {
      series: `firebase_probe_runs_total{${labels},result="failure",reason="timeout"}`,
      values: counter(STEPS, (step) => (failingAt(step) ? RUNS_PER_MINUTE : 0)),
    },
  ];
}

/** The probe loop's heartbeat: the Unix time of its last finished Firebase run. */
function lastRun(target: string, probe: Location, until: 'always' | 'stuck' | 'gone'): InputSeries {
  return {
    series: `probe_last_run_timestamp_seconds{target="${target}",probe="${probe}",check="firebase"}`,
    values: sampled(STEPS, (step) => {
      if (until === 'always' || step <= FROM) return step * 60;
      return until === 'stuck' ? FROM * 60 : null;
    }),
  };
}

/** Write-ack (or fan-out) histogram of one location: fast, or slow (1–2.5 s) from FROM. */
function phaseDurations(probe: Location, phase: 'write' | 'fanout', slow: boolean): InputSeries[] {
  const labels = `target="${PROD}",probe="${probe}",transport="websocket",phase="${phase}"`;
  const slowAt = (step: number) => slow && step > FROM;
  const bucket = (le: string, count: (step: number) => number): InputSeries => ({
    series: `firebase_probe_duration_seconds_bucket{${labels},le="${le}"}`,
    values: counter(STEPS, count),
  });
  return [
    bucket('0.1', (step) => (slowAt(step) ? 0 : RUNS_PER_MINUTE)),
    bucket('1', (step) => (slowAt(step) ? 0 : RUNS_PER_MINUTE)),
    bucket('2.5', () => RUNS_PER_MINUTE),
    bucket('+Inf', () => RUNS_PER_MINUTE),
  ];
}

const healthyHeartbeats = (target: string) => LOCATIONS.map((l) => lastRun(target, l, 'always'));

const severalLocations = (target: string, count: number) => ({
  exp_labels: { severity: 'page', target },
  exp_annotations: {
    summary: `Firebase probes fail from ${count} locations for ${target}.`,
    description: `At least half of the Firebase probe runs against ${target} failed over the last 10 minutes in ${count} locations at once. Students on networks that reach us only through Firebase cannot answer. Check Firebase status and our project's rules and quotas.`,
    runbook_url: `${RUNBOOK}firebase-probe-failing.md`,
    dashboard_url: DASHBOARD,
  },
});

const oneLocation = (target: string, probe: Location) => ({
  exp_labels: { severity: 'ticket', target, probe },
  exp_annotations: {
    summary: `Firebase probe fails from ${probe} for ${target}.`,
    description: `100% of the Firebase probe runs from ${probe} against ${target} failed over the last 10 minutes, while other locations succeed: likely that region's network path, or the probe's own node.`,
    runbook_url: `${RUNBOOK}firebase-probe-failing.md`,
    dashboard_url: DASHBOARD,
  },
});

describe('Firebase probe alerts (promtool test rules, three locations, two targets)', () => {
  it('pages once per target when two locations fail, and raises per-location tickets', () => {
    // prod fails from us-east1 and europe-west1; the backup database only from asia.
    const input = [
      ...runs(PROD, 'us-east1', true),
      ...runs(PROD, 'europe-west1', true),
      ...runs(PROD, 'asia-southeast1', false),
      ...runs(BACKUP, 'us-east1', false),
      ...runs(BACKUP, 'europe-west1', false),
      ...runs(BACKUP, 'asia-southeast1', true),
      ...healthyHeartbeats(PROD),
      ...healthyHeartbeats(BACKUP),
    ];
    expectAlerts(RULES, input, [
      {
        eval_time: `${FROM}m`,
        alertname: 'FirebaseProbeFailingFromSeveralLocations',
        exp_alerts: [],
      },
      { eval_time: `${FROM}m`, alertname: 'FirebaseProbeFailingInLocation', exp_alerts: [] },
      // Grouped per target: one page for prod (two locations), none for the backup (one).
      {
        eval_time: `${FROM + 20}m`,
        alertname: 'FirebaseProbeFailingFromSeveralLocations',
        exp_alerts: [severalLocations(PROD, 2)],
      },
      // Prometheus raises every location's ticket; Alertmanager inhibits prod's under the page.
      {
        eval_time: `${FROM + 20}m`,
        alertname: 'FirebaseProbeFailingInLocation',
        exp_alerts: [
          oneLocation(BACKUP, 'asia-southeast1'),
          oneLocation(PROD, 'europe-west1'),
          oneLocation(PROD, 'us-east1'),
        ],
      },
      { eval_time: `${FROM + 20}m`, alertname: 'FirebaseProbeLocationsTooFew', exp_alerts: [] },
    ]);
  });

  it('waits for a failure to last: a 3-minute blip from every location stays silent', () => {
    const blip = LOCATIONS.flatMap((probe) => {
      const labels = `target="${PROD}",probe="${probe}",transport="websocket"`;
      const down = (step: number) => step > FROM && step <= FROM + 3;
      return [
        {
          series: `firebase_probe_runs_total{${labels},result="success",reason="none"}`,
          values: counter(STEPS, (step) => (down(step) ? 0 : RUNS_PER_MINUTE)),
        },
        {
          series: `firebase_probe_runs_total{${labels},result="failure",reason="timeout"}`,
          values: counter(STEPS, (step) => (down(step) ? RUNS_PER_MINUTE : 0)),
        },
      ];
    });
    const times = [FROM + 3, FROM + 6, FROM + 10, FROM + 20];
    expectAlerts(
      RULES,
      [...blip, ...healthyHeartbeats(PROD)],
      times.flatMap((t) => [
        {
          eval_time: `${t}m`,
          alertname: 'FirebaseProbeFailingFromSeveralLocations',
          exp_alerts: [],
        },
        { eval_time: `${t}m`, alertname: 'FirebaseProbeFailingInLocation', exp_alerts: [] },
      ]),
    );
  });

  it('files a ticket when fewer than two locations still report, and when all are gone', () => {
    const stuckTwo = [
      lastRun(PROD, 'us-east1', 'stuck'),
      lastRun(PROD, 'europe-west1', 'gone'),
      lastRun(PROD, 'asia-southeast1', 'always'),
    ];
    const tooFew = (target: string, count: number) => ({
      exp_labels: { severity: 'ticket', target },
      exp_annotations: {
        summary: `Only ${count} probe locations report Firebase runs for ${target}.`,
        description: `Fewer than two probe locations finished a Firebase run against ${target} in the last 3 minutes, so a Firebase outage seen from several regions could not page. Probe deployments may be down, crash-looping, or stuck.`,
        runbook_url: `${RUNBOOK}firebase-probe-locations-too-few.md`,
        dashboard_url: DASHBOARD,
      },
    });
    expectAlerts(RULES, stuckTwo, [
      { eval_time: `${FROM + 10}m`, alertname: 'FirebaseProbeLocationsTooFew', exp_alerts: [] },
      {
        eval_time: `${FROM + 30}m`,
        alertname: 'FirebaseProbeLocationsTooFew',
        exp_alerts: [tooFew(PROD, 1)],
      },
    ]);
    const allGone = LOCATIONS.map((probe) => lastRun(PROD, probe, 'gone'));
    expectAlerts(RULES, allGone, [
      { eval_time: `${FROM}m`, alertname: 'FirebaseProbeLocationsTooFew', exp_alerts: [] },
      {
        eval_time: `${FROM + 30}m`,
        alertname: 'FirebaseProbeLocationsTooFew',
        exp_alerts: [
          {
            ...tooFew('every target', 0),
            exp_labels: { severity: 'ticket', target: 'every target', check: 'firebase' },
          },
        ],
      },
    ]);
  });

  it('files tickets when write acknowledgements or round trips are slow at p99', () => {
    const input = [
      ...phaseDurations('us-east1', 'write', true),
      ...phaseDurations('europe-west1', 'write', false),
      ...phaseDurations('us-east1', 'fanout', false),
      ...phaseDurations('europe-west1', 'fanout', true),
    ];
    const slow = (
      probe: Location,
      phase: 'write' | 'fanout',
      summary: string,
      description: string,
    ) => ({
      exp_labels: { severity: 'ticket', target: PROD, probe, phase },
      exp_annotations: {
        summary,
        description,
        runbook_url: `${RUNBOOK}firebase-probe-slow.md`,
        dashboard_url: DASHBOARD,
      },
    });
    expectAlerts(RULES, input, [
      { eval_time: `${FROM + 10}m`, alertname: 'FirebaseProbeWriteAckSlow', exp_alerts: [] },
      {
        eval_time: `${FROM + 40}m`,
        alertname: 'FirebaseProbeWriteAckSlow',
        exp_alerts: [
          slow(
            'us-east1',
            'write',
            'Firebase write acknowledgements from us-east1 are slow (p99 2.485s).',
            `The 99th percentile of the time Firebase takes to acknowledge a probe's write to ${PROD} from us-east1 has been above 1 s for 15 minutes.`,
          ),
        ],
      },
      {
        eval_time: `${FROM + 40}m`,
        alertname: 'FirebaseProbeRoundTripSlow',
        exp_alerts: [
          slow(
            'europe-west1',
            'fanout',
            'Firebase round trips from europe-west1 are slow (p99 2.485s).',
            `The 99th percentile of the time from a probe's write to ${PROD} until a listener sees it, from europe-west1, has been above 2 s for 15 minutes: answers reach teachers' dashboards late.`,
          ),
        ],
      },
    ]);
  });
});
