import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LinkAccountForm } from '../../components/accounts/LinkAccountForm.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('setup.title') };
}

export default async function SetupPage() {
  const t = await getTranslations('accounts');
  return (
    <main className="page page-narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <LinkAccountForm purpose="setup" />
    </main>
  );
}
