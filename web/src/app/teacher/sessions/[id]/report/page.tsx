import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { SessionReport } from '../../../../../components/teacher/SessionReport.tsx';
import { currentTeacherId } from '../../../../../server/accounts/current-account.ts';
import { openAnswersStream } from '../../../../../server/answers-stream.ts';
import { auditTrail } from '../../../../../server/audit-trail.ts';
import { readReport, studentEmails } from '../../../../../server/session-report.ts';
import { getSession } from '../../../../../server/sessions.ts';

export const metadata: Metadata = { title: 'Session report' };
export const dynamic = 'force-dynamic';

export default async function SessionReportPage({ params }: { params: Promise<{ id: string }> }) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const { id } = await params;
  const opened = await openAnswersStream(teacherId, id);
  if (!opened.ok) {
    if (opened.status === 404) notFound();
    return (
      <main className="page">
        <h1>Session report</h1>
        <p role="alert">{opened.message}</p>
      </main>
    );
  }
  const { rows, footer, slides } = await readReport(opened, await studentEmails(id));
  const session = await getSession(teacherId, id);
  return (
    <SessionReport
      sessionId={id}
      state={opened.state}
      rows={rows}
      footer={footer}
      slides={slides}
      audit={await auditTrail(opened.state)}
      canDelete={session?.role === 'owner'}
    />
  );
}
