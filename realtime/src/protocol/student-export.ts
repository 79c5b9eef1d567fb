import { z } from 'zod';
import { idSchema } from './ids.ts';
import type { Question } from './questions.ts';
import type { SessionState } from './state.ts';

/**
 * `GET /v1/sessions/:id/students/:studentId` (the session's teacher token): everything the
 * realtime tier stores about one student of one session, for a parent's request to see a child's
 * data. The web tier parses it with this schema (never retypes it) and renders it as JSON and as
 * a readable page. `DELETE` on the same path erases all of it (`studentErasureSchema`).
 */
export const exportedStudentSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  /** Server time of the join (ms since the epoch). */
  joinedAt: z.number(),
  /** The teacher removed them from the session. */
  removed: z.boolean(),
  /** Still in the waiting room (absent once admitted). */
  waiting: z.boolean().optional(),
  /** Slides before this index were visible but not answerable (late join). */
  firstAnswerableIndex: z.number(),
  /** Their slide in a student-paced session. */
  position: z.number(),
  /** Extended time the teacher gave them (absent: standard time). */
  extendedTime: z.union([z.literal(1.5), z.literal(2), z.literal('unlimited')]).optional(),
});

export const exportedAnswerSchema = z.object({
  slideId: idSchema,
  /** 0-based position of the slide in the deck. */
  slideIndex: z.int().min(0),
  /** The question's kind (`multiple-choice`, `short-text`, …). */
  kind: z.string(),
  /** The question's text, so the readable page can show what was asked. */
  prompt: z.string(),
  /** The answer as stored (its shape is the kind's answer schema). */
  answer: z.looseObject({ kind: z.string() }),
  /** Server time of the current revision. */
  answeredAt: z.number(),
  /** Server time of the first submission. */
  firstAnsweredAt: z.number(),
  /** Hidden from the class by the teacher's moderation. */
  hidden: z.boolean(),
  /** The client-generated ids this answer has had, oldest first. */
  answerIds: z.array(z.string()),
  /** The time the student's device said it created the answer, when it said. */
  clientCreatedAt: z.number().nullable(),
});

/** A connection-health record about the student (server/health/records.ts), as stored. */
export const exportedHealthRecordSchema = z.looseObject({
  k: z.string(),
  at: z.number(),
  studentId: idSchema,
});

export const studentExportSchema = z.object({
  sessionId: idSchema,
  student: exportedStudentSchema,
  /** In deck order. */
  answers: z.array(exportedAnswerSchema),
  /** Oldest first. */
  health: z.array(exportedHealthRecordSchema),
});
export type StudentExport = z.infer<typeof studentExportSchema>;
export type ExportedAnswer = z.infer<typeof exportedAnswerSchema>;
export type ExportedHealthRecord = z.infer<typeof exportedHealthRecordSchema>;

/** `DELETE /v1/sessions/:id/students/:studentId`: `erased` is false when nothing was there. */
export const studentErasureSchema = z.object({ ok: z.literal(true), erased: z.boolean() });
export type StudentErasure = z.infer<typeof studentErasureSchema>;

/**
 * The export of `studentId` from a session's state and its health records (any order of batches
 * as stored), or undefined when the session has no such student.
 */
export function studentExport(
  state: SessionState,
  studentId: string,
  health: readonly unknown[],
): StudentExport | undefined {
  const student = state.students[studentId];
  if (!student) return undefined;
  const answers: ExportedAnswer[] = [];
  state.deck.slides.forEach((slide, slideIndex) => {
    const response = state.responses[slide.id]?.[studentId];
    const question: Question | undefined = slide.question;
    if (!response || !question) return;
    answers.push({
      slideId: slide.id,
      slideIndex,
      kind: question.kind,
      prompt: question.prompt,
      answer: response.answer,
      answeredAt: response.submittedAt,
      firstAnsweredAt: response.firstSubmittedAt,
      hidden: response.hidden,
      answerIds: [...response.answerIds],
      clientCreatedAt: response.clientCreatedAt,
    });
  });
  return {
    sessionId: state.id,
    student: { ...student },
    answers,
    health: health.filter((record): record is ExportedHealthRecord =>
      healthRecordNames(record, studentId),
    ),
  };
}

/** A stored health record (unparsed) that names the student. */
export function healthRecordNames(record: unknown, studentId: string): boolean {
  return (
    typeof record === 'object' &&
    record !== null &&
    (record as { studentId?: unknown }).studentId === studentId
  );
}
