import { Alertmanager } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Alertmanager';
import { Prometheus } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Prometheus';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { z } from 'zod';
import { CNPG_API_VERSION, cnpgClusterSpec, cnpgScheduledBackupSpec } from './database-schema.ts';
import { describeObject, type KubeObject } from './kube-object.ts';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

/** Every kind the stack may contain, by `apiVersion/kind`; anything else is an error. */
const MODELS: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>(
  (
    [
      Namespace,
      ServiceAccount,
      Secret,
      ConfigMap,
      PersistentVolumeClaim,
      Service,
      ClusterRole,
      ClusterRoleBinding,
      Role,
      RoleBinding,
      Deployment,
      StatefulSet,
      HorizontalPodAutoscaler,
      PodDisruptionBudget,
      NetworkPolicy,
      Ingress,
      Prometheus,
      Alertmanager,
      ServiceMonitor,
      PrometheusRule,
    ] as Array<ModelClass & { apiVersion: string; kind: string }>
  ).map((model) => [`${model.apiVersion}/${model.kind}`, model]),
);

/** CloudNativePG's kinds: no kubernetes-models schema, so the stack's own (database-schema.ts). */
const CNPG_SPECS = new Map<string, z.ZodType>([
  [`${CNPG_API_VERSION}/Cluster`, cnpgClusterSpec],
  [`${CNPG_API_VERSION}/ScheduledBackup`, cnpgScheduledBackupSpec],
]);

export class ObjectValidationError extends Error {
  override name = 'ObjectValidationError';
}

const DNS_SUBDOMAIN =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Validates every object against the Kubernetes (kubernetes-models) or Prometheus Operator
 * (@kubernetes-models/prometheus-operator) schema of its apiVersion and kind. Throws an
 * ObjectValidationError naming the kind and name of the first object that fails; a kind without
 * a schema here fails too, so nothing unchecked is applied.
 */
export function validateObjects(objects: readonly KubeObject[]): void {
  for (const [index, object] of objects.entries()) {
    const what = `${describeObject(object)} (object ${index + 1})`;
    const name = object?.metadata?.name;
    if (typeof name !== 'string' || !DNS_SUBDOMAIN.test(name))
      throw new ObjectValidationError(
        `Invalid ${what}: metadata.name must be a DNS-1123 subdomain.`,
      );
    const cnpg = CNPG_SPECS.get(`${object.apiVersion}/${object.kind}`);
    if (cnpg) {
      const parsed = cnpg.safeParse(object.spec);
      const issue = parsed.error?.issues[0];
      if (issue)
        throw new ObjectValidationError(
          `Invalid ${what}: spec.${issue.path.map(String).join('.')}: ${issue.message}`,
        );
      continue;
    }
    const Model = MODELS.get(`${object.apiVersion}/${object.kind}`);
    if (!Model)
      throw new ObjectValidationError(
        `Unknown kind ${object.apiVersion}/${object.kind} for ${what}: no schema to validate it with.`,
      );
    try {
      new Model(structuredClone(object) as never).validate();
    } catch (error) {
      throw new ObjectValidationError(
        `Invalid ${what}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
