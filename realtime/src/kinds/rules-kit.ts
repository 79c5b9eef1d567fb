/**
 * Pieces of Firebase rule expressions a kind's answer rules are written with. Rules are JSON with
 * one boolean expression per key, evaluated at `sessions/$sessionId/responses/$slideId/$studentId`
 * `/answer/<field>`; `firebase/rules.ts` guards each kind's fields with a check of the answer's
 * `kind`, so a kind's rules only say what its own fields must look like.
 */

/** A rule node: its `.validate` expression and its children's nodes (`$i` for list items). */
export interface RuleNode {
  '.validate'?: string | boolean;
  [child: string]: RuleNode | string | boolean | undefined;
}

/** A kind's answer fields and their rules. */
export type AnswerRules = Readonly<Record<string, RuleNode>>;

const session = `root.child('sessions').child($sessionId)`;

/** The slide's gate: what the session's state says about the question (firebase/layout.ts). */
export const gateSlide = `${session}.child('gate/slides').child($slideId)`;

/** One field of the slide's gate. */
export const gate = (field: string) => `${gateSlide}.child('${field}')`;

/** The value written is one of the ids the gate lists under `field`. */
export const idListedIn = (field: string, value = 'newData.val()') =>
  `${gate(field)}.child(${value}).val() === true`;

export const stringOf = (max: number, min = 1) =>
  `newData.isString() && newData.val().length >= ${min} && newData.val().length <= ${max}`;

export const unitNumber = `newData.isNumber() && newData.val() >= 0 && newData.val() <= 1`;

/** A list item's key: lists of at most ten items are stored under "0" … "9". */
export const listItemKey = `$i.matches(/^[0-9]$/)`;

/** A point on an image in normalized coordinates. */
export const pointRules: RuleNode = {
  '.validate': `newData.hasChildren(['x', 'y'])`,
  x: { '.validate': unitNumber },
  y: { '.validate': unitNumber },
  $other: { '.validate': false },
};
