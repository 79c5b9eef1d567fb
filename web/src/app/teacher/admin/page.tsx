import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { AdminPanel } from '../../../components/admin/AdminPanel.tsx';
import { accountsOverview } from '../../../server/accounts/admin.ts';
import { currentAccount } from '../../../server/accounts/current-account.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teacher');
  return { title: t('admin.title') };
}
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const account = await currentAccount();
  if (!account) redirect('/teacher/login?next=/teacher/admin');
  if (account.role !== 'admin') notFound();
  return <AdminPanel overview={await accountsOverview()} selfId={account.id} />;
}
