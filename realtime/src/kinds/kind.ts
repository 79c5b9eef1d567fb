import type * as z from 'zod/mini';
import type { AnswerRules } from './rules-kit.ts';

/**
 * Everything the protocol and the database need about one question kind (DESIGN.md, convention
 * 11). Each kind's file builds one of these; `registry.ts` lists them, and every generic piece
 * (schemas, engine checks, scoring, Firebase codec and rules) reads its part from there, so a kind
 * without one of these pieces is a type error rather than a forgotten `switch` case.
 */
export interface KindModule<
  K extends string = string,
  Q extends { kind: K } = { kind: K },
  A extends { kind: K } = { kind: K },
> {
  kind: K;
  /** What the teacher authors (with its correct answer, when it has one). */
  question: z.ZodMiniType<Q, unknown>;
  /** What a student sends. */
  answer: z.ZodMiniType<A, unknown>;
  /** Hard bounds this kind adds to the protocol's LIMITS (names unique across kinds). */
  limits: Readonly<Record<string, number>>;
  /**
   * Checks a schema-valid answer against its question; a message for the student, or null when
   * it fits. The engine and the browser both call it, so both say the same thing.
   */
  problem(question: Q, answer: A): string | null;
  /** Whether the teacher gave this question a correct answer (so it can be revealed and scored). */
  gradable(question: Q): boolean;
  /**
   * The share of the slide's points this answer earns, from 0 to 1, or null when the question has
   * no correct answer. A correct answer scores 1.
   */
  score(question: Q, answer: A): number | null;
  /** The question as students see it before the correct answer is revealed. */
  hideCorrect(question: Q): Q;
  /** Firebase: what the rules need to check an answer (written to the session's gate). */
  gate(question: Q): Readonly<Record<string, GateValue>>;
  /** Firebase: the answer's child rules, built from the rule kit (firebase/README.md, "Answers"). */
  rules: AnswerRules;
  /** Firebase: the child every stored answer of this kind has; the rules require it. */
  requiredField: string;
  /** Firebase: the answer as stored (JSON the rules can check field by field). */
  encode(answer: A): Record<string, unknown>;
  /**
   * Firebase: a stored node back into the answer's wire shape, before the schema checks it (lists
   * may come back as objects keyed "0", "1", …).
   */
  decode(node: Record<string, unknown>): Record<string, unknown>;
}

/** A value the gate holds for the rules: numbers, flags and id sets (`{ id: true }`). */
export type GateValue = number | boolean | string | Readonly<Record<string, true>>;

/** A kind module as its file writes it: its schemas' own types, the rest typed from them. */
export type KindModuleOf<
  QS extends KindSchema,
  AS extends KindSchema,
  L extends Readonly<Record<string, number>> = Readonly<Record<string, number>>,
> = Omit<
  KindModule<z.output<QS>['kind'], z.output<QS>, z.output<AS>>,
  'question' | 'answer' | 'limits'
> & { question: QS; answer: AS; limits: L };

type KindSchema = z.ZodMiniType<{ kind: string }, unknown>;

/** A kind module with its types fixed by its schemas (which keep their own types for the unions). */
export function defineKind<
  QS extends KindSchema,
  AS extends KindSchema,
  const L extends Readonly<Record<string, number>>,
>(module: KindModuleOf<QS, AS, L>): KindModuleOf<QS, AS, L> {
  return module;
}

/** `{ id: true, … }`: how the gate lists the ids an answer may use. */
export function idSet(items: readonly { id: string }[]): Record<string, true> {
  return Object.fromEntries(items.map((item) => [item.id, true as const]));
}

/** A list that came back from the database as an object keyed "0", "1", … is read as a list. */
export function listFromNode(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.values(value)
    : value;
}

/** Stored as is; the common case for kinds whose answer fields the rules can check directly. */
export const storedAsIs = {
  encode: <A>(answer: A) => ({ ...answer }) as Record<string, unknown>,
  decode: (node: Record<string, unknown>) => node,
};
