import type { AnswerFor, Question, QuestionKind, SlideImage } from '@classpulse/realtime/protocol';
import type { AnswerClasses } from '../components/answer/classes.ts';
import type { ResultEntry } from '../components/results/aggregate.ts';
import type { ResultsClasses } from '../components/results/classes.ts';
import type { Words } from '../i18n/words.ts';
import type kinds from '../../messages/kinds/en.json';

/** A message of the `kinds` catalog's `answerWords`: an answer said in words. */
export type AnswerWordsKey = `answerWords.${keyof (typeof kinds)['answerWords']}`;
export type AnswerWords = Words<AnswerWordsKey>;

/**
 * What the web app knows about one question kind (DESIGN.md, convention 11). Each kind's folder
 * exports one `WebKind` (its `kind.ts`) and three components (student input, results, editor
 * fields); `registry.ts`, `inputs.ts`, `results.ts` and `fields.ts` gather them per kind, each
 * typed over every `QuestionKind`, so a kind missing a piece does not compile.
 *
 * `WebKind` holds no React: server code (CSV, report) imports it. The components are registered
 * apart, one map per audience, so the student's first load does not carry the editor or the
 * results, and the report route carries no client components.
 */

export type QuestionOf<K extends QuestionKind> = Extract<Question, { kind: K }>;

/** An editor field for validation issues: its id within the slide, and its name in the summary. */
export interface IssueField {
  field: string;
  name: string;
}

/** A field inside a list (one option) and how the error summary names it ("Option B"). */
export interface IssueTarget {
  field: string;
  detail: string;
}

/**
 * One kind's entry. `D` is its draft: what the student's input edits before it becomes an answer
 * (the raw text of a number box, blank word boxes, no pin yet).
 */
export interface WebKind<K extends QuestionKind, D> {
  // ── editor ──
  /** Its name in the editor's "Question type" picker and slide list. */
  label: string;
  /** What students do, shown under the picker. */
  hint: string;
  /** A new question of this kind with the given prompt (empty for a new slide). */
  newQuestion(prompt: string): QuestionOf<K>;
  /** A duplicated slide's question with fresh ids where it has its own (options); without it the copy shares the question. */
  copyQuestion?(question: QuestionOf<K>): QuestionOf<K>;
  /** The picture the question shows, carried over when the teacher switches to another kind. */
  imageUrl?(question: QuestionOf<K>): string | undefined;
  /** The question showing `url`, unless it already has a picture of its own. */
  withImageUrl?(question: QuestionOf<K>, url: string): QuestionOf<K>;
  /**
   * Kinds answered on a picture (drawing, pin, draggable) take the slide's image as that picture,
   * with its description, unless the question has one of its own (a picture that is `replacing`,
   * the slide's previous image, is not its own). The student's page then shows the image once,
   * as the question's background. Without it, the slide image shows above.
   */
  backgroundFromSlide?(
    question: QuestionOf<K>,
    image: SlideImage,
    replacing: SlideImage | undefined,
  ): QuestionOf<K>;
  /** Editor fields for the deck schema's issues, by the question property they are about (`prompt` is common). */
  issueFields: Readonly<Record<string, IssueField>>;
  /** A finer field for an issue below a property (`options.1.label`: that option), or null. */
  issueTarget?(question: QuestionOf<K>, path: ReadonlyArray<string | number>): IssueTarget | null;

  // ── the student's answer form ──
  /** The draft of a form with nothing chosen or typed yet. */
  emptyDraft: D;
  /** The draft from the student's earlier answer, to edit and send again. */
  draftFromAnswer(answer: AnswerFor<K>): D;
  /**
   * The answer's fields (the form adds `kind`) for the protocol's schema to judge; an incomplete
   * draft leaves fields missing rather than guessing. The question is the one on the student's
   * screen, for drafts that mean "as shown" (a ranking nobody reordered is the order shown).
   */
  draftToCandidate(draft: D, question: QuestionOf<K>): object;
  /** Said when a field is missing or of the wrong type: zod's wording for that is not for children. */
  missingMessage: string;

  // ── reports ──
  /** One line of text for an answer: report tables and CSV cells. No question: the slide changed kind. */
  answerText(question: QuestionOf<K> | undefined, answer: AnswerFor<K>): string;
  /**
   * `answerText` in the reader's language (the report page), for kinds whose text has words of
   * its own ("Drawing (3 strokes)"); kinds without it show the answer's own text as data.
   */
  answerWords?(question: QuestionOf<K> | undefined, answer: AnswerFor<K>): AnswerWords;
  /** The answer as a number a spreadsheet can sum, for kinds whose answer is one. */
  answerNumber?(answer: AnswerFor<K>): number;
  /**
   * The correct answer in words ("Paris or Lyon", "42 ± 0.5"), shown once the teacher reveals it:
   * on the projector (even with results hidden) and under the student's own answer. Null for a
   * poll; kinds whose answer words cannot say (a place on a picture) leave it out. `language`: the
   * deck's (the words are its own), for the "and"/"or" between them and the numbers.
   */
  correctText?(question: QuestionOf<K>, language?: string): string | null;
}

/** Props of a kind's student input; the form owns the draft and the error message. */
export interface KindInputProps<K extends QuestionKind, D> {
  question: QuestionOf<K>;
  value: D;
  onChange: (value: D) => void;
  disabled: boolean;
  /** Id of the visible error message while there is one; inputs reference it and mark themselves invalid. */
  errorId: string | undefined;
  /**
   * The deck's content language (BCP 47), when set: the teacher's words (prompt, options, labels)
   * carry it as `lang`/`dir` (contentLanguage() in lib/content-language.ts); our words do not.
   */
  contentLanguage?: string | undefined;
  classes: AnswerClasses;
}

/** Props of a kind's live results: the chart or list and its data-table alternative. */
export interface KindResultsProps<K extends QuestionKind> {
  question: QuestionOf<K>;
  /** Every entry of the slide; a view counts only its own kind's answers that are not hidden. */
  entries: readonly ResultEntry[];
  /** `projector`: readable from the back of a classroom; `dashboard`: compact. */
  size: 'dashboard' | 'projector';
  correctRevealed: boolean;
  /** Given on the teacher dashboard: lists show hidden answers dimmed, with Hide / Show buttons. */
  onToggleHidden?: ((studentId: string, hidden: boolean) => void) | undefined;
  classes: ResultsClasses;
}

/**
 * An edit of a question: the new question, or a function from the question as it is when the edit
 * lands. An edit made after an await (an image upload) must be a function: the question it saw
 * before the await is stale by then (the teacher kept typing its description meanwhile).
 */
export type QuestionChange<Q> = Q | ((latest: Q) => Q);

/** Props of a kind's editor fields: its settings below the common prompt field. */
export interface KindFieldsProps<K extends QuestionKind> {
  slideId: string;
  question: QuestionOf<K>;
  onChange: (change: QuestionChange<QuestionOf<K>>) => void;
}
