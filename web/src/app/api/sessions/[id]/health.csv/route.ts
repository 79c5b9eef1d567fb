import { auditAccess } from '../../../../../server/access-audit.ts';
import { apiError } from '../../../../../server/api-response.ts';
import { csvDownloadStream, inChunks, sessionFileName } from '../../../../../server/download.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import { healthCsvRows, loadSessionHealth } from '../../../../../server/session-health.ts';

/** The session's health report as CSV, for school IT, streamed a chunk of rows at a time. */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const loaded = await loadSessionHealth(teacherId, sessionId);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const { report } = loaded;
  await auditAccess(teacherId, 'health.csv', sessionId);
  return csvDownloadStream(
    (async function* () {
      yield* inChunks(healthCsvRows(report));
    })(),
    sessionFileName(report.title, report.joinCode, '-health.csv'),
  );
});
