import { apiError } from '../../../../../server/api-response.ts';
import { auditTrail } from '../../../../../server/audit-trail.ts';
import { csvDownload, sessionFileName } from '../../../../../server/download.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import { loadSessionState } from '../../../../../server/session-report.ts';

/** The session's audit trail as CSV: when (UTC, ISO 8601), which teacher, what they did. */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const loaded = await loadSessionState(teacherId, sessionId);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const { state } = loaded;
  const rows = (await auditTrail(state)).map((r) => [new Date(r.at).toISOString(), r.who, r.what]);
  return csvDownload(
    [['Time (UTC)', 'Teacher', 'Action'], ...rows],
    sessionFileName(state.deck.title, state.joinCode, '-teacher-actions.csv'),
  );
});
