import { deckSchema, plainMessage, type Deck } from '@classpulse/realtime/protocol';
import type * as z from 'zod/mini';
import { webKind } from '../../kinds/registry.ts';

/**
 * Maps validation issues (the client's own `deckSchema` run, or the API's `issues` with paths like
 * "slides.2.question.options.1.label") onto the editor's form fields. Slides and options are found
 * by index in the deck that was validated and named by id, so errors stay on the right field when
 * the teacher reorders slides afterwards.
 */

export const DECK_TITLE_ID = 'deck-title';
export const SLIDE_LIST_ID = 'deck-slides';
export const DECK_LANGUAGE_ID = 'deck-language';

/**
 * Form fields of one slide: `title`, `body`, `slideImage`, `slideImageAlt`, `notes`, `kind` and
 * `prompt` for every slide, and each
 * kind's own (its `issueFields` in kinds/<kind>/kind.ts, such as `option-<optionId>`).
 */
export type SlideField = string;

export const slideFieldId = (slideId: string, field: SlideField): string =>
  `slide-${slideId}-${field}`;

export interface FieldIssue {
  /** DOM id of the field the message belongs next to. */
  fieldId: string;
  /** The slide holding the field; null for deck-level fields. */
  slideId: string | null;
  /** Where the field is, for the summary: "Slide 3 · Option B" (English; see issue-text.ts). */
  where: string;
  /** The slide's number in the summary, or null for deck-level fields. */
  slideNumber: number | null;
  /** The field's English name ("Option B"); issue-text.ts gives it in the teacher's language. */
  fieldName: string;
  /** The schema's English message; issue-text.ts gives it in the teacher's language. */
  message: string;
}

/** Names of the fields every slide has; a kind names its own (`issueFields`). */
const FIELD_NAMES: Record<string, string> = {
  title: 'Slide title',
  body: 'Slide text',
  kind: 'Question',
  prompt: 'Question prompt',
  slideImage: 'Slide image',
  slideImageAlt: 'Slide image description',
  notes: 'Speaker notes',
};

/** Accepts zod's path array or the API's dotted string. */
function segments(path: string | readonly PropertyKey[]): Array<string | number> {
  const parts = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : [...path];
  return parts.map((p) =>
    typeof p === 'number' ? p : /^\d+$/.test(String(p)) ? Number(p) : String(p),
  );
}

function slideTarget(
  deck: Deck,
  slideIndex: number,
  rest: Array<string | number>,
): { slideId: string; field: SlideField; detail?: string } | null {
  const slide = deck.slides[slideIndex];
  if (!slide) return null;
  const [first, second, ...below] = rest;
  if (first === 'body') return { slideId: slide.id, field: 'body' };
  if (first === 'notes') return { slideId: slide.id, field: 'notes' };
  // The slide's own picture: its description has a field; its URL and size come with the upload.
  if (first === 'image')
    return { slideId: slide.id, field: second === 'alt' ? 'slideImageAlt' : 'slideImage' };
  if (first !== 'question') return { slideId: slide.id, field: 'title' };
  const question = slide.question;
  if (!question) return { slideId: slide.id, field: 'kind' };
  if (second === 'prompt') return { slideId: slide.id, field: 'prompt' };
  // Every gradable kind renders the one PointsField (components/editor/PointsField.tsx).
  if (second === 'points') return { slideId: slide.id, field: 'points', detail: 'Points' };
  const kind = webKind(question.kind);
  const finer = second === undefined ? null : kind.issueTarget?.(question, [second, ...below]);
  if (finer) return { slideId: slide.id, ...finer };
  const field =
    typeof second === 'string' && Object.hasOwn(kind.issueFields, second)
      ? kind.issueFields[second]
      : undefined;
  return field
    ? { slideId: slide.id, field: field.field, detail: field.name }
    : { slideId: slide.id, field: 'kind' };
}

/** Places issues on fields of `deck` (the deck that was validated). */
export function placeIssues(
  deck: Deck,
  issues: ReadonlyArray<{ path: string | readonly PropertyKey[]; message: string }>,
): FieldIssue[] {
  const placed: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const [head, index, ...rest] = segments(issue.path);
    let entry: FieldIssue;
    if (head === 'slides' && typeof index === 'number') {
      const target = slideTarget(deck, index, rest);
      if (!target) continue;
      const slideNumber = deck.slides.findIndex((s) => s.id === target.slideId) + 1;
      const name = target.detail ?? FIELD_NAMES[target.field] ?? 'Slide';
      entry = {
        fieldId: slideFieldId(target.slideId, target.field),
        slideId: target.slideId,
        where: `Slide ${slideNumber} · ${name}`,
        slideNumber,
        fieldName: name,
        message: issue.message,
      };
    } else if (head === 'slides') {
      entry = {
        fieldId: SLIDE_LIST_ID,
        slideId: null,
        where: 'Slides',
        slideNumber: null,
        fieldName: 'Slides',
        message: issue.message,
      };
    } else if (head === 'language') {
      entry = {
        fieldId: DECK_LANGUAGE_ID,
        slideId: null,
        where: 'Deck language',
        slideNumber: null,
        fieldName: 'Deck language',
        message: issue.message,
      };
    } else {
      entry = {
        fieldId: DECK_TITLE_ID,
        slideId: null,
        where: 'Deck title',
        slideNumber: null,
        fieldName: 'Deck title',
        message: issue.message,
      };
    }
    const key = `${entry.fieldId}\n${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    placed.push(entry);
  }
  return placed;
}

/** An empty required image fails the URL rule; say what to do instead. */
function editorMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'custom' && issue.path.at(-1) === 'imageUrl' && issue.input === ''
    ? 'Upload an image.'
    : issue.message;
}

export type DeckValidation = { ok: true; deck: Deck } | { ok: false; issues: FieldIssue[] };

/** Runs the protocol's deck schema in the browser, exactly as the API will. */
export function validateDeck(draft: Deck): DeckValidation {
  // reportInput keeps each issue's input, so an empty image can get its own message.
  const result = deckSchema.safeParse(draft, { reportInput: true, error: plainMessage });
  if (result.success) return { ok: true, deck: result.data };
  return {
    ok: false,
    issues: placeIssues(
      draft,
      result.error.issues.map((i) => ({ path: i.path, message: editorMessage(i) })),
    ),
  };
}
