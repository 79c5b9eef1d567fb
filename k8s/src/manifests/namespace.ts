import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { PART_OF, PART_OF_LABEL } from './labels.ts';
import type { StackOptions } from './options.ts';

/**
 * The namespace. Pod Security Admission enforces `baseline` and warns and audits against
 * `restricted`: our own pods meet `restricted`, but the operator-managed Prometheus and
 * Alertmanager pods are shaped by the operator's version, which we do not control from here.
 */
export class ClasspulseNamespace extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    new k8s.KubeNamespace(this, 'namespace', {
      metadata: {
        name: options.namespace,
        labels: {
          [PART_OF_LABEL]: PART_OF,
          'pod-security.kubernetes.io/enforce': 'baseline',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/audit': 'restricted',
        },
      },
    });
  }
}
