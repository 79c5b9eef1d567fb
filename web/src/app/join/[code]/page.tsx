import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { joinCodeSchema } from '@classpulse/realtime/protocol';
import { StudentApp } from '../../../components/student/StudentApp.tsx';
import type { SessionConnection } from '../../../lib/student-connection.ts';
import { realtimeUrlFor, webConfig } from '../../../server/config.ts';
import { transportForJoinCode } from '../../../server/sessions.ts';

export const metadata: Metadata = { title: 'Session' };

export default async function StudentSessionPage({
  params,
}: {
  params: Promise<{ code: string }>;
}) {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const config = webConfig();
  const realtimeUrl = realtimeUrlFor(config, (await headers()).get('host'));
  const connection: SessionConnection = config.firebaseWeb
    ? {
        transport: await transportForJoinCode(code.data),
        realtimeUrl,
        joinUrl: '/api/join',
        firebase: config.firebaseWeb,
        darkLaunchShare: config.wsDarkLaunchShare,
      }
    : { transport: 'socket', realtimeUrl };
  return <StudentApp code={code.data} connection={connection} metrics={config.metrics} />;
}
