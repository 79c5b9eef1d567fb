import { reportStudents, sessionScores, type StudentScore } from '@classpulse/realtime/engine';
import {
  answerScore,
  type Question,
  type ReportedResponse,
  type SessionState,
  type Slide,
  type StoredResponse,
} from '@classpulse/realtime/protocol';
import type { ResultEntry } from '../components/results/aggregate.ts';
import { answerNumber, answerText, answerWords } from '../lib/answer-text.ts';
import type { AnswerWords } from '../kinds/kind.ts';
import { percentOf } from '../lib/grading.ts';
import type { OpenedAnswers, StudentAnswers } from './answers-stream.ts';
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

/**
 * The report's columns: the question slides (an answer column each), and the graded ones (a
 * question with a correct answer: a score column each and a Total), as the engine's
 * `sessionScores` lists them, so the report's totals are the dashboard's.
 */
export interface ReportColumns {
  slides: Slide[];
  graded: Array<{ slideId: string; points: number; question: Question }>;
  withEmail: boolean;
}

export function reportColumns(state: SessionState, withEmail: boolean): ReportColumns {
  // Which slides score does not depend on who answered: ask without the class.
  const { slides: scored } = sessionScores({ ...state, students: {}, responses: {} }, false);
  const questions = new Map(state.deck.slides.map((s) => [s.id, s.question]));
  const graded = scored.flatMap((g) => {
    const question = questions.get(g.slideId);
    return question ? [{ ...g, question }] : [];
  });
  return { slides: state.deck.slides.filter((s) => s.question), graded, withEmail };
}

const slideName = (slide: Slide, number: number) =>
  `${number}. ${slide.title || slide.question?.prompt || slide.id}`;

/**
 * The report's first row: the student, their address when students signed in, the questions,
 * then with graded questions a score per question ("Score: 2. Capital (of 3)") and the total.
 */
export function reportHeader(columns: ReportColumns): CsvCell[] {
  const { slides, graded, withEmail } = columns;
  const byId = new Map(slides.map((s, i) => [s.id, slideName(s, i + 1)]));
  const possible = graded.reduce((sum, g) => sum + g.points, 0);
  return [
    'Student',
    ...(withEmail ? ['Email'] : []),
    ...slides.map((s, i) => slideName(s, i + 1)),
    ...graded.map((g) => `Score: ${byId.get(g.slideId) ?? g.slideId} (of ${g.points})`),
    ...(graded.length > 0 ? [`Total (of ${possible})`] : []),
  ];
}

/**
 * One student's points per graded slide and total: the engine's `sessionScores` over this one
 * student (a streamed report never holds the whole class), so every total is the dashboard's.
 */
export function studentScore(
  state: SessionState,
  studentId: string,
  responses: Readonly<Record<string, ReportedResponse | undefined>>,
): StudentScore | undefined {
  const student = state.students[studentId];
  if (!student) return undefined;
  const own: SessionState['responses'] = {};
  for (const [slideId, r] of Object.entries(responses)) {
    if (r) own[slideId] = { [studentId]: storedForScoring(r) };
  }
  return sessionScores({ ...state, students: { [studentId]: student }, responses: own }, false)
    .students[0];
}

/** Scoring reads the answer and when it was given; the rest of a stored response is history. */
const storedForScoring = (r: ReportedResponse): StoredResponse => ({
  ...r,
  answerId: '',
  clientCreatedAt: null,
  answerIds: [],
});

/**
 * One student's row: name, address (with `email` not undefined), a cell per question slide,
 * then (graded questions) a score per graded slide, 0 when not answered, and the total.
 */
export function reportRow(
  columns: ReportColumns,
  name: string,
  email: string | undefined,
  responses: Readonly<Record<string, ReportedResponse | undefined>>,
  score: StudentScore | undefined,
): CsvCell[] {
  return [
    name,
    ...(email === undefined ? [] : [email]),
    ...columns.slides.map((slide) => {
      const response = responses[slide.id];
      if (!response) return '';
      const { answer } = response;
      // Numbers stay numbers, so a spreadsheet can sum them (−5 is −5, not text).
      const value = response.hidden ? undefined : answerNumber(answer);
      if (value !== undefined) return value;
      const text = answerText(slide.question, answer);
      return response.hidden ? `${text} (hidden)` : text;
    }),
    ...columns.graded.map((g) => score?.bySlide[g.slideId] ?? 0),
    ...(columns.graded.length > 0 ? [score?.total ?? 0] : []),
  ];
}

/** Per graded slide: answers given and fully correct ones, counted as the rows are written. */
export type CorrectTally = Map<string, { answered: number; correct: number }>;

function countCorrect(
  columns: ReportColumns,
  responses: Readonly<Record<string, ReportedResponse | undefined>>,
  tally: CorrectTally,
): void {
  for (const { slideId, question } of columns.graded) {
    const response = responses[slideId];
    if (!response) continue;
    const share = answerScore(question, response.answer);
    if (share === null) continue;
    const counts = tally.get(slideId) ?? { answered: 0, correct: 0 };
    counts.answered += 1;
    if (share >= 1) counts.correct += 1;
    tally.set(slideId, counts);
  }
}

/** Percent of the answers that are fully correct, for one graded slide (null: none yet). */
export function percentCorrect(tally: CorrectTally, slideId: string): number | null {
  const counts = tally.get(slideId);
  return counts ? percentOf(counts.correct, counts.answered) : null;
}

export const PERCENT_CORRECT_LABEL = 'Percent correct';

/**
 * The last row when some questions are graded: "Percent correct", then under each graded
 * question's answer column the percent of its answers that are fully correct (a number);
 * nothing under the score columns, so summing them still sums points.
 */
export function percentCorrectRow(columns: ReportColumns, tally: CorrectTally): CsvCell[] {
  const graded = new Set(columns.graded.map((g) => g.slideId));
  return [
    PERCENT_CORRECT_LABEL,
    ...(columns.withEmail ? [''] : []),
    ...columns.slides.map((s) => (graded.has(s.id) ? (percentCorrect(tally, s.id) ?? '') : '')),
    ...columns.graded.map(() => ''),
    ...(columns.graded.length > 0 ? [''] : []),
  ];
}

/** A question slide's results on the report page (components/teacher/SessionReport.tsx). */
export interface ReportSlideAnswers {
  slide: Slide & { question: Question };
  number: number;
  entries: Array<ResultEntry & { firstSubmittedAt: number }>;
  /** Graded slides: what a correct answer earns, and how many of the answers were correct. */
  grade: { points: number; answered: number; correct: number; percent: number | null } | null;
}

/**
 * What the report page shows, from an opened answers stream read to its end: the CSV's rows
 * (the header, a row per student, and the percent-correct row as `footer` when questions are
 * graded) and each question slide's answers for its results (in the order students first
 * answered, as the live results list them).
 */
export async function readReport(
  opened: Extract<OpenedAnswers, { ok: true }>,
  emails: ReadonlyMap<string, string>,
): Promise<{
  rows: CsvCell[][];
  footer: CsvCell[] | null;
  slides: ReportSlideAnswers[];
  /** The students' answer cells for the page, in the reader's language (the CSV's are English). */
  answers: ReportAnswerCells;
}> {
  const { state } = opened;
  const columns = reportColumns(state, emails.size > 0);
  const slides: ReportSlideAnswers[] = [];
  const bySlide = new Map<string, ReportSlideAnswers['entries']>();
  state.deck.slides.forEach((slide, i) => {
    if (!slide.question) return;
    const entries: ReportSlideAnswers['entries'] = [];
    bySlide.set(slide.id, entries);
    slides.push({
      slide: { ...slide, question: slide.question },
      number: i + 1,
      entries,
      grade: null,
    });
  });
  const rows: CsvCell[][] = [reportHeader(columns)];
  const answers: ReportAnswerCells = { from: columns.withEmail ? 2 : 1, rows: [] };
  const tally: CorrectTally = new Map();
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
      answers.rows.push(answerCells(columns, student.responses));
      yield student;
    }
  })();
  for await (const chunk of studentRowChunks(state, columns, teed, emails, tally))
    for (const row of chunk) rows.push(row);
  for (const { entries } of slides) entries.sort((a, b) => a.firstSubmittedAt - b.firstSubmittedAt);
  for (const item of slides) {
    const graded = columns.graded.find((g) => g.slideId === item.slide.id);
    if (!graded) continue;
    const counts = tally.get(item.slide.id) ?? { answered: 0, correct: 0 };
    item.grade = {
      points: graded.points,
      ...counts,
      percent: percentOf(counts.correct, counts.answered),
    };
  }
  const footer = columns.graded.length > 0 ? percentCorrectRow(columns, tally) : null;
  return { rows, footer, slides, answers };
}

/**
 * A report row's answer cells said for the page, from column `from` on, one list per student in
 * the rows' order: null where the CSV's cell is right as it is (no answer, or a number).
 */
export interface ReportAnswerCells {
  from: number;
  rows: Array<Array<AnswerWords | string | null>>;
}

function answerCells(
  columns: ReportColumns,
  responses: Readonly<Record<string, ReportedResponse | undefined>>,
): Array<AnswerWords | string | null> {
  return columns.slides.map((slide) => {
    const response = responses[slide.id];
    if (!response) return null;
    if (!response.hidden && answerNumber(response.answer) !== undefined) return null;
    const words = answerWords(slide.question, response.answer);
    return response.hidden ? { key: 'answerWords.hidden', values: { answer: words } } : words;
  });
}

/**
 * Rows of the per-student report: a header, then one row per student with one cell per question
 * slide (and with graded questions a score per graded slide, the total, and last the
 * percent-correct row). With signed-in students, an Email column follows the name.
 */
export function reportRows(state: SessionState, emails: ReadonlyMap<string, string>): CsvCell[][] {
  const columns = reportColumns(state, emails.size > 0);
  const tally: CorrectTally = new Map();
  const rows = reportStudents(state).map((student) => {
    const responses = Object.fromEntries(
      columns.slides.map((s) => [s.id, state.responses[s.id]?.[student.id]]),
    );
    countCorrect(columns, responses, tally);
    return reportRow(
      columns,
      student.name,
      columns.withEmail ? (emails.get(student.id) ?? '') : undefined,
      responses,
      studentScore(state, student.id, responses),
    );
  });
  return [
    reportHeader(columns),
    ...rows,
    ...(columns.graded.length > 0 ? [percentCorrectRow(columns, tally)] : []),
  ];
}

/** Students per chunk of the streamed report: a few hundred rows, tens of kilobytes of CSV. */
const STUDENTS_PER_CHUNK = 200;

/** The students' rows, a chunk at a time, counting correct answers into `tally` as they go. */
async function* studentRowChunks(
  state: SessionState,
  columns: ReportColumns,
  students: AsyncIterable<StudentAnswers>,
  emails: ReadonlyMap<string, string>,
  tally: CorrectTally,
): AsyncGenerator<CsvCell[][], void, undefined> {
  let chunk: CsvCell[][] = [];
  for await (const { studentId, responses } of students) {
    const name = state.students[studentId]?.name ?? 'Unknown student';
    countCorrect(columns, responses, tally);
    chunk.push(
      reportRow(
        columns,
        name,
        columns.withEmail ? (emails.get(studentId) ?? '') : undefined,
        responses,
        studentScore(state, studentId, responses),
      ),
    );
    if (chunk.length >= STUDENTS_PER_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  yield chunk;
}

/**
 * The same rows as `reportRows`, from an opened answers stream, a chunk at a time as the
 * download is read: the header, the students as the realtime tier streams them, and with graded
 * questions the percent-correct row.
 */
export async function* reportRowChunks(
  opened: Extract<OpenedAnswers, { ok: true }>,
  emails: ReadonlyMap<string, string>,
): AsyncGenerator<CsvCell[][], void, undefined> {
  const { state } = opened;
  const columns = reportColumns(state, emails.size > 0);
  const tally: CorrectTally = new Map();
  yield [reportHeader(columns)];
  yield* studentRowChunks(state, columns, opened.students, emails, tally);
  if (columns.graded.length > 0) yield [percentCorrectRow(columns, tally)];
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
