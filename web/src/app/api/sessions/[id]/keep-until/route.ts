import { z } from 'zod';
import { apiError, json } from '../../../../../server/api-response.ts';
import { readJsonBody } from '../../../../../server/request-body.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import { changeKeepUntil } from '../../../../../server/retention.ts';

// The shape only; the bounds depend on the policy and the session (server/retention.ts).
const bodySchema = z.object({ keepUntil: z.nullable(z.number()) }).strict();

/** The owner keeps a session past the retention period, up to the policy's maximum (audited). */
export const PUT = teacherRouteWithId(async (teacherId, sessionId, request) => {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const result = await changeKeepUntil(teacherId, sessionId, body.data);
  if (result.ok) return json({ ok: true, keepUntil: result.keepUntil });
  return result.latest === undefined
    ? apiError(result.status, result.code, result.message)
    : Response.json(
        { ok: false, code: result.code, message: result.message, latest: result.latest },
        { status: result.status, headers: { 'cache-control': 'no-store' } },
      );
});
