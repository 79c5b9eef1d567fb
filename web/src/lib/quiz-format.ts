/**
 * Words for quiz mode and homework, shared by the teacher's and the students' pages: points,
 * ranks and due times, each in the reader's own locale and time zone (the browser's).
 */

const pointsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** "1 point", "12 points", "7.5 points" (the engine rounds to two decimals). */
export function pointsText(points: number): string {
  return `${pointsFormat.format(points)} ${points === 1 ? 'point' : 'points'}`;
}

const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });

/** "1st", "2nd", "3rd", "11th", "22nd" (the app's words are English). */
export function ordinal(n: number): string {
  return `${n}${ORDINAL_SUFFIX[ordinalRules.select(n)] ?? 'th'}`;
}

/** A student's own standing: "12 points · 3rd of 27", or points alone without a leaderboard. */
export function standingText(standing: { points: number; rank?: number; of?: number }): string {
  const points = pointsText(standing.points);
  return standing.rank === undefined || standing.of === undefined
    ? points
    : `${points} · ${ordinal(standing.rank)} of ${standing.of}`;
}

/** "Friday 12 Dec, 23:59" in this browser's locale and time zone. */
export function dueText(dueAt: number): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(dueAt));
}

/**
 * The due time a `datetime-local` field holds, read in this browser's time zone (ms since 1970),
 * or null when the field is empty or not a date.
 */
export function dueAtFromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  // A date-time without an offset is local time (ECMAScript's Date parsing).
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : null;
}

/** A time as a `datetime-local` field's value in this browser's time zone (seconds if any). */
export function localInputFromDueAt(dueAt: number): string {
  const d = new Date(dueAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const minute = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
  return d.getSeconds() === 0 ? minute : `${minute}:${two(d.getSeconds())}`;
}

/** Why a due time cannot be set, as a key of `dashboard.quiz`, or null when it can. */
export function dueAtProblemKey(
  dueAt: number | null,
  now: number,
): 'chooseDue' | 'chooseFutureDue' | null {
  if (dueAt === null) return 'chooseDue';
  if (dueAt <= now) return 'chooseFutureDue';
  return null;
}

const DUE_PROBLEM_WORDS = {
  chooseDue: 'Choose a due date and time.',
  chooseFutureDue: 'Choose a due date and time in the future.',
} as const;

/**
 * Why a due time cannot be set, or null when it can (the server checks it again). English: pages
 * say it in the reader's language from `dueAtProblemKey`.
 */
export function dueAtProblem(dueAt: number | null, now: number): string | null {
  const key = dueAtProblemKey(dueAt, now);
  return key === null ? null : DUE_PROBLEM_WORDS[key];
}
