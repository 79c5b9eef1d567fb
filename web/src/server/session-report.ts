import { reportStudents } from '@classpulse/realtime/engine';
import type {
  Question,
  ReportedResponse,
  SessionState,
  Slide,
} from '@classpulse/realtime/protocol';
import type { ResultEntry } from '../components/results/aggregate.ts';
import { answerNumber, answerText } from '../lib/answer-text.ts';
import type { OpenedAnswers } from './answers-stream.ts';
import type { CsvCell } from './csv.ts';
import { database } from './db.ts';
import { sessionStudentEmails } from './data/session-student-repository.ts';
import { realtimeSessionUrl } from './realtime-session.ts';
import { forgetSession, getOwnedSession, teacherTokenFor } from './sessions.ts';

/**
 * The school addresses of a session's students who signed in, by student id (empty for a
 * session whose students joined by code and name).
 */
export async function studentEmails(sessionId: string): Promise<Map<string, string>> {
  return sessionStudentEmails(await database(), sessionId);
}

/** The report's first row: the student, their address when students signed in, the questions. */
export function reportHeader(slides: readonly Slide[], withEmail: boolean): CsvCell[] {
  return [
    'Student',
    ...(withEmail ? ['Email'] : []),
    ...slides.map((s, i) => `${i + 1}. ${s.title || s.question?.prompt || s.id}`),
  ];
}

/** One student's row: name, address (with `email` not undefined), a cell per question slide. */
export function reportRow(
  slides: readonly Slide[],
  name: string,
  email: string | undefined,
  responses: Readonly<Record<string, ReportedResponse | undefined>>,
): CsvCell[] {
  return [
    name,
    ...(email === undefined ? [] : [email]),
    ...slides.map((slide) => {
      const response = responses[slide.id];
      if (!response) return '';
      const { answer } = response;
      // Numbers stay numbers, so a spreadsheet can sum them (−5 is −5, not text).
      const value = response.hidden ? undefined : answerNumber(answer);
      if (value !== undefined) return value;
      const text = answerText(slide.question, answer);
      return response.hidden ? `${text} (hidden)` : text;
    }),
  ];
}

const questionSlides = (state: SessionState) => state.deck.slides.filter((s) => s.question);

/** A question slide's results on the report page (components/teacher/SessionReport.tsx). */
export interface ReportSlideAnswers {
  slide: Slide & { question: Question };
  number: number;
  entries: Array<ResultEntry & { firstSubmittedAt: number }>;
}

/**
 * What the report page shows, from an opened answers stream read to its end: the CSV's rows and
 * each question slide's answers for its results (in the order students first answered, as the
 * live results list them).
 */
export async function readReport(
  opened: Extract<OpenedAnswers, { ok: true }>,
  emails: ReadonlyMap<string, string>,
): Promise<{ rows: CsvCell[][]; slides: ReportSlideAnswers[] }> {
  const { state } = opened;
  const slides: ReportSlideAnswers[] = [];
  const bySlide = new Map<string, ReportSlideAnswers['entries']>();
  state.deck.slides.forEach((slide, i) => {
    if (!slide.question) return;
    const entries: ReportSlideAnswers['entries'] = [];
    bySlide.set(slide.id, entries);
    slides.push({ slide: { ...slide, question: slide.question }, number: i + 1, entries });
  });
  const rows: CsvCell[][] = [];
  // The same stream the CSV is written from, read here once for both.
  const students = opened.students;
  const teed = (async function* () {
    for await (const student of students) {
      const name = state.students[student.studentId]?.name ?? 'Unknown student';
      for (const [slideId, r] of Object.entries(student.responses))
        bySlide.get(slideId)?.push({
          studentId: student.studentId,
          name,
          answer: r.answer,
          hidden: r.hidden,
          firstSubmittedAt: r.firstSubmittedAt,
        });
      yield student;
    }
  })();
  for await (const chunk of reportRowChunks({ ...opened, students: teed }, emails))
    for (const row of chunk) rows.push(row);
  for (const { entries } of slides) entries.sort((a, b) => a.firstSubmittedAt - b.firstSubmittedAt);
  return { rows, slides };
}

/**
 * Rows of the per-student report: a header, then one row per student with one cell per question
 * slide. With signed-in students, an Email column follows the name.
 */
export function reportRows(state: SessionState, emails: ReadonlyMap<string, string>): CsvCell[][] {
  const slides = questionSlides(state);
  const withEmail = emails.size > 0;
  const rows = reportStudents(state).map((student) =>
    reportRow(
      slides,
      student.name,
      withEmail ? (emails.get(student.id) ?? '') : undefined,
      Object.fromEntries(slides.map((s) => [s.id, state.responses[s.id]?.[student.id]])),
    ),
  );
  return [reportHeader(slides, withEmail), ...rows];
}

/** Students per chunk of the streamed report: a few hundred rows, tens of kilobytes of CSV. */
const STUDENTS_PER_CHUNK = 200;

/**
 * The same rows as `reportRows`, from an opened answers stream, a chunk at a time as the
 * download is read: the header, then the students as the realtime tier streams them.
 */
export async function* reportRowChunks(
  opened: Extract<OpenedAnswers, { ok: true }>,
  emails: ReadonlyMap<string, string>,
): AsyncGenerator<CsvCell[][], void, undefined> {
  const { state } = opened;
  const slides = questionSlides(state);
  const withEmail = emails.size > 0;
  yield [reportHeader(slides, withEmail)];
  let chunk: CsvCell[][] = [];
  for await (const { studentId, responses } of opened.students) {
    const name = state.students[studentId]?.name ?? 'Unknown student';
    chunk.push(
      reportRow(slides, name, withEmail ? (emails.get(studentId) ?? '') : undefined, responses),
    );
    if (chunk.length >= STUDENTS_PER_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  yield chunk;
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
