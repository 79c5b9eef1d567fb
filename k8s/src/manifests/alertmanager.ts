import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IAlertmanager } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Alertmanager';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { labelsFor, NAMES } from './labels.ts';
import { operatorResource } from './monitoring.ts';
import { ALERTMANAGER_POD_LABELS } from './network-policies.ts';
import type { StackOptions } from './options.ts';
import { namespaced, podSecurityContext } from './pod.ts';
import { SECRETS } from './secrets.ts';

/** The configuration amtool checks (k8s/test/alertmanager.test.ts): exactly this is deployed. */
export const ALERTMANAGER_DIR = fileURLToPath(new URL('../../alertmanager/', import.meta.url));
export const ALERTMANAGER_CONFIG_FILE = 'alertmanager.yml';
/** The operator reads the configuration from this key of `spec.configSecret`. */
export const CONFIG_SECRET_KEY = 'alertmanager.yaml';
export const CONFIG_SECRET_NAME = `alertmanager-${NAMES.alertmanager}`;
/** Where the operator mounts `spec.secrets` (the config's slack_api_url_file points in here). */
export const MOUNTED_SECRETS_DIR = '/etc/alertmanager/secrets';

export class AlertmanagerConfigError extends Error {
  override name = 'AlertmanagerConfigError';
}

/**
 * The Secret the operator reads: alertmanager.yml under `alertmanager.yaml`, plus every template
 * (`*.tmpl`, mounted next to it in /etc/alertmanager/config/, where the config's `templates`
 * look). No secret is in it: the Slack URL and the dead man's switch token are files the config
 * names, from the Secret `alertmanager-slack` that the operator mounts (`spec.secrets`).
 */
export function alertmanagerConfigFiles(dir: string = ALERTMANAGER_DIR): Record<string, string> {
  let config: string;
  try {
    config = readFileSync(join(dir, ALERTMANAGER_CONFIG_FILE), 'utf8');
  } catch {
    throw new AlertmanagerConfigError(`${ALERTMANAGER_CONFIG_FILE} is missing from ${dir}.`);
  }
  const mounted = `${MOUNTED_SECRETS_DIR}/${SECRETS.alertmanagerSlack.name}/${SECRETS.alertmanagerSlack.keys.url}`;
  if (!config.includes(mounted))
    throw new AlertmanagerConfigError(
      `${ALERTMANAGER_CONFIG_FILE} must read the Slack URL from ${mounted} (global.slack_api_url_file).`,
    );
  const files: Record<string, string> = { [CONFIG_SECRET_KEY]: config };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tmpl'))
    .sort())
    files[file] = readFileSync(join(dir, file), 'utf8');
  return files;
}

export class Alertmanager extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    const labels = labelsFor('alertmanager');

    new k8s.KubeSecret(this, 'config', {
      metadata: namespaced(options, CONFIG_SECRET_NAME, labels),
      type: 'Opaque',
      stringData: alertmanagerConfigFiles(),
    });

    const spec: IAlertmanager['spec'] = {
      replicas: options.replicas.alertmanager,
      configSecret: CONFIG_SECRET_NAME,
      // Mounted at /etc/alertmanager/secrets/alertmanager-slack/: keys `url` and
      // `deadmans-switch-token`. Created by operators, never by this stack.
      secrets: [SECRETS.alertmanagerSlack.name],
      retention: '120h',
      podMetadata: { labels: ALERTMANAGER_POD_LABELS },
      resources: {
        requests: { cpu: '50m', memory: '64Mi' },
        limits: { cpu: '500m', memory: '256Mi' },
      },
      securityContext: podSecurityContext,
    };
    operatorResource(this, 'alertmanager', options, {
      kind: 'Alertmanager',
      name: NAMES.alertmanager,
      labels,
      spec,
    });
  }
}
