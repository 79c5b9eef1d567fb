import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { joinCodeSchema } from '@classpulse/realtime/protocol';
import { StudentApp } from '../../../components/student/StudentApp.tsx';
import { realtimeUrlFor, webConfig } from '../../../server/config.ts';

export const metadata: Metadata = { title: 'Session' };

export default async function StudentSessionPage({
  params,
}: {
  params: Promise<{ code: string }>;
}) {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const realtimeUrl = realtimeUrlFor(webConfig(), (await headers()).get('host'));
  return <StudentApp code={code.data} realtimeUrl={realtimeUrl} />;
}
