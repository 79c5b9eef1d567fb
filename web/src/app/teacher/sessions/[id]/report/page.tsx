import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { SessionReport } from '../../../../../components/teacher/SessionReport.tsx';
import { currentTeacherId } from '../../../../../server/accounts/current-account.ts';
import { auditTrail } from '../../../../../server/audit-trail.ts';
import {
  loadSessionState,
  reportRows,
  studentEmails,
} from '../../../../../server/session-report.ts';
import { getSession } from '../../../../../server/sessions.ts';

export const metadata: Metadata = { title: 'Session report' };
export const dynamic = 'force-dynamic';

export default async function SessionReportPage({ params }: { params: Promise<{ id: string }> }) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const { id } = await params;
  const loaded = await loadSessionState(teacherId, id);
  if (!loaded.ok) {
    if (loaded.status === 404) notFound();
    return (
      <main className="page">
        <h1>Session report</h1>
        <p role="alert">{loaded.message}</p>
      </main>
    );
  }
  const session = await getSession(teacherId, id);
  return (
    <SessionReport
      sessionId={id}
      state={loaded.state}
      rows={reportRows(loaded.state, await studentEmails(id))}
      audit={await auditTrail(loaded.state)}
      canDelete={session?.role === 'owner'}
    />
  );
}
