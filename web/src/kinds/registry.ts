import type { QuestionKind } from '@classpulse/realtime/protocol';
import { draggable, type DraggableDraft } from './draggable/kind.ts';
import { drawing, type DrawingDraft } from './drawing/kind.ts';
import { imageChoice, type ImageChoiceDraft } from './image-choice/kind.ts';
import type { WebKind } from './kind.ts';
import { multipleChoice, type MultipleChoiceDraft } from './multiple-choice/kind.ts';
import { number, type NumberDraft } from './number/kind.ts';
import { pinOnImage, type PinOnImageDraft } from './pin-on-image/kind.ts';
import { ranking, type RankingDraft } from './ranking/kind.ts';
import { scale, type ScaleDraft } from './scale/kind.ts';
import { shortText, type ShortTextDraft } from './short-text/kind.ts';
import { sortIntoGroups, type SortIntoGroupsDraft } from './sort-into-groups/kind.ts';
import { wordCloud, type WordCloudDraft } from './word-cloud/kind.ts';

/**
 * Every question kind the web app knows, without React (server code imports this). The
 * components of each kind are registered per audience: inputs.ts, results.ts, fields.ts.
 */

/** What each kind's input edits before it becomes an answer. */
export interface DraftValues {
  'multiple-choice': MultipleChoiceDraft;
  'short-text': ShortTextDraft;
  number: NumberDraft;
  'word-cloud': WordCloudDraft;
  scale: ScaleDraft;
  drawing: DrawingDraft;
  'pin-on-image': PinOnImageDraft;
  ranking: RankingDraft;
  'sort-into-groups': SortIntoGroupsDraft;
  draggable: DraggableDraft;
  'image-choice': ImageChoiceDraft;
}

export const WEB_KINDS: { [K in QuestionKind]: WebKind<K, DraftValues[K]> } = {
  'multiple-choice': multipleChoice,
  'short-text': shortText,
  number,
  'word-cloud': wordCloud,
  scale,
  drawing,
  'pin-on-image': pinOnImage,
  ranking,
  'sort-into-groups': sortIntoGroups,
  draggable,
  'image-choice': imageChoice,
};

/**
 * A kind's entry. Called with a union (`question.kind`), it is typed for every kind at once
 * (TypeScript cannot tie a question's kind to its entry's parameter types), so pass it only
 * questions, answers and drafts of that same kind.
 */
export function webKind<K extends QuestionKind>(kind: K): WebKind<K, DraftValues[K]> {
  return WEB_KINDS[kind];
}
