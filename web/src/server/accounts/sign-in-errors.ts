import type { SignInFailure } from './oidc-flow.ts';

/** What the sign-in page says when school sign-in sent the browser back refused. */
export const SIGN_IN_ERRORS: Record<SignInFailure, string> = {
  not_configured: 'School sign-in is not set up here. Sign in with your email and password.',
  provider_unreachable: 'Your school’s sign-in service did not answer. Try again in a moment.',
  flow_expired: 'That sign-in took too long or came from another tab. Start again.',
  rejected: 'Your school’s sign-in could not be verified. Start again.',
  no_email: 'Your school account has no email address, so Classpulse cannot tell who you are.',
  email_unverified: 'Your school account’s email address is not verified.',
  domain_not_allowed:
    'This Classpulse is for teachers of its district: your account’s email domain is not allowed.',
  identity_conflict:
    'Another school account is already linked to this email address. Ask your Classpulse admin.',
  account_disabled: 'This account is disabled. Ask your Classpulse admin.',
};

export function signInErrorMessage(code: string | undefined): string | null {
  return code && code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInFailure] : null;
}
