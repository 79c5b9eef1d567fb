/** A synthesized Kubernetes object as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/** `Deployment/web`: how messages name an object. */
export function describeObject(object: { kind?: unknown; metadata?: { name?: unknown } }): string {
  const text = (value: unknown, fallback: string) =>
    typeof value === 'string' && value !== '' ? value : fallback;
  return `${text(object?.kind, '(no kind)')}/${text(object?.metadata?.name, '(no name)')}`;
}
