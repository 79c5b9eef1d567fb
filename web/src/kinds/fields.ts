import type { QuestionKind } from '@classpulse/realtime/protocol';
import type { ComponentType } from 'react';
import { DraggableFields } from './draggable/DraggableFields.tsx';
import { DrawingFields } from './drawing/DrawingFields.tsx';
import { ImageChoiceFields } from './image-choice/ImageChoiceFields.tsx';
import type { KindFieldsProps } from './kind.ts';
import { MultipleChoiceFields } from './multiple-choice/MultipleChoiceFields.tsx';
import { NumberFields } from './number/NumberFields.tsx';
import { PinOnImageFields } from './pin-on-image/PinOnImageFields.tsx';
import { RankingFields } from './ranking/RankingFields.tsx';
import { ScaleFields } from './scale/ScaleFields.tsx';
import { ShortTextFields } from './short-text/ShortTextFields.tsx';
import { SortIntoGroupsFields } from './sort-into-groups/SortIntoGroupsFields.tsx';
import { WordCloudFields } from './word-cloud/WordCloudFields.tsx';

/** Each kind's settings in the deck editor, below the question's prompt. Editor pages only. */
export const KIND_FIELDS: { [K in QuestionKind]: ComponentType<KindFieldsProps<K>> } = {
  'multiple-choice': MultipleChoiceFields,
  'short-text': ShortTextFields,
  number: NumberFields,
  'word-cloud': WordCloudFields,
  scale: ScaleFields,
  drawing: DrawingFields,
  'pin-on-image': PinOnImageFields,
  ranking: RankingFields,
  'sort-into-groups': SortIntoGroupsFields,
  draggable: DraggableFields,
  'image-choice': ImageChoiceFields,
};
