import { apiError } from '../../../../../server/api-response.ts';
import { toCsv } from '../../../../../server/csv.ts';
import { requireTeacher } from '../../../../../server/require-teacher.ts';
import { healthCsvRows, loadSessionHealth } from '../../../../../server/session-health.ts';
import { downloadName } from '../../../../../server/download-name.ts';

/** The session's health report as CSV, for school IT. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const auth = await requireTeacher();
  if ('response' in auth) return auth.response;
  const loaded = await loadSessionHealth(auth.teacherId, (await params).id);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const { report } = loaded;
  // BOM so spreadsheet apps read UTF-8 names correctly.
  return new Response(`\uFEFF${toCsv(healthCsvRows(report))}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${downloadName(report.title)}-${report.joinCode}-health.csv"`,
      'cache-control': 'no-store',
    },
  });
}
