import { studentTransportSchema } from '@classpulse/realtime/protocol';
import { readJsonBody } from '../../../../../server/request-body.ts';
import { z } from 'zod';
import { apiError, json } from '../../../../../server/api-response.ts';
import { requireTeacher } from '../../../../../server/require-teacher.ts';
import { rememberStudentTransport } from '../../../../../server/sessions.ts';

const bodySchema = z.object({ transport: studentTransportSchema });

/**
 * The dashboard switched the session's students (a teacher command through the engine, which
 * every client follows); this records it so student pages opened from now on start there.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  if (!(await rememberStudentTransport(auth.teacherId, (await params).id, body.data.transport)))
    return apiError(404, 'not_found', 'This session does not exist.');
  return json({ ok: true });
}
