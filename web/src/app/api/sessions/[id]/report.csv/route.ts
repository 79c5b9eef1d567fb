import { auditAccess } from '../../../../../server/access-audit.ts';
import { noteSessionState } from '../../../../../server/retention.ts';
import { apiError } from '../../../../../server/api-response.ts';
import { openAnswersStream } from '../../../../../server/answers-stream.ts';
import { csvDownloadStream, sessionFileName } from '../../../../../server/download.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import { reportRowChunks, studentEmails } from '../../../../../server/session-report.ts';

/**
 * Every student's answers as CSV (with signed-in students' addresses), a column per question;
 * streamed from the realtime tier's answers stream, a chunk of students at a time.
 */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const opened = await openAnswersStream(teacherId, sessionId);
  if (!opened.ok) return apiError(opened.status, 'unavailable', opened.message);
  const { state } = opened;
  const emails = await (async () => {
    await auditAccess(teacherId, 'report.csv', sessionId);
    await noteSessionState(sessionId, state);
    return studentEmails(sessionId);
  })().catch(async (error: unknown) => {
    await opened.students.return();
    throw error;
  });
  return csvDownloadStream(
    reportRowChunks(opened, emails),
    sessionFileName(state.deck.title, state.joinCode, '.csv'),
  );
});
