import { apiError, json } from '../../../../server/api-response.ts';
import { importStatus } from '../../../../server/imports.ts';
import { teacherRouteWithId } from '../../../../server/require-teacher.ts';

/** How far an import got (only for the teacher who started it; anyone else: 404). */
export const GET = teacherRouteWithId(async (teacherId, id) => {
  const status = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await importStatus(teacherId, id) : null;
  return status
    ? json({ ok: true, import: status })
    : apiError(404, 'not_found', 'This import does not exist.');
});
