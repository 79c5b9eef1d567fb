import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import { processSingleton } from '../process-singleton.ts';

/** Plain HTTP is only ever allowed to an issuer on this machine (tests, a local provider). */
function loopback(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/**
 * The issuer's metadata and this client, discovered once per process (openid-client). A failed
 * discovery (the provider unreachable) is retried by the next sign-in.
 */
export function oidcClient(config: OidcConfig): Promise<client.Configuration> {
  const holder = processSingleton('oidc-client', () => ({
    pending: undefined as Promise<client.Configuration> | undefined,
  }));
  holder.pending ??= discover(config).catch((error: unknown) => {
    holder.pending = undefined;
    throw error;
  });
  return holder.pending;
}

function discover(config: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  return client.discovery(
    issuer,
    config.clientId,
    config.clientSecret,
    config.clientSecret ? undefined : client.None(),
    {
      timeout: 10,
      ...(issuer.protocol === 'http:' && loopback(issuer)
        ? { execute: [client.allowInsecureRequests] }
        : {}),
    },
  );
}
