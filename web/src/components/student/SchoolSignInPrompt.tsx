import { ErrorAlert } from '../ErrorAlert.tsx';

/** How a session whose students sign in is joined: the school's sign-in, not a typed name. */
export interface SchoolSignIn {
  /** Starts the school sign-in for this session's code. */
  href: string;
  providerName: string;
  /** Why the last sign-in did not get the student in, if it did not. */
  error: string | null;
}

/**
 * A plain link, so it works before the page is interactive and without JavaScript; the name
 * comes from the school account, so there is nothing to type.
 */
export function SchoolSignInPrompt({ code, signIn }: { code: string; signIn: SchoolSignIn }) {
  return (
    <div className="card">
      <ErrorAlert message={signIn.error} />
      <p>
        Joining session <strong>{code}</strong>. Your teacher asks you to sign in with your school
        account: your name comes from it, and you can come back on another device.
      </p>
      <a className="button" href={signIn.href}>
        Sign in with {signIn.providerName}
      </a>
    </div>
  );
}
