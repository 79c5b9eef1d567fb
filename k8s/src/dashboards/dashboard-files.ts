import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Grafana dashboards in `k8s/dashboards/`, one JSON file per dashboard named by its uid.
 * Alerts link to `https://grafana.classpulse.example/d/<uid>`, so a uid never changes once
 * published. The manifests turn these into ConfigMaps for Grafana's dashboard sidecar.
 */
export const DASHBOARD_UIDS = [
  'classroom-health',
  'firebase-probes',
  'realtime-tier',
  'metrics-aggregator',
  'web-tier',
] as const;
export type DashboardUid = (typeof DASHBOARD_UIDS)[number];

/**
 * Dashboards about the schools' day, shown in the schools' time zone: "today" on them starts at
 * local midnight. Their files carry the default zone; the manifests set the deployment's
 * (`withTimeZone`).
 */
export const SCHOOL_TIME_DASHBOARDS: readonly DashboardUid[] = ['classroom-health'];

/** Where alert annotations point: `${GRAFANA_DASHBOARD_URL}<uid>`. */
export const GRAFANA_DASHBOARD_URL = 'https://grafana.classpulse.example/d/';

export const DASHBOARDS_DIR = fileURLToPath(new URL('../../dashboards/', import.meta.url));

export interface DashboardFile {
  uid: string;
  fileName: string;
  /** The file's text as written: what Grafana imports. */
  json: string;
}

/**
 * Every `*.json` in `k8s/dashboards/`, sorted by file name. Throws if a file does not parse or
 * its `uid` is not its file name, so a broken dashboard never reaches a ConfigMap.
 */
export function loadDashboards(dir: string = DASHBOARDS_DIR): DashboardFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((fileName) => {
      const json = readFileSync(join(dir, fileName), 'utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        throw new Error(`${fileName}: not valid JSON (${(error as Error).message})`);
      }
      const uid = (parsed as { uid?: unknown } | null)?.uid;
      if (typeof uid !== 'string' || `${uid}.json` !== fileName)
        throw new Error(`${fileName}: uid ${JSON.stringify(uid)} must be the file name`);
      return { uid, fileName, json };
    });
}

/** A dashboard's top-level `timezone` as formatted in the files (two spaces in, one line). */
const TOP_LEVEL_TIME_ZONE = /^ {2}"timezone": "[^"\\\n]*"/gm;

/**
 * The dashboard's text with its top-level `timezone` set to `timeZone` (an IANA name, which
 * Grafana accepts there) and every other byte as written. Throws unless the file has exactly one
 * such line and the result parses to the same dashboard in that zone.
 */
export function withTimeZone(dashboard: DashboardFile, timeZone: string): string {
  const lines = dashboard.json.match(TOP_LEVEL_TIME_ZONE) ?? [];
  if (lines.length !== 1)
    throw new Error(`${dashboard.fileName}: needs one top-level "timezone" line to set the zone`);
  const json = dashboard.json.replace(
    TOP_LEVEL_TIME_ZONE,
    () => `  "timezone": ${JSON.stringify(timeZone)}`,
  );
  const expected = { ...(JSON.parse(dashboard.json) as object), timezone: timeZone };
  if (JSON.stringify(JSON.parse(json)) !== JSON.stringify(expected))
    throw new Error(`${dashboard.fileName}: setting the time zone changed more than the zone`);
  return json;
}
