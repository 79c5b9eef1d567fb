import type { Question } from '@classpulse/realtime/protocol';
import type { AnswerClasses } from './classes.ts';
import { EMPTY_DRAFT_VALUES as EMPTY } from './draft.ts';
import { DrawingInput } from './DrawingInput.tsx';
import { MultipleChoiceInput } from './MultipleChoiceInput.tsx';
import { NumberInput } from './NumberInput.tsx';
import { PinOnImageInput } from './PinOnImageInput.tsx';
import { ScaleInput } from './ScaleInput.tsx';
import { ShortTextInput } from './ShortTextInput.tsx';
import type { Draft } from './types.ts';
import { WordCloudInput } from './WordCloudInput.tsx';

interface QuestionInputProps {
  question: Question;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  disabled: boolean;
  errorId: string | undefined;
  classes: AnswerClasses;
}

/**
 * Picks the input for the question's kind. The draft always has the question's kind (the draft
 * hook re-seeds when the kind changes); the EMPTY fallbacks only satisfy the type checker.
 */
export function QuestionInput({ question, draft, onDraft, ...common }: QuestionInputProps) {
  switch (question.kind) {
    case 'multiple-choice':
      return (
        <MultipleChoiceInput
          {...common}
          question={question}
          value={draft.kind === question.kind ? draft.value : EMPTY[question.kind]}
          onChange={(value) => onDraft({ kind: 'multiple-choice', value })}
        />
      );
    case 'short-text':
      return (
        <ShortTextInput
          {...common}
          question={question}
          value={draft.kind === question.kind ? draft.value : EMPTY[question.kind]}
          onChange={(value) => onDraft({ kind: 'short-text', value })}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          question={question}
          value={draft.kind === question.kind ? draft.value : EMPTY[question.kind]}
          onChange={(value) => onDraft({ kind: 'number', value })}
        />
      );
    case 'word-cloud':
      return (
        <WordCloudInput
          {...common}
          question={question}
          value={draft.kind === question.kind ? draft.value : EMPTY[question.kind]}
          onChange={(value) => onDraft({ kind: 'word-cloud', value })}
        />
      );
    case 'scale':
      return (
        <ScaleInput
          {...common}
          question={question}
          value={draft.kind === question.kind ? draft.value : EMPTY[question.kind]}
          onChange={(value) => onDraft({ kind: 'scale', value })}
        />
      );
    case 'drawing':
      return (
        <DrawingInput
          {...common}
          question={question}
          value={draft.kind === question.kind ? draft.value : EMPTY[question.kind]}
          onChange={(value) => onDraft({ kind: 'drawing', value })}
        />
      );
    case 'pin-on-image':
      return (
        <PinOnImageInput
          {...common}
          question={question}
          value={draft.kind === question.kind ? draft.value : EMPTY[question.kind]}
          onChange={(value) => onDraft({ kind: 'pin-on-image', value })}
        />
      );
  }
}
