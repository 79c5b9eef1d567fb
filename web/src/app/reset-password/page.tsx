import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LinkAccountForm } from '../../components/accounts/LinkAccountForm.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('resetPassword.title') };
}

export default async function ResetPasswordPage() {
  const t = await getTranslations('accounts');
  return (
    <main className="page page-narrow">
      <h1>{t('resetPassword.title')}</h1>
      <p>{t('resetPassword.intro')}</p>
      <LinkAccountForm purpose="password-reset" />
    </main>
  );
}
