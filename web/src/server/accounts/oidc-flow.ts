import { jwtVerify, SignJWT } from 'jose';
import * as client from 'openid-client';
import { z } from 'zod';
import { joinCodeSchema } from '@classpulse/realtime/protocol';
import { webConfig } from '../config.ts';
import { requestOrigin } from '../request-origin.ts';
import { oidcClient } from './oidc-client.ts';
import { accountForSchoolIdentity, type SchoolIdentity } from './school-accounts.ts';
import type { Account } from '../data/account-repository.ts';
import { cookieAttributes, derivedKey } from './session-cookie.ts';

/**
 * School sign-in with the authorization code flow (openid-client): PKCE (S256), `state` and
 * `nonce`, all checked by the library when the provider sends the browser back. What the
 * callback needs to check them travels in a short-lived signed cookie scoped to these routes.
 */
export const FLOW_COOKIE = 'cp_oidc';
const FLOW_PATH = '/api/auth/oidc';
const FLOW_SECONDS = 600;
export const CALLBACK_PATH = `${FLOW_PATH}/callback`;

/**
 * Who is signing in and where they go afterwards: a teacher (to a page of the app) or a student
 * (into the session with this join code; no account is made).
 */
const purposeSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('teacher'), next: z.string() }),
  z.object({ role: z.literal('student'), code: joinCodeSchema }),
]);
export type SignInPurpose = z.output<typeof purposeSchema>;

const flowSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  purpose: purposeSchema,
  redirectUri: z.url(),
});
type Flow = z.output<typeof flowSchema>;

const flowKey = () => derivedKey('oidc-flow');

/** A same-site path to return to after sign-in, or the library. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next.slice(0, 500)
    : '/teacher';
}

export type SignInFailure =
  | 'not_configured'
  | 'provider_unreachable'
  | 'flow_expired'
  | 'rejected'
  | 'no_email'
  | 'email_unverified'
  | 'domain_not_allowed'
  | 'identity_conflict'
  | 'account_disabled';

/** Where to send the browser to sign in, and the cookie that remembers what to check. */
export async function startSchoolSignIn(
  request: Request,
  purpose: SignInPurpose,
): Promise<{ ok: true; location: string; cookie: string } | { ok: false; error: SignInFailure }> {
  const config = webConfig().oidc;
  if (!config) return { ok: false, error: 'not_configured' };
  let oidc: client.Configuration;
  try {
    oidc = await oidcClient(config);
  } catch {
    return { ok: false, error: 'provider_unreachable' };
  }
  const flow: Flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    purpose:
      purpose.role === 'teacher' ? { role: 'teacher', next: safeNext(purpose.next) } : purpose,
    redirectUri: `${requestOrigin(request)}${CALLBACK_PATH}`,
  };
  const location = client.buildAuthorizationUrl(oidc, {
    redirect_uri: flow.redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  const value = await new SignJWT(flow)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(`${FLOW_SECONDS}s`)
    .sign(flowKey());
  return {
    ok: true,
    location: location.href,
    cookie: `${FLOW_COOKIE}=${value}; ${cookieAttributes(request, FLOW_SECONDS, FLOW_PATH)}`,
  };
}

export function clearedFlowCookie(request: Request): string {
  return `${FLOW_COOKIE}=; ${cookieAttributes(request, 0, FLOW_PATH)}`;
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

async function readFlow(request: Request): Promise<Flow | null> {
  const value = cookieValue(request, FLOW_COOKIE);
  if (!value) return null;
  try {
    const { payload } = await jwtVerify(value, flowKey(), { algorithms: ['HS256'] });
    const flow = flowSchema.safeParse(payload);
    return flow.success ? flow.data : null;
  } catch {
    return null;
  }
}

/** Who the provider says signed in: a verified address of the provider's subject. */
export type VerifiedIdentity = SchoolIdentity;

export type FinishedSignIn =
  | { ok: true; purpose: SignInPurpose; identity: VerifiedIdentity }
  | { ok: false; purpose: SignInPurpose | null; error: SignInFailure };

/**
 * The provider sent the browser back: exchange the code (PKCE), check state and nonce and the ID
 * token, and read who signed in. Any mismatch is a refusal. What the identity may do (a teacher
 * account, a student of a session) is the caller's to decide.
 */
export async function finishSchoolSignIn(request: Request): Promise<FinishedSignIn> {
  const config = webConfig().oidc;
  if (!config) return { ok: false, purpose: null, error: 'not_configured' };
  const flow = await readFlow(request);
  if (!flow) return { ok: false, purpose: null, error: 'flow_expired' };
  const refuse = (error: SignInFailure): FinishedSignIn => ({
    ok: false,
    purpose: flow.purpose,
    error,
  });
  let oidc: client.Configuration;
  try {
    oidc = await oidcClient(config);
  } catch {
    return refuse('provider_unreachable');
  }
  // The URL the provider redirected to, as the browser saw it (not as a proxy rewrote it).
  const currentUrl = new URL(flow.redirectUri);
  currentUrl.search = new URL(request.url).search;
  let claims: Claims;
  try {
    const tokens = await client.authorizationCodeGrant(oidc, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return refuse('rejected');
    claims = idToken;
    // Providers that keep profile claims out of the ID token serve them from userinfo, for the
    // same subject (checked by openid-client).
    if (typeof claims.email !== 'string')
      claims = {
        ...(await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)),
        iss: idToken.iss,
        sub: idToken.sub,
      };
  } catch {
    return refuse('rejected');
  }
  const identity = identityFromClaims(claims);
  return 'error' in identity
    ? refuse(identity.error)
    : { ok: true, purpose: flow.purpose, identity };
}

/** What the identity is found by: the issuer and subject, and the profile's address and name. */
type Claims = { iss: string; sub: string } & Record<string, unknown>;

function identityFromClaims(claims: Claims): VerifiedIdentity | { error: SignInFailure } {
  const email = typeof claims.email === 'string' ? claims.email : '';
  if (!email || !email.includes('@')) return { error: 'no_email' };
  if (claims.email_verified === false) return { error: 'email_unverified' };
  const name =
    (typeof claims.name === 'string' && claims.name.trim().slice(0, 100)) || email.split('@')[0]!;
  return { issuer: claims.iss, subject: claims.sub, email, name };
}

/** The teacher account a school sign-in belongs to (allowed domains only), or why not. */
export async function teacherAccountFor(
  identity: VerifiedIdentity,
): Promise<{ ok: true; account: Account } | { ok: false; error: SignInFailure }> {
  const config = webConfig().oidc;
  if (!config) return { ok: false, error: 'not_configured' };
  return accountForSchoolIdentity(config, identity);
}
