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
