import { headers } from 'next/headers';
import { apiError, json } from '../../../../../server/api-response.ts';
import { realtimeUrlFor, webConfig } from '../../../../../server/config.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import { getSession, teacherTokenFor } from '../../../../../server/sessions.ts';

/** What the dashboard needs to connect: a fresh teacher token and where the realtime tier is. */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const session = await getSession(teacherId, sessionId);
  if (!session) return apiError(404, 'not_found', 'This session does not exist.');
  return json({
    ok: true,
    token: await teacherTokenFor(teacherId, session.id),
    realtimeUrl: realtimeUrlFor(webConfig(), (await headers()).get('host')),
    joinCode: session.joinCode,
  });
});
