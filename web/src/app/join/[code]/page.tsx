import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { joinCodeSchema } from '@classpulse/realtime/protocol';
import { StudentApp, type SchoolSignIn } from '../../../components/student/StudentApp.tsx';
// The answer form's and slide image's styles are in the page's own stylesheets, not the lazily
// loaded view's: a returning student's kept view (kept-paint-mark.ts) paints with the first frame
// instead of after a stylesheet request. A server component's import: no class map in the JS.
import '../../../components/answer/answer.module.css';
import '../../../components/slide/slide-image.module.css';
import { keptPaintScript } from '../../../components/student/kept-paint-script.ts';
import { returningStudentScript } from '../../../components/student/returning-student-script.ts';
import { TRANSPORT_ATTRIBUTE } from '../../../components/student/returning-student-mark.ts';
import { schoolSignInHref } from '../../../lib/signed-in-handoff.ts';
import type { SessionConnection } from '../../../lib/student-connection.ts';
import { realtimeUrlFor, webConfig } from '../../../server/config.ts';
import { pageMetricsSettings } from '../../../server/metrics-page-token.ts';
import { joinOptionsForCode } from '../../../server/sessions.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('student.app'))('pageTitle') };
}

export default async function StudentSessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ sign_in_error?: string }>;
}) {
  const code = joinCodeSchema.safeParse((await params).code);
  if (!code.success) notFound();
  const t = await getTranslations('student.signInErrors');
  // Why the school sign-in sent the student back, in their language (unknown codes: nothing).
  const failure = (await searchParams).sign_in_error;
  const signInError =
    failure && t.has(failure as Parameters<typeof t>[0])
      ? t(failure as Parameters<typeof t>[0])
      : null;
  const config = webConfig();
  const requestHeaders = await headers();
  const realtimeUrl = realtimeUrlFor(config, requestHeaders.get('host'));
  const options = await joinOptionsForCode(code.data);
  const nonce = requestHeaders.get('x-nonce') ?? undefined;
  const connection: SessionConnection = config.firebaseWeb
    ? {
        transport: options.transport,
        realtimeUrl,
        joinUrl: '/api/join',
        firebase: config.firebaseWeb,
        darkLaunchShare: config.wsDarkLaunchShare,
      }
    : { transport: 'socket', realtimeUrl };
  // Sessions whose students sign in offer the school's sign-in instead of a name.
  const signIn: SchoolSignIn | null =
    options.studentSignIn && config.oidc
      ? {
          href: schoolSignInHref(code.data),
          providerName: config.oidc.providerName,
          error: signInError,
        }
      : null;
  return (
    <>
      {/* Before the page's content: a returning student never sees the name form. */}
      <script
        nonce={nonce}
        {...{ [TRANSPORT_ATTRIBUTE]: connection.transport }}
        dangerouslySetInnerHTML={{ __html: returningStudentScript }}
      />
      <StudentApp
        code={code.data}
        connection={connection}
        metrics={await pageMetricsSettings(config)}
        signIn={signIn}
      />
      {/* After it: a returning student's last view paints before the page's scripts run. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: keptPaintScript }} />
    </>
  );
}
