import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import {
  loadDashboards,
  SCHOOL_TIME_DASHBOARDS,
  withTimeZone,
} from '../dashboards/dashboard-files.ts';
import { labelsFor } from './labels.ts';
import type { StackOptions } from './options.ts';
import { namespaced } from './pod.ts';

/** The label Grafana's dashboard sidecar watches for. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';

/**
 * One ConfigMap per dashboard in k8s/dashboards/, labelled for Grafana's sidecar (which must be
 * told to search this namespace). The file is shipped as written, under its own name, except
 * that the dashboards about the schools' day get the deployment's school time zone (their
 * "today so far" starts at the schools' local midnight).
 */
export class Dashboards extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const schoolTime = new Set<string>(SCHOOL_TIME_DASHBOARDS);
    for (const dashboard of loadDashboards()) {
      new k8s.KubeConfigMap(this, dashboard.uid, {
        metadata: {
          ...namespaced(options, `grafana-dashboard-${dashboard.uid}`, {
            ...labelsFor('grafana-dashboards'),
            [GRAFANA_DASHBOARD_LABEL]: '1',
          }),
          annotations: { grafana_folder: 'Classpulse' },
        },
        data: {
          [dashboard.fileName]: schoolTime.has(dashboard.uid)
            ? withTimeZone(dashboard, options.schoolCalendar.timeZone)
            : dashboard.json,
        },
      });
    }
  }
}
