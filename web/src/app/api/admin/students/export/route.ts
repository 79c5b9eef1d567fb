import { apiError } from '../../../../../server/api-response.ts';
import { fileDownload } from '../../../../../server/download.ts';
import { exportStudents } from '../../../../../server/student-requests-export.ts';
import { admitStudentRequest } from '../../../../../server/student-requests-route.ts';
import { refsFromParams } from '../../../../../server/student-requests.ts';

export const dynamic = 'force-dynamic';

/**
 * GET ?s=<session>.<student>[&s=…]: everything stored about that student in those sessions, as a
 * JSON download (its shape: StudentExport in server/student-requests-export.ts). Audited.
 */
export async function GET(request: Request): Promise<Response> {
  const admitted = await admitStudentRequest();
  if ('response' in admitted) return admitted.response;
  const refs = refsFromParams(new URL(request.url).searchParams.getAll('s'));
  if (!refs) return apiError(400, 'invalid', 'Choose at least one student of a session.');
  const { document } = await exportStudents(admitted.admin.id, refs);
  if (document.sessions.length === 0)
    return apiError(404, 'not_found', 'None of the chosen sessions could be read.');
  const day = new Date(document.generatedAt).toISOString().slice(0, 10);
  return fileDownload(
    JSON.stringify(document, null, 2),
    'application/json; charset=utf-8',
    `student-export-${day}.json`,
  );
}
