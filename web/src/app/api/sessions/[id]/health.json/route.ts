import { HEALTH_DEFINITIONS } from '@classpulse/realtime/protocol';
import { apiError } from '../../../../../server/api-response.ts';
import { requireTeacher } from '../../../../../server/require-teacher.ts';
import { loadSessionHealth } from '../../../../../server/session-health.ts';
import { downloadName } from '../../../../../server/download-name.ts';

/** The session's health report as JSON (the realtime tier's, with what its numbers mean). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const loaded = await loadSessionHealth(auth.teacherId, (await params).id);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const { report } = loaded;
  return new Response(JSON.stringify({ ...report, definitions: HEALTH_DEFINITIONS }, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${downloadName(report.title)}-${report.joinCode}-health.json"`,
      'cache-control': 'no-store',
    },
  });
}
