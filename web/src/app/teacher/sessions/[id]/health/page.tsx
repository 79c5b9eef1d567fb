import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { SessionHealth } from '../../../../../components/teacher/SessionHealth.tsx';
import { currentTeacherId } from '../../../../../server/accounts/current-account.ts';
import { loadSessionHealth } from '../../../../../server/session-health.ts';

export const metadata: Metadata = { title: 'Session health' };
export const dynamic = 'force-dynamic';

export default async function SessionHealthPage({ params }: { params: Promise<{ id: string }> }) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const { id } = await params;
  const loaded = await loadSessionHealth(teacherId, id);
  if (!loaded.ok) {
    if (loaded.status === 404) notFound();
    return (
      <main className="page">
        <h1>Session health</h1>
        <p role="alert">{loaded.message}</p>
      </main>
    );
  }
  return <SessionHealth sessionId={id} report={loaded.report} />;
}
