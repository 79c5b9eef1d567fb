import { z } from 'zod';

const ingressSchema = z.object({
  apiVersion: z.string(),
  kind: z.literal('Ingress'),
  metadata: z.object({ name: z.string() }),
  spec: z
    .object({
      tls: z.array(z.object({ hosts: z.array(z.string()).optional() })).optional(),
      rules: z
        .array(
          z.object({
            host: z.string().optional(),
            http: z
              .object({
                paths: z.array(
                  z.object({
                    path: z.string().optional(),
                    backend: z.object({
                      service: z
                        .object({
                          name: z.string(),
                          port: z
                            .object({ number: z.number().optional(), name: z.string().optional() })
                            .optional(),
                        })
                        .optional(),
                    }),
                  }),
                ),
              })
              .optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  status: z
    .object({
      loadBalancer: z
        .object({
          ingress: z
            .array(z.object({ ip: z.string().optional(), hostname: z.string().optional() }))
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

const serviceSchema = z.object({
  apiVersion: z.literal('v1'),
  kind: z.literal('Service'),
  metadata: z.object({ name: z.string() }),
  spec: z
    .object({
      ports: z.array(z.object({ port: z.number(), name: z.string().optional() })).optional(),
    })
    .optional(),
});

const crSchema = z.object({
  apiVersion: z.string().startsWith('monitoring.coreos.com/'),
  kind: z.string(),
  metadata: z.object({ name: z.string() }),
});

interface Route {
  base: string;
  secure: boolean;
  host: string;
  path: string;
  service: string;
}

const isRealtime = (service: string) => service.includes('realtime');

/**
 * Where to find the stage, read from the objects the API stored (Ingress rules and TLS, Services,
 * Prometheus Operator resources), as labelled lines. `skipped` holds the objects not applied.
 */
export function stageUrls(options: {
  namespace: string;
  objects: readonly unknown[];
  skipped: readonly { kind: string; apiVersion: string }[];
}): [label: string, value: string][] {
  const { namespace, objects } = options;
  const ingresses = objects.flatMap((o) => {
    const parsed = ingressSchema.safeParse(o);
    return parsed.success ? [parsed.data] : [];
  });
  const services = objects.flatMap((o) => {
    const parsed = serviceSchema.safeParse(o);
    return parsed.success ? [parsed.data] : [];
  });
  const monitoring = objects.flatMap((o) => {
    const parsed = crSchema.safeParse(o);
    return parsed.success ? [parsed.data] : [];
  });

  const routes: Route[] = [];
  for (const ingress of ingresses) {
    const tls = ingress.spec?.tls ?? [];
    for (const rule of ingress.spec?.rules ?? []) {
      if (!rule.host) continue;
      const host = rule.host;
      const secure = tls.some((t) => !t.hosts || t.hosts.includes(host));
      for (const path of rule.http?.paths ?? []) {
        const service = path.backend.service?.name;
        if (!service) continue;
        routes.push({
          base: `${secure ? 'https' : 'http'}://${host}`,
          secure,
          host,
          path: path.path ?? '/',
          service,
        });
      }
    }
  }

  const lines: [string, string][] = [];
  const portForward = (service: string, port: number) =>
    `kubectl -n ${namespace} port-forward svc/${service} ${port}, then http://localhost:${port}`;
  const web = routes
    .filter((r) => !isRealtime(r.service))
    .sort((a, b) => a.path.length - b.path.length)[0];
  if (web) {
    lines.push(
      ['App', `${web.base}/`],
      ['Teacher', `${web.base}/teacher`],
      ['Students', `${web.base}/join`],
    );
  } else {
    const service = services.find((s) => s.metadata.name.includes('web'));
    const port = service?.spec?.ports?.[0]?.port;
    lines.push([
      'App',
      service && port
        ? `no Ingress route; ${portForward(service.metadata.name, port)}`
        : 'no Ingress route found',
    ]);
  }
  const realtime = routes.find((r) => isRealtime(r.service));
  if (realtime) {
    const path = realtime.path.endsWith('/') ? realtime.path : `${realtime.path}/`;
    lines.push(['Realtime', `${realtime.secure ? 'wss' : 'ws'}://${realtime.host}${path}`]);
  } else {
    const service = services.find((s) => isRealtime(s.metadata.name));
    const port = service?.spec?.ports?.[0]?.port;
    if (service && port)
      lines.push(['Realtime', `no Ingress route; ${portForward(service.metadata.name, port)}`]);
  }

  const operatorSkipped = options.skipped.some((o) =>
    o.apiVersion.startsWith('monitoring.coreos.com/'),
  );
  if (monitoring.some((o) => o.kind === 'Prometheus'))
    lines.push(['Prometheus', portForward('prometheus-operated', 9090)]);
  else if (operatorSkipped)
    lines.push(['Prometheus', 'not deployed (the Prometheus Operator is not installed)']);
  if (monitoring.some((o) => o.kind === 'Alertmanager'))
    lines.push(['Alertmanager', portForward('alertmanager-operated', 9093)]);

  const addresses = ingresses.flatMap((i) =>
    (i.status?.loadBalancer?.ingress ?? [])
      .map((a) => a.ip ?? a.hostname)
      .filter((a) => a !== undefined),
  );
  const hosts = [...new Set(routes.map((r) => r.host))];
  if (ingresses.length > 0)
    lines.push([
      'Ingress address',
      addresses.length > 0
        ? `${[...new Set(addresses)].join(', ')} (DNS for ${hosts.join(', ')} must point there)`
        : `none yet; \`kubectl -n ${namespace} get ingress\` shows it once the ingress controller assigns one`,
    ]);
  return lines;
}

export function formatUrls(lines: readonly [string, string][]): string[] {
  const width = Math.max(0, ...lines.map(([label]) => label.length)) + 1;
  return lines.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)}${value}`);
}
