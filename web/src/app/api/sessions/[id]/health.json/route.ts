import { HEALTH_DEFINITIONS } from '@classpulse/realtime/protocol';
import { auditAccess } from '../../../../../server/access-audit.ts';
import { apiError } from '../../../../../server/api-response.ts';
import { fileDownload, sessionFileName, textStream } from '../../../../../server/download.ts';
import { joinedParts, prettyJsonParts } from '../../../../../server/json-stream.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import { loadSessionHealth } from '../../../../../server/session-health.ts';

/**
 * The session's health report as JSON (the realtime tier's, with what its numbers mean),
 * streamed a student at a time as the browser reads it.
 */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const loaded = await loadSessionHealth(teacherId, sessionId);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const { report } = loaded;
  await auditAccess(teacherId, 'health.json', sessionId);
  return fileDownload(
    textStream(joinedParts(prettyJsonParts({ ...report, definitions: HEALTH_DEFINITIONS }))),
    'application/json; charset=utf-8',
    sessionFileName(report.title, report.joinCode, '-health.json'),
  );
});
