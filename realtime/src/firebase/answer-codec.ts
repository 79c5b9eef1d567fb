import { answerSchema, type Answer, type QuestionKind } from '../protocol/index.ts';

/**
 * Answers as the database holds them (firebase/README.md, "Answers"). Every kind but drawing is
 * stored field by field, so the rules can check its shape; a drawing's strokes are one JSON
 * string (thousands of points as children would make reads and rule checks slow).
 */
export type StoredAnswer =
  | { kind: 'multiple-choice'; optionIds: string[] }
  | { kind: 'short-text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'word-cloud'; words: string[] }
  | { kind: 'scale'; value: number }
  | { kind: 'drawing'; strokes: string }
  | { kind: 'pin-on-image'; x: number; y: number };

/** The field each kind cannot do without; the rules require it. */
export const ANSWER_FIELD = {
  'multiple-choice': 'optionIds',
  'short-text': 'text',
  number: 'value',
  'word-cloud': 'words',
  scale: 'value',
  drawing: 'strokes',
  'pin-on-image': 'x',
} as const satisfies Record<QuestionKind, string>;

export function encodeAnswer(answer: Answer): StoredAnswer {
  return answer.kind === 'drawing'
    ? { kind: 'drawing', strokes: JSON.stringify(answer.strokes) }
    : answer;
}

/**
 * The answer a database node holds, checked like any client input (the database is written by
 * browsers; rules check a subset), or null when it is not a valid answer. Lists may come back as
 * objects keyed "0", "1", … and are read either way.
 */
export function decodeAnswer(node: unknown): Answer | null {
  if (typeof node !== 'object' || node === null) return null;
  const raw = { ...(node as Record<string, unknown>) };
  for (const list of ['optionIds', 'words'] as const) {
    const value = raw[list];
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      raw[list] = Object.values(value);
  }
  if (raw.kind === 'drawing' && typeof raw.strokes === 'string') {
    try {
      raw.strokes = JSON.parse(raw.strokes);
    } catch {
      return null;
    }
  }
  const parsed = answerSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
