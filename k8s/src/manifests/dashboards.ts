import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { loadDashboards } from '../dashboards/dashboard-files.ts';
import { labelsFor } from './labels.ts';
import type { StackOptions } from './options.ts';
import { namespaced } from './pod.ts';

/** The label Grafana's dashboard sidecar watches for. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';

/**
 * One ConfigMap per dashboard in k8s/dashboards/, labelled for Grafana's sidecar (which must be
 * told to search this namespace). The file is shipped as written, under its own name.
 */
export class Dashboards extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    for (const dashboard of loadDashboards()) {
      new k8s.KubeConfigMap(this, dashboard.uid, {
        metadata: {
          ...namespaced(options, `grafana-dashboard-${dashboard.uid}`, {
            ...labelsFor('grafana-dashboards'),
            [GRAFANA_DASHBOARD_LABEL]: '1',
          }),
          annotations: { grafana_folder: 'Classpulse' },
        },
        data: { [dashboard.fileName]: dashboard.json },
      });
    }
  }
}
