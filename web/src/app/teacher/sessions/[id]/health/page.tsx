import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { SessionHealth } from '../../../../../components/teacher/SessionHealth.tsx';
import { currentTeacherId } from '../../../../../server/accounts/current-account.ts';
import { auditAccess } from '../../../../../server/access-audit.ts';
import { noteSessionState } from '../../../../../server/retention.ts';
import { loadSessionHealth } from '../../../../../server/session-health.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports.health'))('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function SessionHealthPage({ params }: { params: Promise<{ id: string }> }) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const { id } = await params;
  const loaded = await loadSessionHealth(teacherId, id);
  if (!loaded.ok) {
    if (loaded.status === 404) notFound();
    // The service's own message is English for the logs; the page says it in the reader's words.
    const t = await getTranslations('reports.health');
    return (
      <main className="page">
        <h1>{t('metaTitle')}</h1>
        <p role="alert">{t('loadFailed')}</p>
      </main>
    );
  }
  await auditAccess(teacherId, 'health.view', id);
  await noteSessionState(id, loaded.report);
  return <SessionHealth sessionId={id} report={loaded.report} />;
}
