import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IAlertmanager } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Alertmanager';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { Document, isScalar, parseDocument, visit } from 'yaml';
import {
  alertmanagerTimeIntervals,
  type AlertmanagerTimeInterval,
} from '../calendar/alertmanager-intervals.ts';
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

/** The time interval names the routes use, at any depth. */
function intervalsNamedByRoutes(route: unknown): string[] {
  if (!route || typeof route !== 'object') return [];
  const r = route as {
    mute_time_intervals?: unknown;
    active_time_intervals?: unknown;
    routes?: unknown;
  };
  const own = [r.mute_time_intervals, r.active_time_intervals].flatMap((names) =>
    Array.isArray(names) ? names.map(String) : [],
  );
  const children = Array.isArray(r.routes) ? r.routes.flatMap(intervalsNamedByRoutes) : [];
  return [...own, ...children];
}

/**
 * The calendar's `time_intervals` as a YAML block to append to the file, quoted and in flow lists
 * like the rest of it (Alertmanager reads YAML 1.1, where an unquoted 24:31 could be a number).
 */
function timeIntervalsYaml(intervals: AlertmanagerTimeInterval[]): string {
  const document = new Document({ time_intervals: intervals });
  visit(document, {
    Scalar(key, scalar) {
      if (key !== 'key' && typeof scalar.value === 'string') scalar.type = 'QUOTE_SINGLE';
    },
    Seq(_, seq) {
      if (seq.items.every(isScalar)) seq.flow = true;
    },
  });
  return [
    '# Generated from the stack option schoolCalendar (k8s/src/calendar/): edit the options, not this.',
    document.toString({ lineWidth: 0, flowCollectionPadding: false }),
  ].join('\n');
}

/**
 * The Secret the operator reads: alertmanager.yml, with `time_intervals` generated from the
 * deployment's school calendar, under `alertmanager.yaml`, plus every template (`*.tmpl`,
 * mounted next to it in /etc/alertmanager/config/, where the config's `templates` look). No
 * secret is in it: the Slack URL and the dead man's switch token are files the config names,
 * from the Secret `alertmanager-slack` that the operator mounts (`spec.secrets`).
 */
export function alertmanagerConfigFiles(
  options: Pick<StackOptions, 'schoolCalendar'>,
  dir: string = ALERTMANAGER_DIR,
): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(dir, ALERTMANAGER_CONFIG_FILE), 'utf8');
  } catch {
    throw new AlertmanagerConfigError(`${ALERTMANAGER_CONFIG_FILE} is missing from ${dir}.`);
  }
  const mounted = `${MOUNTED_SECRETS_DIR}/${SECRETS.alertmanagerSlack.name}/${SECRETS.alertmanagerSlack.keys.url}`;
  if (!text.includes(mounted))
    throw new AlertmanagerConfigError(
      `${ALERTMANAGER_CONFIG_FILE} must read the Slack URL from ${mounted} (global.slack_api_url_file).`,
    );
  const document = parseDocument(text);
  if (document.errors.length)
    throw new AlertmanagerConfigError(
      `${ALERTMANAGER_CONFIG_FILE} is not valid YAML: ${document.errors[0]?.message}`,
    );
  if (document.has('time_intervals'))
    throw new AlertmanagerConfigError(
      `${ALERTMANAGER_CONFIG_FILE} must not define time_intervals: they are generated from the stack option schoolCalendar.`,
    );
  const intervals = alertmanagerTimeIntervals(options.schoolCalendar);
  const generated = new Set(intervals.map((interval) => interval.name));
  const { route } = document.toJS() as { route?: unknown };
  const unknown = intervalsNamedByRoutes(route).filter((name) => !generated.has(name));
  if (unknown.length)
    throw new AlertmanagerConfigError(
      `${ALERTMANAGER_CONFIG_FILE} routes name time intervals the calendar does not generate: ${[...new Set(unknown)].join(', ')} (generated: ${[...generated].join(', ')}).`,
    );
  // Appended as text: the rest of the file, comments included, is deployed exactly as written.
  const files: Record<string, string> = {
    [CONFIG_SECRET_KEY]: `${text.trimEnd()}\n\n${timeIntervalsYaml(intervals)}`,
  };
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
      stringData: alertmanagerConfigFiles(options),
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
