import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import adminStyles from '../../../../components/admin/admin.module.css';
import { FoundStudents } from '../../../../components/admin/students/FoundStudents.tsx';
import { StudentSearch } from '../../../../components/admin/students/StudentSearch.tsx';
import { SiteFooter } from '../../../../components/SiteFooter.tsx';
import { accountsOverview } from '../../../../server/accounts/admin.ts';
import { adminForPage } from '../../../../server/student-requests-route.ts';
import {
  findStudents,
  parseFindQuery,
  takeStudentRequest,
  type FindResult,
} from '../../../../server/student-requests.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy.students');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

const count = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
};

/** An admin answers a parent's request: find the student, then export or erase. */
export default async function StudentRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await adminForPage('/teacher/admin/students');
  const params = await searchParams;
  const t = await getTranslations('privacy.students');
  const { query, invalid } = parseFindQuery(params);
  const limited = query !== null && takeStudentRequest(admin.id) > 0;
  const [overview, found] = await Promise.all([
    accountsOverview(),
    query && !limited ? findStudents(query) : Promise.resolve<FindResult | null>(null),
  ]);
  const erased = count(params.erased);
  const failed = params.failed === undefined ? 0 : [params.failed].flat().length;
  return (
    <>
      <main className="page">
        <header className={adminStyles.header}>
          <h1>{t('heading')}</h1>
          <Link href="/teacher/admin">{t('back')}</Link>
        </header>
        <p>{t('intro')}</p>
        {erased !== null ? <p role="status">{t('erased', { count: erased })}</p> : null}
        {failed > 0 ? <p role="alert">{t('eraseFailed', { count: failed })}</p> : null}
        {params.none !== undefined ? <p role="alert">{t('noneChosen')}</p> : null}
        {invalid ? <p role="alert">{t('invalid')}</p> : null}
        {limited ? <p role="alert">{t('rateLimited')}</p> : null}
        <StudentSearch
          query={query}
          teachers={overview.accounts.map(({ id, name }) => ({ id, name }))}
        />
        {found ? <FoundStudents found={found} /> : null}
      </main>
      <SiteFooter />
    </>
  );
}
