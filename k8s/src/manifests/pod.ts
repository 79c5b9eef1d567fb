import { k8s } from 'cdk8s-plus-33';
import type { StackOptions } from './options.ts';
import { SECRETS } from './secrets.ts';

/** Every container runs as this user; the Dockerfiles create it and end with `USER 10001`. */
export const RUN_AS_USER = 10001;

export const podSecurityContext: k8s.PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  // Volumes (the web app's SQLite, Redis's AOF) become writable for the group.
  fsGroup: RUN_AS_USER,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const containerSecurityContext: k8s.SecurityContext = {
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

/** The root filesystem is read-only; tsx's transform cache and Node's temp files go here. */
export const tmpVolume: k8s.Volume = {
  name: 'tmp',
  emptyDir: { sizeLimit: k8s.Quantity.fromString('256Mi') },
};
export const tmpMount: k8s.VolumeMount = { name: 'tmp', mountPath: '/tmp' };

/** Rolling updates that never drop below the wanted count. */
export const surgeStrategy: k8s.DeploymentStrategy = {
  type: 'RollingUpdate',
  rollingUpdate: {
    maxUnavailable: k8s.IntOrString.fromNumber(0),
    maxSurge: k8s.IntOrString.fromNumber(1),
  },
};

export const namespaced = (
  options: StackOptions,
  name: string,
  labels: Record<string, string>,
) => ({
  name,
  namespace: options.namespace,
  labels,
});
