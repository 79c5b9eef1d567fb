import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LinkAccountForm } from '../../components/accounts/LinkAccountForm.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('invitation.title') };
}

export default async function InvitationPage() {
  const t = await getTranslations('accounts');
  return (
    <main className="page page-narrow">
      <h1>{t('invitation.title')}</h1>
      <LinkAccountForm purpose="invitation" />
    </main>
  );
}
