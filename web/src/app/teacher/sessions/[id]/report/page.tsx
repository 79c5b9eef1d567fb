import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { SiteFooter } from '../../../../../components/SiteFooter.tsx';
import { KeepUntilForm } from '../../../../../components/teacher/KeepUntilForm.tsx';
import { LocaleProvider } from '../../../../../i18n/LocaleProvider.tsx';
import { PRIVACY_FORM_NAMESPACES } from '../../../../../i18n/namespaces.ts';
import { SessionReport } from '../../../../../components/teacher/SessionReport.tsx';
import { currentTeacherId } from '../../../../../server/accounts/current-account.ts';
import { openAnswersStream } from '../../../../../server/answers-stream.ts';
import { auditAccess } from '../../../../../server/access-audit.ts';
import { auditTrail } from '../../../../../server/audit-trail.ts';
import { readReport, studentEmails } from '../../../../../server/session-report.ts';
import { getSession } from '../../../../../server/sessions.ts';
import {
  noteSessionState,
  retentionPolicy,
  sessionRetention,
} from '../../../../../server/retention.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports.report'))('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function SessionReportPage({ params }: { params: Promise<{ id: string }> }) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const { id } = await params;
  const opened = await openAnswersStream(teacherId, id);
  if (!opened.ok) {
    if (opened.status === 404) notFound();
    // The service's own message is English for the logs; the page says it in the reader's words.
    const t = await getTranslations('reports.report');
    return (
      <main className="page">
        <h1>{t('metaTitle')}</h1>
        <p role="alert">{t('loadFailed')}</p>
      </main>
    );
  }
  await auditAccess(teacherId, 'report.view', id);
  await noteSessionState(id, opened.state);
  const { rows, footer, slides, answers } = await readReport(opened, await studentEmails(id));
  const session = await getSession(teacherId, id);
  const owner = session?.role === 'owner';
  const [policy, retention] = owner
    ? await Promise.all([retentionPolicy(), sessionRetention(id)])
    : [null, null];
  return (
    <>
      <SessionReport
        sessionId={id}
        state={opened.state}
        rows={rows}
        answers={answers}
        footer={footer}
        slides={slides}
        audit={await auditTrail(opened.state)}
        canDelete={owner}
      >
        {policy && retention ? (
          <LocaleProvider namespaces={PRIVACY_FORM_NAMESPACES}>
            <KeepUntilForm
              sessionId={id}
              retentionDays={policy.retentionDays}
              keepUntil={retention.keepUntil}
            />
          </LocaleProvider>
        ) : null}
      </SessionReport>
      <SiteFooter />
    </>
  );
}
