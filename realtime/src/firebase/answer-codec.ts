import { answerSchema, KINDS, type Answer, type QuestionKind } from '../protocol/index.ts';

/**
 * Answers as the database holds them (firebase/README.md, "Answers"): each kind's module says how
 * (`encode`/`decode` in `../kinds/`). Most are stored field by field so the rules can check their
 * shape; a drawing's strokes are one JSON string.
 */
export type StoredAnswer = { kind: QuestionKind } & Record<string, unknown>;

export function encodeAnswer(answer: Answer): StoredAnswer {
  return { ...KINDS[answer.kind].encode(answer as never), kind: answer.kind };
}

/**
 * The answer a database node holds, checked like any client input (the database is written by
 * browsers; rules check a subset), or null when it is not a valid answer.
 */
export function decodeAnswer(node: unknown): Answer | null {
  if (typeof node !== 'object' || node === null) return null;
  const raw = node as Record<string, unknown>;
  const kind = raw.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind)) return null;
  const parsed = answerSchema.safeParse(KINDS[kind as QuestionKind].decode({ ...raw }));
  return parsed.success ? parsed.data : null;
}
