import type { SessionState } from '../protocol/index.ts';
import type { EngineEvent } from './events.ts';
import { nameSkeleton } from './name-skeleton.ts';

/**
 * Lookups derived from a session's state that would otherwise cost a pass over every student:
 * in a lecture hall of 10,000, a join or a dashboard update must not be O(students). Built on
 * first use and kept current by `evolve` (the only writer of state); never stored or sent, so a
 * snapshot is still the state alone.
 */
export interface SessionIndex {
  /** Every student who ever joined, removed ones included (the session's size limit). */
  studentCount: number;
  /** Skeletons (name-skeleton.ts) of the names of the students still in the session. */
  activeNames: Set<string>;
  /**
   * Per skeleton of a name that is taken, the " (n)" suffix to try next: disambiguating the
   * hundredth "Alice" costs one lookup, not a hundred.
   */
  nextSuffix: Map<string, number>;
  /**
   * Skeletons of removed students' names without their " (n)": a removed student who joins
   * again under the same (or a look-alike) name stays out until the teacher lets them back.
   */
  removedNames: Set<string>;
  /** Ids of the students in the waiting room, in the order they joined ("Admit all" keeps it). */
  waiting: Set<string>;
  /** Stored responses per slide id. */
  responseCounts: Map<string, number>;
}

const indexes = new WeakMap<SessionState, SessionIndex>();

export function sessionIndex(state: SessionState): SessionIndex {
  let index = indexes.get(state);
  if (!index) {
    index = build(state);
    indexes.set(state, index);
  }
  return index;
}

/**
 * Called by `evolve` before it applies `event` to `state`: updates the index if one was built.
 * Rare events that touch many entries (a removal) drop it, to be rebuilt on next use.
 */
export function indexBeforeEvolve(state: SessionState, event: EngineEvent): void {
  const index = indexes.get(state);
  if (!index) return;
  switch (event.type) {
    case 'studentJoined':
      index.studentCount++;
      addName(index, event.student.name);
      if (event.student.waiting) index.waiting.add(event.student.id);
      break;
    case 'studentsAdmitted':
      for (const id of event.studentIds) index.waiting.delete(id);
      break;
    case 'answerSubmitted':
      if (!state.responses[event.slideId]?.[event.studentId]) {
        index.responseCounts.set(event.slideId, (index.responseCounts.get(event.slideId) ?? 0) + 1);
      }
      break;
    case 'studentRemoved':
    case 'studentReadmitted':
      indexes.delete(state);
      break;
    default:
      break;
  }
}

const SUFFIXED = /^(.*) \((\d+)\)$/u;

/** A name without the " (n)" that told it apart. */
export function baseName(name: string): string {
  return SUFFIXED.exec(name)?.[1] ?? name;
}

/** A student's name is taken; a " (n)" name moves its base's next suffix past n. */
function addName(index: Pick<SessionIndex, 'activeNames' | 'nextSuffix'>, name: string): void {
  index.activeNames.add(nameSkeleton(name));
  const suffixed = SUFFIXED.exec(name);
  if (!suffixed) return;
  const base = nameSkeleton(suffixed[1]!);
  const n = Number(suffixed[2]);
  if (n + 1 > (index.nextSuffix.get(base) ?? 2)) index.nextSuffix.set(base, n + 1);
}

function build(state: SessionState): SessionIndex {
  const names = { activeNames: new Set<string>(), nextSuffix: new Map<string, number>() };
  const removedNames = new Set<string>();
  const waiting = new Set<string>();
  let studentCount = 0;
  for (const id in state.students) {
    const student = state.students[id]!;
    studentCount++;
    if (!student.removed) addName(names, student.name);
    else removedNames.add(nameSkeleton(baseName(student.name)));
    if (!student.removed && student.waiting) waiting.add(id);
  }
  const responseCounts = new Map<string, number>();
  for (const slideId in state.responses) {
    let n = 0;
    for (const _ in state.responses[slideId]) n++;
    responseCounts.set(slideId, n);
  }
  return { studentCount, ...names, removedNames, waiting, responseCounts };
}
