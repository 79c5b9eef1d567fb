import type { Server as HttpServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import type { Page } from 'playwright-core';
import { closedPort } from './stack.ts';

/**
 * A real OpenID provider on loopback (oidc-provider, a certified implementation) for school
 * sign-in tests. Its development login page accepts any login with any password: the login is
 * the account id, and `users` says which email and name that account's ID token carries.
 */
export interface TestUser {
  email: string;
  name: string;
  emailVerified?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Starts it with the web app's callback (known only once the web app runs). */
  listen(redirectUri: string): Promise<void>;
  stop(): Promise<void>;
}

export async function createOidcProvider(
  users: Record<string, TestUser>,
): Promise<TestOidcProvider> {
  // Its issuer URL must be known before the web app starts, and it listens only later.
  const port = await closedPort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'classpulse-test';
  const clientSecret = 'a-client-secret-only-this-test-knows';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' };
  let http: HttpServer | undefined;

  return {
    issuer,
    clientId,
    clientSecret,
    async listen(redirectUri) {
      const configuration: Configuration = {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
          },
        ],
        jwks: { keys: [jwk] },
        cookies: { keys: ['oidc-test-cookie-key-one'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        pkce: { required: () => true },
        // Explicit lifetimes (the defaults print a notice each).
        ttl: {
          AuthorizationCode: 60,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
          AccessToken: 600,
          IdToken: 600,
        },
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx, id) {
          const user = users[id];
          if (!user) return undefined;
          return {
            accountId: id,
            claims: () => ({
              sub: id,
              email: user.email,
              email_verified: user.emailVerified ?? true,
              name: user.name,
            }),
          };
        },
      };
      const provider = new Provider(issuer, configuration);
      const server = provider.listen(port, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      http = server;
    },
    async stop() {
      if (!http) return;
      http.closeAllConnections();
      await new Promise<void>((resolve) => http!.close(() => resolve()));
    },
  };
}

/**
 * The provider's development login and consent pages, as a person would use them; or nothing,
 * when the browser is already signed in there (single sign-on) and comes straight back to `appUrl`.
 */
export async function signInAtProvider(p: Page, login: string, appUrl: string): Promise<void> {
  const loginField = p.getByPlaceholder('Enter any login');
  const back = p
    .waitForURL((url) => url.href.startsWith(`${appUrl}/`), { timeout: 30_000 })
    .then(() => 'back' as const);
  const asked = loginField.waitFor({ timeout: 30_000 }).then(() => 'login' as const);
  if ((await Promise.race([back, asked])) === 'back') return;
  await loginField.fill(login);
  await p.getByPlaceholder('and password').fill('anything');
  await p.getByRole('button', { name: 'Sign-in' }).click();
  const consent = p.getByRole('button', { name: 'Continue' });
  // The provider asks for consent the first time a client wants these claims.
  if (await consent.isVisible({ timeout: 3_000 }).catch(() => false)) await consent.click();
}
