import { auditAccess } from '../../../../../server/access-audit.ts';
import { apiError } from '../../../../../server/api-response.ts';
import { openAnswersStream } from '../../../../../server/answers-stream.ts';
import { auditTrail, FORMER_TEACHER } from '../../../../../server/audit-trail.ts';
import { csvDownload, sessionFileName } from '../../../../../server/download.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';

/**
 * The session's audit trail as CSV: when (UTC, ISO 8601), which teacher, what they did. From the
 * head of the answers stream (the session without its answers), which is all it needs.
 */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const opened = await openAnswersStream(teacherId, sessionId);
  if (!opened.ok) return apiError(opened.status, 'unavailable', opened.message);
  await opened.students.return();
  await auditAccess(teacherId, 'audit.csv', sessionId);
  const { state } = opened;
  // In English: a file for records, whatever the reader's language.
  const rows = (await auditTrail(state)).map((r) => [
    new Date(r.at).toISOString(),
    r.who ?? FORMER_TEACHER,
    r.what,
  ]);
  return csvDownload(
    [['Time (UTC)', 'Teacher', 'Action'], ...rows],
    sessionFileName(state.deck.title, state.joinCode, '-teacher-actions.csv'),
  );
});
