import { dueAtSchema } from '@classpulse/realtime/protocol';
import { z } from 'zod';
import { apiError, json } from '../../../../../server/api-response.ts';
import { readJsonBody } from '../../../../../server/request-body.ts';
import { requireTeacher } from '../../../../../server/require-teacher.ts';
import { rememberDueAt } from '../../../../../server/sessions.ts';

const bodySchema = z.object({ dueAt: z.nullable(dueAtSchema) });

/**
 * The dashboard changed or cleared a homework's due time (a teacher command through the engine,
 * which enforces it); this records it so the teacher's library says "Due …" or "Final" rightly.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  if (!(await rememberDueAt(auth.teacherId, (await params).id, body.data.dueAt)))
    return apiError(404, 'not_found', 'This session does not exist.');
  return json({ ok: true });
}
