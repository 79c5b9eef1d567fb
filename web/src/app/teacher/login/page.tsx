import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '../../../components/accounts/LoginForm.tsx';
import { safeNext } from '../../../server/accounts/oidc-flow.ts';
import { SIGN_IN_ERRORS } from '../../../server/accounts/sign-in-errors.ts';
import type { SignInFailure } from '../../../server/accounts/oidc-flow.ts';
import { webConfig } from '../../../server/config.ts';
import { legacyTeacherSecretExists } from '../../../server/legacy-secret.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('login.title') };
}
export const dynamic = 'force-dynamic';

const isSignInFailure = (code: string | undefined): code is SignInFailure =>
  code !== undefined && Object.hasOwn(SIGN_IN_ERRORS, code);

export default async function TeacherLoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; next?: string }>;
}) {
  const { error, next } = await searchParams;
  const t = await getTranslations('accounts');
  const config = webConfig();
  const problem = isSignInFailure(error) ? t(`signInErrors.${error}`) : null;
  return (
    <main className="page page-narrow">
      <h1>{t('login.title')}</h1>
      <ErrorAlert message={problem} />
      {legacyTeacherSecretExists(config.dataDir) ? (
        <p className="notice">
          {t.rich('login.secretRetired', {
            code: (chunks) => <code translate="no">{chunks}</code>,
          })}
        </p>
      ) : null}
      {config.oidc ? (
        <p>
          <a
            className="button"
            href={`/api/auth/oidc/start?next=${encodeURIComponent(safeNext(next))}`}
          >
            {t('login.school', { provider: config.oidc.providerName })}
          </a>
        </p>
      ) : null}
      {config.oidc ? <h2>{t('login.orPassword')}</h2> : null}
      <LoginForm />
    </main>
  );
}
