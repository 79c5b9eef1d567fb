import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  HEARTBEAT_INTERVAL_SECONDS,
  PROMTOOL_REJECTED_DEFAULT_METRICS,
  WEB_VITAL_THRESHOLDS,
} from '@classpulse/metrics-aggregator/catalog';
import { SCHOOL_CLOCK_METRICS } from '@classpulse/metrics-aggregator/school-clock';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { DEFAULT_TIME_ZONE } from '../src/calendar/school-calendar.ts';
import { TODAY_SO_FAR_PANEL, TODAY_SO_FAR_QUERIES } from '../src/dashboards/app-loads-today.ts';
import {
  DASHBOARD_UIDS,
  GRAFANA_DASHBOARD_URL,
  loadDashboards,
  SCHOOL_TIME_DASHBOARDS,
  withTimeZone,
} from '../src/dashboards/dashboard-files.ts';
import {
  checkQueryNames,
  grafanaVariables,
  knownMetrics,
  STANDARD_METRICS,
  substituteGrafanaVariables,
} from '../src/dashboards/promql-check.ts';
import { loadRuleFiles } from '../src/manifests/rule-files.ts';
import { synthesize, type KubeObject } from '../src/manifests/synthesize.ts';
import {
  APP_LOADS,
  APP_LOADS_ALERT,
  APP_LOADS_ANNOTATIONS,
  APP_LOADS_SERIES,
} from '../src/rules/app-loads.ts';
import { runTool } from './support/promtool.ts';

const DATASOURCE_UID = '${datasource}';

interface Datasource {
  type?: string;
  uid?: string;
}
interface Target {
  refId?: string;
  expr?: string;
  instant?: boolean;
  datasource?: Datasource;
}
interface Panel {
  id?: number;
  type?: string;
  title?: string;
  description?: string;
  /** Relative time: the panel's own range instead of the dashboard's. */
  timeFrom?: string;
  gridPos?: { x: number; y: number; w: number; h: number };
  datasource?: Datasource;
  targets?: Target[];
  panels?: Panel[];
  fieldConfig?: { defaults?: { thresholds?: { steps?: Array<{ value: number | null }> } } };
}
interface Variable {
  name: string;
  type: string;
  query?: string | { query?: string };
  definition?: string;
  datasource?: Datasource;
}
interface Dashboard {
  uid: string;
  title?: string;
  schemaVersion?: number;
  tags?: string[];
  time?: { from: string; to: string };
  timezone?: string;
  refresh?: string;
  panels?: Panel[];
  templating?: { list?: Variable[] };
}
interface Query {
  /** Dashboard, panel and query, for messages. */
  where: string;
  expr: string;
}

const dashboards = loadDashboards().map((file) => ({
  ...file,
  dashboard: JSON.parse(file.json) as Dashboard,
}));

/** Every panel, with the ones inside (collapsed) rows. */
function allPanels(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
}
const isRow = (panel: Panel) => panel.type === 'row';

function variableQuery(variable: Variable): string | undefined {
  const { query } = variable;
  return typeof query === 'string' ? query : (query?.query ?? variable.definition);
}

function panelQueries(): Query[] {
  return dashboards.flatMap(({ uid, dashboard }) =>
    allPanels(dashboard)
      .filter((panel) => !isRow(panel))
      .flatMap((panel) =>
        (panel.targets ?? []).map((target) => ({
          where: `${uid} / panel "${panel.title}" / query ${target.refId}`,
          expr: target.expr ?? '',
        })),
      ),
  );
}

/** `label_values(selector, label)` as the PromQL it stands for: the label on those series. */
function variableQueries(): Query[] {
  return dashboards.flatMap(({ uid, dashboard }) =>
    (dashboard.templating?.list ?? [])
      .filter((v) => v.type === 'query')
      .map((v) => {
        const query = variableQuery(v) ?? '';
        const labelValues = /^label_values\((.+),\s*([A-Za-z_]\w*)\)$/.exec(query.trim());
        if (!labelValues)
          throw new Error(`${uid} / variable $${v.name}: ${query} is not label_values`);
        return {
          where: `${uid} / variable $${v.name}`,
          expr: `count by (${labelValues[2]}) (${labelValues[1]})`,
        };
      }),
  );
}

/** Every rule of every file in prometheus/rules/, with the file it is in. */
function rules() {
  return loadRuleFiles().flatMap(({ name, groups }) =>
    groups.flatMap((g) => g.rules.map((rule) => ({ file: name, rule }))),
  );
}
const recordingRuleNames = () =>
  rules()
    .map(({ rule }) => rule.record)
    .filter((name): name is string => typeof name === 'string');

/**
 * `promtool check rules` on one generated rule file holding every query as a recording rule
 * (Grafana variables substituted). Failures name the dashboard, panel and query.
 */
function promtoolCheck(queries: Query[]): { ok: boolean; message: string } {
  const dir = mkdtempSync(join(tmpdir(), 'classpulse-dashboards-'));
  try {
    const file = join(dir, 'dashboard-queries.rules.yml');
    const record = (n: number) => `dashboard:query_${n}`;
    writeFileSync(
      file,
      stringify({
        groups: [
          {
            name: 'dashboard-queries',
            rules: queries.map((q, n) => ({
              record: record(n),
              expr: substituteGrafanaVariables(q.expr),
            })),
          },
        ],
      }),
    );
    const result = runTool('promtool', ['check', 'rules', '--lint=none', file]);
    const output = result.output.replace(/"dashboard:query_(\d+)"/g, (_, n: string) => {
      const q = queries[Number(n)]!;
      return `${q.where}: ${q.expr}`;
    });
    return { ok: result.ok, message: output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Grafana dashboards (k8s/dashboards/)', () => {
  it('are the five dashboards the alerts and runbooks link to, each named by its uid', () => {
    assert.deepEqual(dashboards.map((d) => d.uid).sort(), [...DASHBOARD_UIDS].sort());
    for (const { uid, fileName, dashboard } of dashboards) {
      assert.equal(fileName, `${uid}.json`);
      assert.equal(dashboard.uid, uid);
    }
  });

  it('are complete dashboards: title, tags, time, refresh, the datasource variable, panels', () => {
    for (const { uid, dashboard, json } of dashboards) {
      assert.ok(dashboard.title, `${uid}: title`);
      assert.equal(dashboard.schemaVersion, 39, `${uid}: schemaVersion`);
      // The dashboards link each other through this tag.
      assert.ok(dashboard.tags?.includes('classpulse'), `${uid}: tag classpulse`);
      assert.ok(dashboard.time?.from && dashboard.refresh, `${uid}: time and refresh`);
      const datasource = dashboard.templating?.list?.find((v) => v.name === 'datasource');
      assert.equal(datasource?.type, 'datasource', `${uid}: $datasource variable`);
      assert.equal(datasource?.query, 'prometheus', `${uid}: $datasource picks Prometheus`);
      assert.ok(
        allPanels(dashboard).some((p) => !isRow(p)),
        `${uid}: at least one panel`,
      );
      // A ConfigMap, and kubectl's last-applied annotation, hold at most 256 KiB comfortably.
      assert.ok(
        json.length < 256 * 1024,
        `${uid}: ${json.length} bytes is too large for a ConfigMap`,
      );
    }
  });

  it('gives every panel a title, a place on the grid and the ${datasource} variable', () => {
    for (const { uid, dashboard } of dashboards) {
      const panels = allPanels(dashboard);
      const ids = panels.map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length, `${uid}: panel ids repeat`);
      const taken = new Map<string, string>();
      for (const panel of panels) {
        const where = `${uid} / panel "${panel.title}"`;
        assert.ok(panel.title, `${uid}: panel ${panel.id} has no title`);
        const grid = panel.gridPos;
        assert.ok(
          grid && [grid.x, grid.y, grid.w, grid.h].every(Number.isInteger),
          `${where}: gridPos`,
        );
        assert.ok(
          grid.w >= 1 && grid.h >= 1 && grid.x >= 0 && grid.x + grid.w <= 24,
          `${where}: gridPos out of the 24 columns`,
        );
        for (let x = grid.x; x < grid.x + grid.w; x += 1)
          for (let y = grid.y; y < grid.y + grid.h; y += 1) {
            const other = taken.get(`${x},${y}`);
            assert.equal(other, undefined, `${where} overlaps ${other}`);
            taken.set(`${x},${y}`, where);
          }
        if (isRow(panel)) continue;
        assert.equal(panel.datasource?.uid, DATASOURCE_UID, `${where}: datasource`);
        assert.ok(panel.targets?.length, `${where}: no queries`);
        for (const target of panel.targets) {
          assert.ok(target.expr?.trim(), `${where}: query ${target.refId} has no expr`);
          if (target.datasource)
            assert.equal(target.datasource.uid, DATASOURCE_UID, `${where}: query datasource`);
        }
      }
      for (const variable of dashboard.templating?.list ?? [])
        if (variable.type === 'query')
          assert.equal(variable.datasource?.uid, DATASOURCE_UID, `${uid} / $${variable.name}`);
    }
  });

  it('refers only to Grafana variables the dashboard defines', () => {
    for (const { uid, dashboard } of dashboards) {
      const defined = new Set((dashboard.templating?.list ?? []).map((v) => v.name));
      for (const q of panelQueries().filter((q) => q.where.startsWith(`${uid} /`)))
        for (const name of grafanaVariables(q.expr))
          assert.ok(defined.has(name), `${q.where}: $${name} is not a variable of ${uid}`);
    }
  });

  it('name only metrics and labels that exist: catalogs, realtime, recording rules, the allow-list', () => {
    const known = knownMetrics(recordingRuleNames());
    const problems = [...panelQueries(), ...variableQueries()].flatMap((q) =>
      checkQueryNames(q.expr, known).map((problem) => `${q.where}: ${problem}`),
    );
    assert.deepEqual(problems, []);
  });

  it('catch a metric, label or value that does not exist (the checker itself)', () => {
    const known = knownMetrics(recordingRuleNames());
    const check = (expr: string) => checkQueryNames(expr, known);
    // A typo in a metric name, in a catalog or realtime's, in a recording rule's.
    assert.deepEqual(check('sum(rate(classroom_app_load_total{app=~"$app"}[$__rate_interval]))'), [
      'unknown metric classroom_app_load_total',
    ]);
    assert.deepEqual(check('sum by (role) (realtime_conected_sockets)'), [
      'unknown metric realtime_conected_sockets',
    ]);
    assert.deepEqual(check('classroom:app_loads_success:increase12h'), [
      'unknown metric classroom:app_loads_success:increase12h',
    ]);
    // Only histograms have _bucket series; the allow-list has no wildcards; removed gauges stay out.
    assert.deepEqual(check('sum by (le) (rate(classroom_app_loads_total_bucket[5m]))'), [
      'unknown metric classroom_app_loads_total_bucket',
    ]);
    assert.deepEqual(check('process_open_fds + nodejs_active_handles_total'), [
      'unknown metric process_open_fds',
      'unknown metric nodejs_active_handles_total',
    ]);
    // Labels the metric does not carry, in `by` and in matchers; `le` only on buckets.
    assert.deepEqual(check('sum by (region) (rate(classroom_app_loads_total[5m]))'), [
      'by (region): classroom_app_loads_total has no label region (the client metric catalog)',
    ]);
    assert.deepEqual(check('sum(realtime_connected_sockets{kind="teacher"})'), [
      'realtime_connected_sockets has no label kind (@classpulse/realtime/metrics)',
    ]);
    assert.deepEqual(check('sum by (le) (rate(realtime_store_append_seconds_sum[5m]))'), [
      'by (le): realtime_store_append_seconds_sum has no label le (@classpulse/realtime/metrics)',
    ]);
    // Values outside a published closed set.
    assert.deepEqual(check('classroom_app_loads_total{outcome=~"sucess|error"}'), [
      'classroom_app_loads_total{outcome} has no value "sucess" (the client metric catalog)',
    ]);
    assert.deepEqual(check('firebase_probe_duration_seconds_bucket{phase="roundtrip"}'), [
      'firebase_probe_duration_seconds_bucket{phase} has no value "roundtrip" (PROBE_METRICS)',
    ]);
    // What is right passes: target labels, variables, offsets, vector matching, functions.
    assert.deepEqual(
      check(
        'histogram_quantile(0.9, sum by (app, le) (rate(classroom_app_load_duration_seconds_bucket{app=~"$app", job="x"}[$__rate_interval])))' +
          ' / on () group_left () sum(classroom:app_loads_success:usual_increase20m offset 1w) and up',
      ),
      [],
    );
    // An aggregation is held to the labels of what it aggregates, not of a parenthesised filter
    // on its right (`and`/`unless`) or a scale factor matched `group_left ()`: they lend no labels.
    const open = SCHOOL_CLOCK_METRICS.open;
    const loads = 'classroom_app_loads_total';
    assert.deepEqual(
      [
        `sum by (app) (${loads} and on () (max(${open}) == 1))`,
        `sum by (app) (${loads} unless on () (min(${open}{weeks_ago="0"}) == 0))`,
        `sum by (app) (${loads} * on () group_left () (max(${open})))`,
      ].flatMap(check),
      [],
    );
    const noApp = `by (app): ${open} has no label app (SCHOOL_CLOCK_METRICS)`;
    for (const expr of [
      `sum by (app) (${open} or ${loads})`,
      `sum by (app) (${open} and on () (max(${loads}) > 0))`,
      `sum by (app) (${loads} and on () ${open})`,
      `sum by (app) (${loads} * on () group_left (weeks_ago) (${open}))`,
      `sum by (app) (${loads} * on () (${open}))`,
    ])
      assert.deepEqual(check(expr), [noApp], expr);
    assert.ok(
      !STANDARD_METRICS.some((m) =>
        (PROMTOOL_REJECTED_DEFAULT_METRICS as readonly string[]).includes(m),
      ),
    );
  });

  it("draw the web vitals against the catalog's good and poor thresholds", () => {
    let checked = 0;
    for (const { uid, dashboard } of dashboards)
      for (const panel of allPanels(dashboard))
        for (const [vital, thresholds] of Object.entries(WEB_VITAL_THRESHOLDS)) {
          const metric = new RegExp(`classroom_web_vitals_${vital}(?:_|\\b)`);
          if (!(panel.targets ?? []).some((t) => metric.test(t.expr ?? ''))) continue;
          const steps = panel.fieldConfig?.defaults?.thresholds?.steps ?? [];
          assert.deepEqual(
            steps.map((s) => s.value).filter((v) => v !== null),
            [...thresholds],
            `${uid} / panel "${panel.title}": ${vital} thresholds`,
          );
          checked += 1;
        }
    assert.ok(checked >= Object.keys(WEB_VITAL_THRESHOLDS).length);
  });

  it('estimate connected clients as heartbeats per second × the heartbeat interval', () => {
    const heartbeats = panelQueries().filter((q) =>
      q.expr.includes('classroom_client_heartbeats_total'),
    );
    assert.ok(heartbeats.length > 0);
    for (const q of heartbeats)
      assert.match(q.expr, new RegExp(`\\*\\s*${HEARTBEAT_INTERVAL_SECONDS}$`), q.where);
  });

  it('parse as PromQL (promtool check rules, one run for every query)', () => {
    const queries = [...panelQueries(), ...variableQueries()];
    assert.ok(queries.length > 50);
    const { ok, message } = promtoolCheck(queries);
    assert.ok(ok, `promtool check rules rejected dashboard queries:\n${message}`);
  });

  it('name the dashboard and panel when promtool rejects a query', () => {
    const { ok, message } = promtoolCheck([
      { where: 'realtime-tier / panel "Fine" / query A', expr: 'sum(up)' },
      {
        where: 'fake-dashboard / panel "Broken" / query B',
        expr: 'sum(rate(up[$__rate_interval])',
      },
    ]);
    assert.equal(ok, false);
    assert.match(message, /fake-dashboard \/ panel "Broken" \/ query B/);
    assert.doesNotMatch(message, /panel "Fine"/);
  });
});

const RUNBOOKS_DIR = fileURLToPath(new URL('../runbooks/', import.meta.url));
const RUNBOOK_URL =
  /https:\/\/github\.com\/classpulse\/classpulse\/blob\/main\/k8s\/runbooks\/([\w.-]+)/g;
/** Words shaped like alert names: three or more capitalised parts (AppLoadsBelowUsual). */
const ALERT_LIKE = /\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+){2,}\b/g;

const classroomHealth = () => {
  const found = dashboards.find((d) => d.uid === 'classroom-health');
  assert.ok(found, 'classroom-health.json');
  return found;
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `expr` reads the series `name` (not one whose name merely starts the same). */
const reads = (expr: string, name: string) =>
  new RegExp(`${escapeRegExp(name)}(?![\\w:])`).test(expr);
const panelsReading = (dashboard: Dashboard, name: string) =>
  allPanels(dashboard).filter((p) => (p.targets ?? []).some((t) => reads(t.expr ?? '', name)));
const thresholdValues = (panel: Panel) =>
  (panel.fieldConfig?.defaults?.thresholds?.steps ?? [])
    .map((step) => step.value)
    .filter((value) => value !== null);

describe('classroom-health: the app-load panels', () => {
  it('name only alerts the rules define and runbooks that exist', () => {
    const alerts = new Set(
      rules().flatMap(({ rule }) => (typeof rule.alert === 'string' ? [rule.alert] : [])),
    );
    for (const { uid, json } of dashboards) {
      for (const [word] of json.matchAll(ALERT_LIKE))
        assert.ok(alerts.has(word), `${uid} names ${word}, which no rule file defines`);
      for (const [url, file] of json.matchAll(RUNBOOK_URL))
        assert.ok(existsSync(join(RUNBOOKS_DIR, file!)), `${uid} links ${url}: no such runbook`);
    }
    assert.ok(
      classroomHealth().json.includes(`"url": "${APP_LOADS_ANNOTATIONS.runbook_url}"`),
      `classroom-health links the ${APP_LOADS_ALERT} runbook`,
    );
  });

  it('read what the alert reads: both ratios, loads now, the usual, each past week, the school days', () => {
    const exprs = panelQueries()
      .filter((q) => q.where.startsWith('classroom-health /'))
      .map((q) => q.expr);
    const s = APP_LOADS_SERIES;
    const { longWindow, shortWindow } = APP_LOADS;
    for (const name of [
      s.ratio(longWindow),
      s.ratio(shortWindow),
      s.today(longWindow),
      s.usual(longWindow),
      s.sameLocalTime(longWindow),
      s.usualWeeks,
    ])
      assert.ok(
        exprs.some((expr) => reads(expr, name)),
        `no classroom-health panel shows ${name}`,
      );
  });

  it("draw the alert's own lines: the 90% paging line, the 50% stop line, two school days", () => {
    const { dashboard } = classroomHealth();
    const s = APP_LOADS_SERIES;
    const a = APP_LOADS;
    const expected: Array<[string, number[]]> = [
      [s.ratio(a.longWindow), [a.belowRatio]],
      [s.ratio(a.shortWindow), [a.stoppedRatio, a.stillLowRatio]],
      [s.usualWeeks, [a.belowMinWeeks]],
    ];
    for (const [name, values] of expected) {
      const panels = panelsReading(dashboard, name);
      assert.ok(panels.length > 0, `a panel shows ${name}`);
      for (const panel of panels)
        assert.deepEqual(thresholdValues(panel), values, `"${panel.title}": lines of ${name}`);
    }
    // The paging line drawn under the usual loads is the alert's ratio times the usual.
    const usual = s.usual(a.longWindow);
    const lines = panelQueries()
      .filter((q) => q.where.startsWith('classroom-health /'))
      .flatMap((q) => [
        ...q.expr.matchAll(new RegExp(`([\\d.]+)\\s*\\*\\s*${escapeRegExp(usual)}\\b`, 'g')),
      ])
      .map((m) => Number(m[1]));
    assert.deepEqual(lines, [a.belowRatio]);
  });

  it('keep "today so far against the same local time 7 days ago" per app, from local midnight', () => {
    const { dashboard } = classroomHealth();
    const table = allPanels(dashboard).find((p) => p.title === TODAY_SO_FAR_PANEL);
    assert.ok(table, `classroom-health has the panel "${TODAY_SO_FAR_PANEL}"`);
    // Today so far: the panel's range is local midnight to now (in the dashboard's zone).
    assert.equal(table.timeFrom, 'now/d');
    const queries = Object.fromEntries(
      (table.targets ?? []).map((t): [string, string] => [t.refId ?? '', t.expr ?? '']),
    );
    assert.deepEqual(
      queries,
      { ...TODAY_SO_FAR_QUERIES },
      `classroom-health.json must hold the queries src/dashboards/app-loads-today.ts builds:\n${JSON.stringify(TODAY_SO_FAR_QUERIES, null, 2)}`,
    );
    assert.ok(
      table.targets?.every((t) => t.instant === true),
      'instant queries over $__range',
    );
    // The week back follows the school clock: 169 h after the clocks fell back, 167 h after they
    // sprang forward, else (and without the clock) 168 h; the shift is read now and at midnight.
    const shift = `${SCHOOL_CLOCK_METRICS.dstShift}{weeks_ago="1"}`;
    for (const expr of [TODAY_SO_FAR_QUERIES.B, TODAY_SO_FAR_QUERIES.C]) {
      for (const offset of ['169h', '167h', '168h'])
        assert.match(expr, new RegExp(`\\[\\$__range\\] offset ${offset}\\)`));
      assert.ok(expr.includes(`max(${shift})`) && expr.includes(`max(${shift} offset $__range)`));
      assert.match(expr, /== 3600\)/);
      assert.match(expr, /== -3600\)/);
      assert.match(expr, /unless on \(\) \(abs\(/);
    }
    assert.doesNotMatch(TODAY_SO_FAR_QUERIES.A, /offset/);
    // The bar gauge shows the same ratio over the same range.
    const gauges = panelsReading(dashboard, SCHOOL_CLOCK_METRICS.dstShift).filter(
      (p) => p !== table,
    );
    assert.deepEqual(
      gauges.map((p) => [p.type, p.timeFrom, p.targets?.map((t) => t.expr)]),
      [['bargauge', 'now/d', [TODAY_SO_FAR_QUERIES.C]]],
    );
  });

  it('compare with past weeks only through the school clock (no UTC `offset 1w`)', () => {
    const clockAware = new Set<string>(Object.values(TODAY_SO_FAR_QUERIES));
    for (const q of panelQueries().filter((q) => q.where.startsWith('classroom-health /')))
      if (!clockAware.has(q.expr)) assert.doesNotMatch(q.expr, /\boffset\b/, q.where);
  });

  it("are shown in the schools' time zone: the file's default, the deployment's in the ConfigMap", () => {
    const base = { namespace: 'classpulse', imageTag: '0123abcd' };
    const dashboardMaps = (objects: KubeObject[]) =>
      new Map(
        objects
          .filter((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('grafana-dashboard-'))
          .map((o) => [
            o.metadata.name.slice('grafana-dashboard-'.length),
            (o as KubeObject & { data: Record<string, string> }).data,
          ]),
      );
    const byDefault = dashboardMaps(synthesize(base));
    const chicago = dashboardMaps(
      synthesize({ ...base, schoolCalendar: { timeZone: 'America/Chicago' } }),
    );
    assert.ok(SCHOOL_TIME_DASHBOARDS.includes('classroom-health'));
    for (const file of dashboards) {
      const school = (SCHOOL_TIME_DASHBOARDS as readonly string[]).includes(file.uid);
      assert.equal(byDefault.get(file.uid)?.[file.fileName], file.json, `${file.uid} as written`);
      const shipped = chicago.get(file.uid)?.[file.fileName];
      assert.ok(shipped, `${file.uid} is shipped`);
      if (!school) {
        assert.equal(shipped, file.json, `${file.uid} as written`);
        continue;
      }
      assert.equal(
        file.dashboard.timezone,
        DEFAULT_TIME_ZONE,
        `${file.fileName}: the default zone`,
      );
      assert.equal((JSON.parse(shipped) as Dashboard).timezone, 'America/Chicago');
      assert.deepEqual(JSON.parse(shipped), { ...file.dashboard, timezone: 'America/Chicago' });
      assert.equal(shipped, withTimeZone(file, 'America/Chicago'));
    }
  });

  it('set the zone only on a file with one top-level "timezone" line', () => {
    const file = (json: string) => ({ uid: 'x', fileName: 'x.json', json });
    assert.equal(
      withTimeZone(file('{\n  "uid": "x",\n  "timezone": "browser"\n}\n'), 'Europe/Berlin'),
      '{\n  "uid": "x",\n  "timezone": "Europe/Berlin"\n}\n',
    );
    assert.throws(
      () =>
        withTimeZone(
          file('{\n  "uid": "x",\n  "panels": [{\n    "timezone": "utc"\n  }]\n}\n'),
          'UTC',
        ),
      /x\.json: needs one top-level "timezone" line/,
    );
    assert.throws(
      () => withTimeZone(file('{ "uid": "x", "timezone": "utc" }'), 'UTC'),
      /needs one top-level "timezone" line/,
    );
  });
});

describe('alert rules (k8s/prometheus/rules/)', () => {
  it('link dashboard_url to a dashboard that exists', () => {
    const alerts = rules().filter(({ rule }) => typeof rule.alert === 'string');
    assert.ok(alerts.length > 0);
    let linked = 0;
    for (const { file, rule } of alerts) {
      const url = (rule.annotations as Record<string, string> | undefined)?.dashboard_url;
      if (url === undefined) continue;
      const where = `${file}: ${String(rule.alert)}`;
      assert.ok(url.startsWith(GRAFANA_DASHBOARD_URL), `${where}: ${url} is not on Grafana`);
      const uid = url.slice(GRAFANA_DASHBOARD_URL.length).split(/[/?#]/)[0];
      const existing = dashboards.map((d) => d.uid);
      assert.ok(
        existing.includes(uid ?? ''),
        `${where}: dashboard ${uid} does not exist (${existing.join(', ')})`,
      );
      linked += 1;
    }
    assert.ok(linked > 0);
  });
});
