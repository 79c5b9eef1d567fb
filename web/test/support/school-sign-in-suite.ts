import { after } from 'node:test';
import { chromiumSuite, type ChromiumSuite } from './chromium-suite.ts';
import { createOidcProvider, type TestOidcProvider, type TestUser } from './oidc-provider.ts';
import { startStack } from './stack.ts';

/**
 * A Chromium suite on a stack whose school sign-in is a real OpenID provider on loopback:
 * "Test District", teachers of district.test, unless `env` says otherwise. Call it inside a
 * `describe`: it stops the provider after the suite.
 */
export function schoolSignInSuite(
  users: Record<string, TestUser>,
  env: Record<string, string> = {},
): ChromiumSuite {
  let provider: TestOidcProvider | undefined;
  const suite = chromiumSuite(async () => {
    provider = await createOidcProvider(users);
    const stack = await startStack({
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ALLOWED_EMAIL_DOMAINS: 'district.test',
      OIDC_PROVIDER_NAME: 'Test District',
      ...env,
    });
    await provider.listen(`${stack.webUrl}/api/auth/oidc/callback`);
    return stack;
  });
  after(async () => {
    await provider?.stop();
  });
  return suite;
}
