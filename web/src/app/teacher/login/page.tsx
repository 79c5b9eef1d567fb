import type { Metadata } from 'next';
import { LoginForm } from '../../../components/accounts/LoginForm.tsx';
import { safeNext } from '../../../server/accounts/oidc-flow.ts';
import { signInErrorMessage } from '../../../server/accounts/sign-in-errors.ts';
import { webConfig } from '../../../server/config.ts';
import { legacyTeacherSecretExists } from '../../../server/legacy-secret.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

export const metadata: Metadata = { title: 'Teacher sign-in' };
export const dynamic = 'force-dynamic';

export default async function TeacherLoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; next?: string }>;
}) {
  const { error, next } = await searchParams;
  const config = webConfig();
  const problem = signInErrorMessage(error);
  return (
    <main className="page page-narrow">
      <h1>Teacher sign-in</h1>
      <ErrorAlert message={problem} />
      {legacyTeacherSecretExists(config.dataDir) ? (
        <p className="notice">
          The teacher secret no longer signs in: every teacher now has an account. The owner creates
          theirs with the setup link <code>npm start</code> prints, and invites the others.
        </p>
      ) : null}
      {config.oidc ? (
        <p>
          <a
            className="button"
            href={`/api/auth/oidc/start?next=${encodeURIComponent(safeNext(next))}`}
          >
            Sign in with {config.oidc.providerName}
          </a>
        </p>
      ) : null}
      {config.oidc ? <h2>Or with a Classpulse password</h2> : null}
      <LoginForm />
    </main>
  );
}
