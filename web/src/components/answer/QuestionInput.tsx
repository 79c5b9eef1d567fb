import type { Question, QuestionKind } from '@classpulse/realtime/protocol';
import type { ComponentType } from 'react';
import { KIND_INPUTS } from '../../kinds/inputs.ts';
import type { KindInputProps } from '../../kinds/kind.ts';
import { webKind } from '../../kinds/registry.ts';
import type { AnswerClasses } from './classes.ts';
import type { Draft } from './types.ts';

interface QuestionInputProps {
  question: Question;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  disabled: boolean;
  errorId: string | undefined;
  contentLanguage: string | undefined;
  classes: AnswerClasses;
}

/**
 * The input of the question's kind (kinds/inputs.ts). The draft always has the question's kind
 * (the draft hook re-seeds when the kind changes); the empty draft only satisfies the type checker.
 */
export function QuestionInput({ question, draft, onDraft, ...common }: QuestionInputProps) {
  // A union question cannot be tied to its kind's component by the type checker; both are of one kind.
  const Input = KIND_INPUTS[question.kind] as ComponentType<
    KindInputProps<QuestionKind, Draft['value']>
  >;
  const value = draft.kind === question.kind ? draft.value : webKind(question.kind).emptyDraft;
  return (
    <Input
      {...common}
      question={question}
      value={value}
      onChange={(next) => onDraft({ kind: question.kind, value: next } as Draft)}
    />
  );
}
