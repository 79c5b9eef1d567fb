import { apiError } from '../../../../server/api-response.ts';
import { requireTeacher } from '../../../../server/require-teacher.ts';
import { deleteSessionEverywhere } from '../../../../server/session-report.ts';

/** Deletes a session and every answer in it. */
export async function DELETE(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const deleted = await deleteSessionEverywhere(auth.teacherId, (await params).id);
  return deleted
    ? new Response(null, { status: 204 })
    : apiError(404, 'not_found', 'This session does not exist.');
}
