import type { Metadata } from 'next';
import { LoginForm } from '../../../components/accounts/LoginForm.tsx';
import { webConfig } from '../../../server/config.ts';
import { legacyTeacherSecretExists } from '../../../server/legacy-secret.ts';

export const metadata: Metadata = { title: 'Teacher sign-in' };
export const dynamic = 'force-dynamic';

export default function TeacherLoginPage() {
  return (
    <main className="page page-narrow">
      <h1>Teacher sign-in</h1>
      {legacyTeacherSecretExists(webConfig().dataDir) ? (
        <p className="notice">
          The teacher secret no longer signs in: every teacher now has an account. The owner creates
          theirs with the setup link <code>npm start</code> prints, and invites the others.
        </p>
      ) : null}
      <LoginForm />
    </main>
  );
}
