import { apiError } from '../../../../../server/api-response.ts';
import { csvDownload, sessionFileName } from '../../../../../server/download.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';
import { loadSessionState, reportRows } from '../../../../../server/session-report.ts';

/** Every student's answers as CSV, one column per question slide. */
export const GET = teacherRouteWithId(async (teacherId, sessionId) => {
  const loaded = await loadSessionState(teacherId, sessionId);
  if (!loaded.ok) return apiError(loaded.status, 'unavailable', loaded.message);
  const { state } = loaded;
  return csvDownload(reportRows(state), sessionFileName(state.deck.title, state.joinCode, '.csv'));
});
