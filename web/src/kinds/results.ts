import type { QuestionKind } from '@classpulse/realtime/protocol';
import type { ComponentType } from 'react';
import { DraggableResults } from './draggable/DraggableResults.tsx';
import { DrawingResults } from './drawing/DrawingResults.tsx';
import { ImageChoiceResults } from './image-choice/ImageChoiceResults.tsx';
import type { KindResultsProps } from './kind.ts';
import { MultipleChoiceResults } from './multiple-choice/MultipleChoiceResults.tsx';
import { NumberResults } from './number/NumberResults.tsx';
import { PinOnImageResults } from './pin-on-image/PinOnImageResults.tsx';
import { RankingResults } from './ranking/RankingResults.tsx';
import { ScaleResults } from './scale/ScaleResults.tsx';
import { ShortTextResults } from './short-text/ShortTextResults.tsx';
import { SortIntoGroupsResults } from './sort-into-groups/SortIntoGroupsResults.tsx';
import { WordCloudResults } from './word-cloud/WordCloudResults.tsx';

/**
 * Each kind's live results, for the dashboard, the projector, the student's reveal and the
 * report (rendered on the server there, so no client-only hooks). Without stylesheets: the
 * results view passes its classes down, so the views also render under plain Node in tests.
 */
export const KIND_RESULTS: { [K in QuestionKind]: ComponentType<KindResultsProps<K>> } = {
  'multiple-choice': MultipleChoiceResults,
  'short-text': ShortTextResults,
  number: NumberResults,
  'word-cloud': WordCloudResults,
  scale: ScaleResults,
  drawing: DrawingResults,
  'pin-on-image': PinOnImageResults,
  ranking: RankingResults,
  'sort-into-groups': SortIntoGroupsResults,
  draggable: DraggableResults,
  'image-choice': ImageChoiceResults,
};
