import { apiError } from '../../../../../server/api-response.ts';
import { csvDownload, sessionFileName } from '../../../../../server/download.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import {
  loadSessionState,
  reportRows,
  studentEmails,
} from '../../../../../server/session-report.ts';

/** Every student's answers as CSV (with signed-in students' addresses), a column per question. */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const loaded = await loadSessionState(teacherId, sessionId);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const { state } = loaded;
  return csvDownload(
    reportRows(state, await studentEmails(sessionId)),
    sessionFileName(state.deck.title, state.joinCode, '.csv'),
  );
});
