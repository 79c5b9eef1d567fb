import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import adminStyles from '../../../../../components/admin/admin.module.css';
import { StudentExportView } from '../../../../../components/admin/students/StudentExportView.tsx';
import styles from '../../../../../components/admin/students/students.module.css';
import { exportStudents } from '../../../../../server/student-requests-export.ts';
import { openStudentRequestPage } from '../../../../../server/student-requests-route.ts';
import { refText } from '../../../../../server/student-requests.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy.students');
  return { title: t('exportHeading') };
}
export const dynamic = 'force-dynamic';

/** The chosen student's export as a readable, printable page, with its JSON to download. */
export default async function StudentExportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { admin, refs, limited } = await openStudentRequestPage(searchParams);
  const t = await getTranslations('privacy.students');
  const result = limited ? null : await exportStudents(admin.id, refs);
  const download = new URLSearchParams(refs.map((r) => ['s', refText(r)]));
  return (
    <main className="page">
      <header className={adminStyles.header}>
        <h1>{t('exportHeading')}</h1>
        <Link href="/teacher/admin/students" className={styles.noPrint}>
          {t('backToSearch')}
        </Link>
      </header>
      <p>{t('exportIntro')}</p>
      <p className={styles.noPrint}>
        <a href={`/api/admin/students/export?${download.toString()}`} download>
          {t('downloadJson')}
        </a>
      </p>
      {result ? <StudentExportView result={result} /> : <p role="alert">{t('rateLimited')}</p>}
    </main>
  );
}
