import type { SignInFailure } from './oidc-flow.ts';
import type { StudentSignInFailure } from '../student-sign-in.ts';

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

/** What a session's page tells a student whose school sign-in did not get them in. */
const STUDENT_SIGN_IN_ERRORS: Record<StudentSignInFailure, string> = {
  ...SIGN_IN_ERRORS,
  not_configured: 'School sign-in is not set up here. Ask your teacher.',
  domain_not_allowed:
    'This class is for students of its school: your account’s email domain is not allowed.',
  identity_conflict: 'Your school account could not be matched. Ask your teacher.',
  account_disabled: 'Your school account cannot sign in here. Ask your teacher.',
  session_not_found: 'No live session has this code. Check the code on your teacher’s screen.',
  session_ended: 'The session has ended.',
  late_join_denied: 'The session has started and does not accept late joins.',
  student_removed: 'The teacher removed you from this session.',
  join_refused: 'The session did not let you join. Ask your teacher.',
  unavailable: 'The live session could not be reached. Try again in a moment.',
};

export function studentSignInErrorMessage(code: string | undefined): string | null {
  return code && code in STUDENT_SIGN_IN_ERRORS
    ? STUDENT_SIGN_IN_ERRORS[code as StudentSignInFailure]
    : null;
}
