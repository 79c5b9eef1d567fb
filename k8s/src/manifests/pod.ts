import { k8s } from 'cdk8s-plus-33';
import type { StackOptions } from './options.ts';
import { SECRETS } from './secrets.ts';

/** Every container runs as this user; the Dockerfiles create it and end with `USER 10001`. */
export const RUN_AS_USER = 10001;

/** Every pod's, the operator-managed Prometheus and Alertmanager included (their CRs' field). */
export const podSecurityContext: k8s.PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  // Volumes (the web app's SQLite, Redis's AOF) become writable for the group.
  fsGroup: RUN_AS_USER,
  seccompProfile: { type: 'RuntimeDefault' },
};

const containerSecurityContext: k8s.SecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  privileged: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

export const image = (options: StackOptions, service: string) =>
  `${options.imageRegistry}/classpulse-${service}:${options.imageTag}`;

export interface Sizing {
  cpu: [request: string, limit: string];
  memory: [request: string, limit: string];
}

export function resources({ cpu, memory }: Sizing): k8s.ResourceRequirements {
  const q = (value: string) => k8s.Quantity.fromString(value);
  return {
    requests: { cpu: q(cpu[0]), memory: q(memory[0]) },
    limits: { cpu: q(cpu[1]), memory: q(memory[1]) },
  };
}

export interface ProbeTiming {
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  initialDelaySeconds?: number;
}

export function httpProbe(path: string, port: string, timing: ProbeTiming = {}): k8s.Probe {
  return {
    httpGet: { path, port: k8s.IntOrString.fromString(port) },
    periodSeconds: 10,
    timeoutSeconds: 3,
    failureThreshold: 3,
    ...timing,
  };
}

export const env = {
  value: (name: string, value: string): k8s.EnvVar => ({ name, value }),
  secret: (name: string, secret: string, key: string, optional = false): k8s.EnvVar => ({
    name,
    valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional } : {}) } },
  }),
  field: (name: string, fieldPath: string): k8s.EnvVar => ({
    name,
    valueFrom: { fieldRef: { fieldPath } },
  }),
};

/** Signs and checks teacher, student and probe tokens: web, realtime and probes share it. */
/** The web app signs pages' metrics tokens with it; the aggregator verifies them. */
export const metricsPageTokenSecretEnv = env.secret(
  'METRICS_PAGE_TOKEN_SECRET',
  SECRETS.metrics.name,
  SECRETS.metrics.keys.pageTokenSecret,
);

export const realtimeTokenSecretEnv = env.secret(
  'REALTIME_TOKEN_SECRET',
  SECRETS.realtime.name,
  SECRETS.realtime.keys.tokenSecret,
);

/** Firebase mode's variables from the optional Secret: absent Secret, Firebase mode off. */
export function firebaseEnv(
  wanted: ReadonlyArray<keyof typeof SECRETS.firebase.keys>,
): k8s.EnvVar[] {
  const variables = {
    databaseUrl: 'FIREBASE_DATABASE_URL',
    serviceAccountJson: 'FIREBASE_SERVICE_ACCOUNT_JSON',
    webApiKey: 'FIREBASE_WEB_API_KEY',
    authDomain: 'FIREBASE_AUTH_DOMAIN',
  } as const;
  return wanted.map((key) =>
    env.secret(variables[key], SECRETS.firebase.name, SECRETS.firebase.keys[key], true),
  );
}

/**
 * School sign-in's settings for the web app, each from the optional `classpulse-oidc` Secret: an
 * absent Secret or key leaves the variable unset (local accounts only, or that setting's default).
 */
export function oidcEnv(): k8s.EnvVar[] {
  const variables: Record<keyof typeof SECRETS.oidc.keys, string> = {
    issuerUrl: 'OIDC_ISSUER_URL',
    clientId: 'OIDC_CLIENT_ID',
    clientSecret: 'OIDC_CLIENT_SECRET',
    allowedEmailDomains: 'OIDC_ALLOWED_EMAIL_DOMAINS',
    studentEmailDomains: 'OIDC_STUDENT_EMAIL_DOMAINS',
    adminEmails: 'OIDC_ADMIN_EMAILS',
    providerName: 'OIDC_PROVIDER_NAME',
  };
  return Object.entries(variables).map(([key, name]) =>
    env.secret(name, SECRETS.oidc.name, SECRETS.oidc.keys[key as keyof typeof variables], true),
  );
}

/**
 * The root filesystem is read-only; Node's temp files (and Next.js's) go here. Every
 * pod from hardenedPods gets both; a workload names them only to place them among its own.
 */
export const tmpVolume: k8s.Volume = {
  name: 'tmp',
  emptyDir: { sizeLimit: k8s.Quantity.fromString('256Mi') },
};
export const tmpMount: k8s.VolumeMount = { name: 'tmp', mountPath: '/tmp' };

/** `list` with `entry` in it: where the caller placed it, else last. */
function including<T extends { name: string }>(list: readonly T[] | undefined, entry: T): T[] {
  const given = list ?? [];
  return given.some((item) => item.name === entry.name) ? [...given] : [...given, entry];
}

/** Pod and container specs as a workload writes them: security contexts are not its to choose. */
type HardenedContainer = Omit<k8s.Container, 'securityContext'>;
export interface HardenedPod extends Omit<
  k8s.PodSpec,
  'securityContext' | 'containers' | 'initContainers'
> {
  containers: HardenedContainer[];
  /** Run to completion, in order, before the containers start (the web tier's migrations). */
  initContainers?: HardenedContainer[];
  /** false: no /tmp (a container that writes only to its own data volume, like Redis). */
  tmp?: boolean;
}

/**
 * The pod template every workload here uses, so none can drift from the `restricted` Pod
 * Security profile the namespace warns about: no service account token unless the pod asks for
 * one, the non-root pod security context, each container's restricted security context, and a
 * writable /tmp over the read-only root filesystem.
 */
function hardenedPodTemplate(
  labels: Record<string, string>,
  { tmp = true, containers, initContainers, volumes, ...spec }: HardenedPod,
): k8s.PodTemplateSpec {
  return {
    metadata: { labels },
    spec: {
      // Only a pod that talks to the API (the probes) mounts a token, and it says so.
      automountServiceAccountToken: false,
      ...spec,
      securityContext: podSecurityContext,
      ...(initContainers
        ? { initContainers: initContainers.map((container) => hardenedContainer(container, tmp)) }
        : {}),
      containers: containers.map((container) => hardenedContainer(container, tmp)),
      volumes: tmp ? including(volumes, tmpVolume) : volumes,
    },
  };
}

function hardenedContainer(container: HardenedContainer, tmp: boolean): k8s.Container {
  return {
    ...container,
    securityContext: containerSecurityContext,
    volumeMounts: tmp ? including(container.volumeMounts, tmpMount) : container.volumeMounts,
  };
}

/**
 * A workload's selector and pod template together: its pods carry exactly the labels it
 * selects by, so the two cannot disagree.
 */
export function hardenedPods(
  labels: Record<string, string>,
  pod: HardenedPod,
): { selector: k8s.LabelSelector; template: k8s.PodTemplateSpec } {
  return { selector: { matchLabels: labels }, template: hardenedPodTemplate(labels, pod) };
}

/** Rolling updates that never drop below the wanted count. */
export const surgeStrategy: k8s.DeploymentStrategy = {
  type: 'RollingUpdate',
  rollingUpdate: {
    maxUnavailable: k8s.IntOrString.fromNumber(0),
    maxSurge: k8s.IntOrString.fromNumber(1),
  },
};

/** Voluntary evictions (node drains, upgrades) take the selected pods down one at a time. */
export const oneAtATime = (labels: Record<string, string>): k8s.PodDisruptionBudgetSpec => ({
  maxUnavailable: k8s.IntOrString.fromNumber(1),
  selector: { matchLabels: labels },
});

/**
 * A Service with one port that forwards to the selected pods' container port of the same name,
 * so the port number a container listens on is written once, in its `ports`.
 */
export function serviceSpec(
  selector: Record<string, string>,
  portName: string,
  port: number,
  spec: Omit<k8s.ServiceSpec, 'selector' | 'ports'> = {},
): k8s.ServiceSpec {
  return {
    ...spec,
    selector,
    ports: [{ name: portName, port, targetPort: k8s.IntOrString.fromString(portName) }],
  };
}

/** The configured StorageClass, or nothing: unset means the cluster's default. */
export const storageClass = (options: StackOptions): { storageClassName?: string } =>
  options.storage.className ? { storageClassName: options.storage.className } : {};

/** A single-writer volume of `size`: each claim here belongs to one pod. */
export const volumeClaimSpec = (
  options: StackOptions,
  size: string,
): k8s.PersistentVolumeClaimSpec => ({
  accessModes: ['ReadWriteOnce'],
  resources: { requests: { storage: k8s.Quantity.fromString(size) } },
  ...storageClass(options),
});

export const namespaced = (
  options: StackOptions,
  name: string,
  labels: Record<string, string>,
) => ({
  name,
  namespace: options.namespace,
  labels,
});
