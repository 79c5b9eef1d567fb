import { apiError } from '../../../../../server/api-response.ts';
import { toCsv } from '../../../../../server/csv.ts';
import { requireTeacher } from '../../../../../server/require-teacher.ts';
import { loadSessionState, reportRows } from '../../../../../server/session-report.ts';
import { downloadName } from '../../../../../server/download-name.ts';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const loaded = await loadSessionState(auth.teacherId, (await params).id);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const name = downloadName(loaded.state.deck.title);
  // BOM so spreadsheet apps read UTF-8 names correctly.
  return new Response(`\uFEFF${toCsv(reportRows(loaded.state))}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${loaded.state.joinCode}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
