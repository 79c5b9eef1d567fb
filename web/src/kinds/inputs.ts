import type { QuestionKind } from '@classpulse/realtime/protocol';
import type { ComponentType } from 'react';
import { DraggableInput } from './draggable/DraggableInput.tsx';
import { DrawingInput } from './drawing/DrawingInput.tsx';
import { ImageChoiceInput } from './image-choice/ImageChoiceInput.tsx';
import type { KindInputProps } from './kind.ts';
import { MultipleChoiceInput } from './multiple-choice/MultipleChoiceInput.tsx';
import { NumberInput } from './number/NumberInput.tsx';
import { PinOnImageInput } from './pin-on-image/PinOnImageInput.tsx';
import { RankingInput } from './ranking/RankingInput.tsx';
import type { DraftValues } from './registry.ts';
import { ScaleInput } from './scale/ScaleInput.tsx';
import { ShortTextInput } from './short-text/ShortTextInput.tsx';
import { SortIntoGroupsInput } from './sort-into-groups/SortIntoGroupsInput.tsx';
import { WordCloudInput } from './word-cloud/WordCloudInput.tsx';

/**
 * Each kind's answer input, for the student's answer form. Apart from the registry so that the
 * student page loads inputs only, and no stylesheet: the form passes its classes down (the
 * render test runs under Node, which cannot import CSS).
 */
export const KIND_INPUTS: {
  [K in QuestionKind]: ComponentType<KindInputProps<K, DraftValues[K]>>;
} = {
  'multiple-choice': MultipleChoiceInput,
  'short-text': ShortTextInput,
  number: NumberInput,
  'word-cloud': WordCloudInput,
  scale: ScaleInput,
  drawing: DrawingInput,
  'pin-on-image': PinOnImageInput,
  ranking: RankingInput,
  'sort-into-groups': SortIntoGroupsInput,
  draggable: DraggableInput,
  'image-choice': ImageChoiceInput,
};
