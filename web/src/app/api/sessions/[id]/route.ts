import { apiError } from '../../../../server/api-response.ts';
import { teacherRouteWithId } from '../../../../server/require-teacher.ts';
import { deleteSessionEverywhere } from '../../../../server/session-report.ts';

/** Deletes a session and every answer in it. */
export const DELETE = teacherRouteWithId(async (teacherId, sessionId) =>
  (await deleteSessionEverywhere(teacherId, sessionId))
    ? new Response(null, { status: 204 })
    : apiError(404, 'not_found', 'This session does not exist.'),
);
