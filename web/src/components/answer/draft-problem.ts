import type { Messages } from 'next-intl';

/** A key of the `kinds.problems` catalog. */
export type ProblemKey = keyof Messages['kinds']['problems'];

export interface DraftProblem {
  key: ProblemKey;
  values?: Record<string, number>;
}

/**
 * The protocol judges answers with English messages (its schemas and `answerProblem`, shared with
 * the server); the form shows them in the student's language. Each message a student can meet
 * maps to its catalog key, numbers kept; anything else is said as a general "doesn't fit".
 */
const PROBLEMS: ReadonlyArray<readonly [RegExp, ProblemKey, string?]> = [
  [/^Choose an option\.$/, 'chooseOption'],
  [/^Choose one option\.$/, 'chooseOne'],
  [/^Choose a picture\.$/, 'choosePicture'],
  [/^Enter a number\.$/, 'enterNumber'],
  [/^Enter a number of at least (-?[\d.e+-]+)\.$/, 'numberAtLeast', 'min'],
  [/^Enter a number of at most (-?[\d.e+-]+)\.$/, 'numberAtMost', 'max'],
  [/^Write an answer\.$/, 'writeAnswer'],
  [/^Use at most (\d+) characters\.$/, 'atMostCharacters', 'max'],
  [/^Enter a word\.$/, 'enterWord'],
  [/^One word per box\.$/, 'oneWordPerBox'],
  [/^Each word has at most (\d+) characters\.$/, 'wordTooLong', 'max'],
  [/^Enter at most (\d+) words\.$/, 'atMostWords', 'max'],
  [/^Choose a number on the scale\.$/, 'chooseOnScale'],
  [/^Choose a value from 1 to (\d+)\.$/, 'scaleRange', 'max'],
  [/^Draw something first\.$/, 'drawSomething'],
  [/^The drawing is too large\.$/, 'drawingTooLarge'],
  [/^The drawing has too many points\.$/, 'drawingTooManyPoints'],
  [/^Place your pin on the picture first\.$/, 'placePin'],
  [/^Put the items in order\.$/, 'putInOrder'],
  [/^Put every item in the order\.$/, 'putEveryItem'],
  [/^Place every item in a group\.$/, 'placeEveryItem'],
  [/^Place every marker on the image\.$/, 'placeEveryMarker'],
  [/^Place every marker on the picture first\.$/, 'placeEveryMarkerFirst'],
  [/^This is missing\.$/, 'missing'],
  [/^This cannot be empty\.$/, 'empty'],
  [/^This has characters that are not allowed\.$/, 'notAllowed'],
];

/** The catalog message for a protocol message, or null for one no student should meet. */
export function draftProblem(message: string): DraftProblem | null {
  for (const [pattern, key, name] of PROBLEMS) {
    const match = pattern.exec(message);
    if (!match) continue;
    return name && match[1] !== undefined ? { key, values: { [name]: Number(match[1]) } } : { key };
  }
  return null;
}
