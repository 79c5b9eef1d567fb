import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { Dashboard } from '../../../../components/teacher/Dashboard.tsx';
import { currentTeacherId } from '../../../../server/accounts/current-account.ts';
import { webConfig } from '../../../../server/config.ts';
import { pageMetricsSettings } from '../../../../server/metrics-page-token.ts';
import { joinLink } from '../../../../server/join-link.ts';
import { getSession } from '../../../../server/sessions.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.dashboard'))('metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function SessionDashboardPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const teacherId = await currentTeacherId();
  if (!teacherId) redirect('/teacher/login');
  const session = await getSession(teacherId, (await params).id);
  if (!session) notFound();
  const link = await joinLink((await headers()).get('host'), session.joinCode);
  const config = webConfig();
  return (
    <Dashboard
      sessionId={session.id}
      joinCode={session.joinCode}
      joinUrl={link.url}
      qrSvg={link.qrSvg}
      metrics={await pageMetricsSettings(config)}
      firebaseDefaults={
        config.firebase
          ? {
              studentTransport: config.defaultStudentTransport,
              darkLaunchShare: config.wsDarkLaunchShare,
            }
          : null
      }
    />
  );
}
