import type { Answer, Question } from '@classpulse/realtime/protocol';
import { answerText } from '../lib/answer-text.ts';
import { auditAccess } from './access-audit.ts';
import { database } from './db.ts';
import { sessionStudentSignIn } from './data/student-request-repository.ts';
import { sessionsOf, type StudentRef } from './student-requests.ts';
import {
  sessionStateAsOwner,
  studentDataAsOwner,
  type StudentData,
} from './student-requests-realtime.ts';

/**
 * The export of one student's data: the JSON download's shape, kept stable for the schools and
 * tools that read it. `format` and `version` name it; a change that removes or renames a field
 * gets a new version. Times are ms since 1970 (UTC). Nothing of another student is in it: each
 * session's part is what the realtime tier keeps about this student alone, and the one web row
 * that maps the student's school address to them.
 */
export interface StudentExport {
  format: 'classpulse.student-export';
  version: 1;
  generatedAt: number;
  sessions: ExportedSession[];
  /** Chosen sessions that could not be read (gone, or the live-session service did not answer). */
  unavailable: Array<{ sessionId: string; reason: string }>;
}

export interface ExportedSession {
  session: {
    id: string;
    title: string;
    joinCode: string;
    startedAt: number;
    /** The teacher's name; null when the account is gone. */
    teacher: string | null;
  };
  /** The web tier's row for a student who signed in with a school account; null otherwise. */
  signIn: { email: string; signedInAt: number } | null;
  /** The realtime tier's record of the student (name, when they joined, …). */
  student: StudentData['student'];
  /** Every answer the student gave, with the question's prompt and the answer in words. */
  answers: Array<StudentData['answers'][number] & { answerText: string }>;
  /** The connection health records kept about the student's devices. */
  health: StudentData['health'];
}

/** The export and, for the readable page, each session's questions by slide id. */
export interface StudentExportResult {
  document: StudentExport;
  questions: Map<string, Map<string, Question>>;
}

/**
 * Everything stored about the chosen students (one person, in one or more sessions), audited per
 * session as 'student.export' with only the session id and how many answers it held.
 */
export async function exportStudents(
  adminId: string,
  refs: readonly StudentRef[],
): Promise<StudentExportResult> {
  const db = await database();
  const sessions = await sessionsOf(refs);
  const document: StudentExport = {
    format: 'classpulse.student-export',
    version: 1,
    generatedAt: Date.now(),
    sessions: [],
    unavailable: [],
  };
  const questions = new Map<string, Map<string, Question>>();
  for (const ref of refs) {
    const session = sessions.get(ref.sessionId);
    if (!session) {
      document.unavailable.push({
        sessionId: ref.sessionId,
        reason: 'This session does not exist.',
      });
      continue;
    }
    // The state only for the deck: the answers in words need each question (its options' labels).
    const [data, state] = await Promise.all([
      studentDataAsOwner(session.ownerId, ref.sessionId, ref.studentId),
      sessionStateAsOwner(session.ownerId, ref.sessionId),
    ]);
    if (!data.ok || !state.ok) {
      const failed = !data.ok ? data : !state.ok ? state : null;
      document.unavailable.push({ sessionId: ref.sessionId, reason: failed?.message ?? '' });
      continue;
    }
    const byslide = new Map<string, Question>();
    for (const slide of state.value.deck.slides)
      if (slide.question) byslide.set(slide.id, slide.question);
    questions.set(ref.sessionId, byslide);
    const signIn = await sessionStudentSignIn(db, ref.sessionId, ref.studentId);
    document.sessions.push({
      session: {
        id: session.sessionId,
        title: session.title,
        joinCode: session.joinCode,
        startedAt: session.createdAt,
        teacher: session.teacherName,
      },
      signIn: signIn && { email: signIn.email, signedInAt: signIn.signedInAt },
      student: data.value.student,
      answers: data.value.answers.map((a) => ({
        ...a,
        answerText: answerText(byslide.get(a.slideId), a.answer as Answer),
      })),
      health: data.value.health,
    });
    await auditAccess(
      adminId,
      'student.export',
      ref.sessionId,
      `answers=${data.value.answers.length}`,
    );
  }
  return { document, questions };
}
