import type { SessionState } from '@classpulse/realtime/protocol';
import { answerText } from '../lib/answer-text.ts';
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

/** Rows of the per-student report: a header, then one row per student with one cell per question slide. */
export function reportRows(state: SessionState): string[][] {
  const slides = state.deck.slides.filter((s) => s.question);
  const header = [
    'Student',
    ...slides.map((s, i) => `${i + 1}. ${s.title || s.question?.prompt || s.id}`),
  ];
  const students = Object.values(state.students)
    .filter((s) => !s.removed)
    .sort((a, b) => a.name.localeCompare(b.name));
  const rows = students.map((student) => [
    student.name,
    ...slides.map((slide) => {
      const response = state.responses[slide.id]?.[student.id];
      if (!response) return '';
      const text = answerText(slide.question, response.answer);
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
