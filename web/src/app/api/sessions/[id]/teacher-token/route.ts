import { headers } from 'next/headers';
import { apiError, json } from '../../../../../server/api-response.ts';
import { realtimeUrlFor, webConfig } from '../../../../../server/config.ts';
import { requireTeacher } from '../../../../../server/require-teacher.ts';
import { getSession, teacherTokenFor } from '../../../../../server/sessions.ts';

/** What the dashboard needs to connect: a fresh teacher token and where the realtime tier is. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const session = getSession(auth.teacherId, (await params).id);
  if (!session) return apiError(404, 'not_found', 'This session does not exist.');
  return json({
    ok: true,
    token: await teacherTokenFor(auth.teacherId, session.id),
    realtimeUrl: realtimeUrlFor(webConfig(), (await headers()).get('host')),
    joinCode: session.joinCode,
  });
}
