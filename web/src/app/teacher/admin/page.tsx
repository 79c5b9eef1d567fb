import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AccessAuditLog } from '../../../components/admin/AccessAuditLog.tsx';
import { AdminPanel } from '../../../components/admin/AdminPanel.tsx';
import { RetentionSettings } from '../../../components/admin/RetentionSettings.tsx';
import { SiteFooter } from '../../../components/SiteFooter.tsx';
import { LocaleProvider } from '../../../i18n/LocaleProvider.tsx';
import { PRIVACY_FORM_NAMESPACES } from '../../../i18n/namespaces.ts';
import { accessAuditPage, parseAccessAuditQuery } from '../../../server/access-audit-view.ts';
import { accountsOverview } from '../../../server/accounts/admin.ts';
import { currentAccount } from '../../../server/accounts/current-account.ts';
import { RETENTION_LIMITS } from '../../../server/data/retention-repository.ts';
import { retentionPolicy } from '../../../server/retention.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teacher');
  return { title: t('admin.title') };
}
export const dynamic = 'force-dynamic';

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const account = await currentAccount();
  if (!account) redirect('/teacher/login?next=/teacher/admin');
  if (account.role !== 'admin') notFound();
  const query = parseAccessAuditQuery(await searchParams);
  const privacy = await getTranslations('privacy');
  const [overview, policy, audit] = await Promise.all([
    accountsOverview(),
    retentionPolicy(),
    accessAuditPage(query),
  ]);
  return (
    <>
      <AdminPanel overview={overview} selfId={account.id}>
        <LocaleProvider namespaces={PRIVACY_FORM_NAMESPACES}>
          <RetentionSettings
            retentionDays={policy.retentionDays}
            maxKeepDays={policy.maxKeepDays}
            limits={RETENTION_LIMITS}
          />
        </LocaleProvider>
        <section aria-labelledby="student-requests-heading">
          <h2 id="student-requests-heading">{privacy('students.heading')}</h2>
          <p>{privacy('students.intro')}</p>
          <p>
            <Link href="/teacher/admin/students">{privacy('students.adminLink')}</Link>
          </p>
        </section>
        <AccessAuditLog
          query={query}
          page={audit}
          teachers={overview.accounts.map(({ id, name }) => ({ id, name }))}
        />
      </AdminPanel>
      <SiteFooter />
    </>
  );
}
