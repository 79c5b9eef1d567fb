import { z } from 'zod';
import { readJsonBody } from '../../../../../server/request-body.ts';
import { json } from '../../../../../server/api-response.ts';
import { emailField } from '../../../../../server/accounts/fields.ts';
import { failureResponse } from '../../../../../server/accounts/responses.ts';
import { changeCoTeacher, coTeaching } from '../../../../../server/co-teaching.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';

const bodySchema = z.object({ email: emailField, action: z.enum(['add', 'remove']) });

/** The session's owner and co-teachers, for any of its teachers. */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const result = await coTeaching(teacherId, sessionId);
  return result.ok ? json({ ok: true, ...result.value }) : failureResponse(result);
});

/** The owner adds or removes a co-teacher by email address. */
export const POST = teacherRouteWithId(async (teacherId, sessionId, request) => {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const result = await changeCoTeacher(teacherId, sessionId, body.data.email, body.data.action);
  return result.ok ? json({ ok: true, ...result.value }) : failureResponse(result);
});
