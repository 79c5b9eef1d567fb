import { LIMITS } from '@classpulse/realtime/protocol';
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
  classes,
}: KindInputProps<'word-cloud', WordCloudDraft>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const boxes = Array.from({ length: question.maxWords }, (_, i) => value[i] ?? '');

  return (
    <QuestionGroup prompt={question.prompt} hintId={hintId} errorId={errorId} classes={classes}>
      <p id={hintId} className={classes.hint}>
        {question.maxWords === 1
          ? 'Enter one word.'
          : `Enter up to ${question.maxWords} words, one word in each box.`}
      </p>
      <div className={classes.wordList}>
        {boxes.map((word, i) => (
          <div key={i} className={cn('field', classes.word)}>
            <label htmlFor={`${id}-${i}`}>{`Word ${i + 1}`}</label>
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
