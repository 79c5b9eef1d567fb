import { isInClass, type SessionState } from '@classpulse/realtime/protocol';
import { answerText } from '../lib/answer-text.ts';
import type { CsvCell } from './csv.ts';
import { database } from './db.ts';
import { sessionStudentEmails } from './data/session-student-repository.ts';
import { getFromRealtime, realtimeSessionUrl, type RealtimeFailure } from './realtime-session.ts';
import { forgetSession, getOwnedSession, teacherTokenFor } from './sessions.ts';

export type ReportResult = { ok: true; state: SessionState } | RealtimeFailure;

/** The session's full state from the realtime tier, for reports and exports. */
export async function loadSessionState(
  teacherId: string,
  sessionId: string,
): Promise<ReportResult> {
  const got = await getFromRealtime(teacherId, sessionId);
  if (!got.ok) return got;
  try {
    const body = (await got.response.json()) as { state: SessionState };
    return { ok: true, state: body.state };
  } catch {
    // A body that breaks off or is not JSON: as good as no answer.
    return { ok: false, status: 503, message: 'The live-session service is not reachable.' };
  }
}

/**
 * The school addresses of a session's students who signed in, by student id (empty for a
 * session whose students joined by code and name).
 */
export async function studentEmails(sessionId: string): Promise<Map<string, string>> {
  return sessionStudentEmails(await database(), sessionId);
}

/**
 * Rows of the per-student report: a header, then one row per student with one cell per question
 * slide. With signed-in students, an Email column follows the name.
 */
export function reportRows(state: SessionState, emails: ReadonlyMap<string, string>): CsvCell[][] {
  const slides = state.deck.slides.filter((s) => s.question);
  const withEmail = emails.size > 0;
  const header = [
    'Student',
    ...(withEmail ? ['Email'] : []),
    ...slides.map((s, i) => `${i + 1}. ${s.title || s.question?.prompt || s.id}`),
  ];
  const students = Object.values(state.students)
    .filter(isInClass)
    .sort((a, b) => a.name.localeCompare(b.name));
  const rows = students.map((student) => [
    student.name,
    ...(withEmail ? [emails.get(student.id) ?? ''] : []),
    ...slides.map((slide) => {
      const response = state.responses[slide.id]?.[student.id];
      if (!response) return '';
      const { answer } = response;
      // Numbers stay numbers, so a spreadsheet can sum them (−5 is −5, not text).
      if ((answer.kind === 'number' || answer.kind === 'scale') && !response.hidden)
        return answer.value;
      const text = answerText(slide.question, answer);
      return response.hidden ? `${text} (hidden)` : text;
    }),
  ]);
  return [header, ...rows];
}

/**
 * Removes a session everywhere: its answers on the realtime tier, then the library entry. Only
 * its owner may; for a co-teacher it does not exist.
 */
export async function deleteSessionEverywhere(
  teacherId: string,
  sessionId: string,
): Promise<boolean> {
  if (!(await getOwnedSession(teacherId, sessionId))) return false;
  const token = await teacherTokenFor(teacherId, sessionId);
  const res = await fetch(realtimeSessionUrl(sessionId), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok && res.status !== 404) return false;
  await forgetSession(teacherId, sessionId);
  return true;
}
