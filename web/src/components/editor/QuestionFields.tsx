'use client';

import { LIMITS, type Question, type QuestionKind } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import type { ComponentType } from 'react';
import { KIND_FIELDS } from '../../kinds/fields.ts';
import type { KindFieldsProps, QuestionChange } from '../../kinds/kind.ts';
import { slideFieldId } from './field-errors.ts';
import { TextField } from './fields.tsx';

interface QuestionFieldsProps {
  slideId: string;
  question: Question;
  onChange: (change: QuestionChange<Question>) => void;
}

/** The prompt and the kind-specific settings of one slide's question (kinds/fields.ts). */
export function QuestionFields({ slideId, question, onChange }: QuestionFieldsProps) {
  const t = useTranslations('editor');
  // A union question cannot be tied to its kind's fields by the type checker; both are of one kind.
  const KindFields = KIND_FIELDS[question.kind] as ComponentType<KindFieldsProps<QuestionKind>>;
  return (
    <>
      <TextField
        id={slideFieldId(slideId, 'prompt')}
        label={t('questionFields.prompt')}
        value={question.prompt}
        onChange={(prompt) => onChange((latest) => ({ ...latest, prompt }))}
        maxLength={LIMITS.promptMax}
        multiline
        rows={2}
        required
        placeholder={t('questionFields.promptPlaceholder')}
      />
      <KindFields slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
