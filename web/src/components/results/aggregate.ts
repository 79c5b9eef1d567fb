import type { Answer, AnswerFor } from '@classpulse/realtime/protocol';

/**
 * What every results view counts from: the entries of a slide, minus what the teacher hid and
 * what belongs to another kind. Each kind's own aggregation (tallies, word groups) is in its
 * folder under src/kinds/; shared charts' maths in histogram-bins.ts and pin-map.ts. No React
 * here, so every rule is unit-tested on its own and the views only draw.
 */

/** One student's answer as the results views receive it (teacher dashboard, projector, student reveal). */
export interface ResultEntry {
  answer: Answer;
  name?: string;
  /** Moderated by the teacher: never counted, only listed (dimmed) while moderating. */
  hidden?: boolean;
  studentId?: string;
}

/**
 * The answers that count: hidden entries are moderated away, and an answer of another kind (the
 * teacher changed the question mid-session) cannot be drawn against this question.
 */
export function visibleAnswers<K extends Answer['kind']>(
  entries: readonly ResultEntry[],
  kind: K,
): AnswerFor<K>[] {
  const out: AnswerFor<K>[] = [];
  for (const entry of entries) {
    if (!entry.hidden && entry.answer.kind === kind) out.push(entry.answer as AnswerFor<K>);
  }
  return out;
}

export interface ListedEntry<K extends Answer['kind']> {
  answer: AnswerFor<K>;
  name?: string;
  hidden: boolean;
  studentId?: string;
  /** Position in the given entries; a stable fallback key and "answer 3" when there is no name. */
  index: number;
}

/**
 * Entries for list views (short text, drawings). Hidden ones stay in only while the teacher
 * moderates, so they can be shown again; everyone else never sees them.
 */
export function listedEntries<K extends Answer['kind']>(
  entries: readonly ResultEntry[],
  kind: K,
  includeHidden: boolean,
): ListedEntry<K>[] {
  const out: ListedEntry<K>[] = [];
  entries.forEach((entry, index) => {
    if (entry.answer.kind !== kind) return;
    const hidden = entry.hidden === true;
    if (hidden && !includeHidden) return;
    out.push({
      answer: entry.answer as AnswerFor<K>,
      hidden,
      index,
      name: entry.name,
      studentId: entry.studentId,
    });
  });
  return out;
}
