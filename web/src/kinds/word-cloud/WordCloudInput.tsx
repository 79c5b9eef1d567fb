import { LIMITS } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { cn } from '../../components/answer/classes.ts';
import { QuestionGroup } from '../../components/answer/QuestionGroup.tsx';
import type { KindInputProps } from '../kind.ts';
import type { WordCloudDraft } from './kind.ts';

/** One text box per word, up to the question's `maxWords`. */
export function WordCloudInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'word-cloud', WordCloudDraft>) {
  const t = useTranslations('kinds.wordCloud');
  const id = useId();
  const hintId = `${id}-hint`;
  const boxes = Array.from({ length: question.maxWords }, (_, i) => value[i] ?? '');

  return (
    <QuestionGroup
      prompt={question.prompt}
      hintId={hintId}
      errorId={errorId}
      language={contentLanguage}
      classes={classes}
    >
      <p id={hintId} className={classes.hint}>
        {question.maxWords === 1 ? t('oneWord') : t('upTo', { max: question.maxWords })}
      </p>
      <div className={classes.wordList}>
        {boxes.map((word, i) => (
          <div key={i} className={cn('field', classes.word)}>
            <label htmlFor={`${id}-${i}`}>{t('word', { number: i + 1 })}</label>
            <input
              id={`${id}-${i}`}
              type="text"
              maxLength={LIMITS.wordCloudWordMax}
              autoComplete="off"
              value={word}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onChange(boxes.map((w, j) => (j === i ? text : w)));
              }}
              disabled={disabled}
              aria-invalid={errorId ? true : undefined}
              aria-describedby={errorId}
            />
          </div>
        ))}
      </div>
    </QuestionGroup>
  );
}
