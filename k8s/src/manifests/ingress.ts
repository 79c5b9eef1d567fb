import { BEACON_PATH } from '@classpulse/metrics-aggregator/catalog';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { labelsFor, NAMES, PORTS } from './labels.ts';
import type { StackOptions } from './options.ts';
import { namespaced } from './pod.ts';

/** socket.io's default path: the realtime tier serves it on the web host. */
export const SOCKET_IO_PATH = '/socket.io';

const backend = (service: string, port: number): k8s.IngressBackend => ({
  service: { name: service, port: { number: port } },
});

/**
 * Everything public is one host: the web app, /v1/beacon (the aggregator's public port, so pages
 * report to their own origin) and /socket.io (the realtime tier). One host is one name through a
 * school's firewall and one origin for the CSP and the affinity cookie. The realtime path is a
 * separate Ingress because its annotations (cookie affinity, hour-long proxy timeouts for
 * sockets) belong to it alone; ingress-nginx merges both under the one host. The tier's
 * /v1/sessions API, /healthz and /metrics are not routed: web reaches the API in-cluster.
 */
export class PublicIngress extends Construct {
  constructor(scope: Construct, id: string, options: StackOptions) {
    super(scope, id);
    // Both Ingresses serve the one public host with its one certificate; only paths and
    // annotations tell them apart.
    const onPublicHost = (
      name: string,
      paths: k8s.HttpIngressPath[],
      annotations?: Record<string, string>,
    ) =>
      new k8s.KubeIngress(this, name, {
        metadata: {
          ...namespaced(options, name, labelsFor(name)),
          ...(annotations && { annotations }),
        },
        spec: {
          ingressClassName: options.ingress.className,
          tls: [{ hosts: [options.host], secretName: options.ingress.tlsSecretName }],
          rules: [{ host: options.host, http: { paths } }],
        },
      });

    onPublicHost(NAMES.web, [
      {
        path: BEACON_PATH,
        pathType: 'Exact',
        backend: backend(NAMES.aggregator, PORTS.aggregatorPublic),
      },
      { path: '/', pathType: 'Prefix', backend: backend(NAMES.web, PORTS.web) },
    ]);

    onPublicHost(
      NAMES.realtime,
      [
        {
          path: SOCKET_IO_PATH,
          pathType: 'Prefix',
          backend: backend(NAMES.realtime, PORTS.realtime),
        },
      ],
      {
        // Long-polling fallback: one connection's requests must reach one pod (realtime.ts).
        // `persistent`: scaling out does not move existing connections.
        'nginx.ingress.kubernetes.io/affinity': 'cookie',
        'nginx.ingress.kubernetes.io/affinity-mode': 'persistent',
        'nginx.ingress.kubernetes.io/session-cookie-name': 'classpulse-rt',
        'nginx.ingress.kubernetes.io/session-cookie-path': SOCKET_IO_PATH,
        'nginx.ingress.kubernetes.io/session-cookie-secure': 'true',
        'nginx.ingress.kubernetes.io/session-cookie-samesite': 'Strict',
        // A classroom socket stays open for the whole lesson; pings flow every 25 s.
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
        'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
      },
    );
  }
}
