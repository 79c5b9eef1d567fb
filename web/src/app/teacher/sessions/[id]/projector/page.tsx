import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { Projector } from '../../../../../components/projector/Projector.tsx';
import { currentTeacherId } from '../../../../../server/accounts/current-account.ts';
import { webConfig } from '../../../../../server/config.ts';
import { pageMetricsSettings } from '../../../../../server/metrics-page-token.ts';
import { joinLink } from '../../../../../server/join-link.ts';
import { getSession } from '../../../../../server/sessions.ts';

export const metadata: Metadata = { title: 'Projector' };
export const dynamic = 'force-dynamic';

export default async function ProjectorPage({ params }: { params: Promise<{ id: string }> }) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const session = await getSession(teacherId, (await params).id);
  if (!session) notFound();
  const host = (await headers()).get('host');
  const link = await joinLink(host, session.joinCode);
  return (
    <Projector
      sessionId={session.id}
      joinCode={session.joinCode}
      joinHost={host ?? 'localhost:3000'}
      qrSvg={link.qrSvg}
      metrics={await pageMetricsSettings(webConfig())}
    />
  );
}
