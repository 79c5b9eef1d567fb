import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { QuestionGroup } from '../../components/answer/QuestionGroup.tsx';
import { contentLanguage as langOf } from '../../lib/content-language.ts';
import { toUnit } from '../../components/answer/unit.ts';
import type { KindInputProps } from '../kind.ts';
import type { Pin, PinOnImageDraft } from './kind.ts';
import { percent, pinAfterKey } from './pin.ts';

/**
 * The question's image; a click or tap places the pin, and arrow keys move it while the image has
 * focus. The marker is SVG with percentage coordinates: no inline styles for a CSP to block.
 */
export function PinOnImageInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'pin-on-image', PinOnImageDraft>) {
  const t = useTranslations('kinds.pin');
  const id = useId();
  const hintId = `${id}-hint`;
  // Focused elements' label changes are not re-read, so moves are announced here.
  const [announcement, setAnnouncement] = useState('');
  // Until the picture has loaded the stage has no real height, so a tap would land at "0% down":
  // taps wait for the picture (arrow keys do not need its size).
  const [loaded, setLoaded] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    // A cached picture can finish loading before React attaches onLoad.
    if (image.current?.complete && image.current.naturalWidth > 0) setLoaded(true);
  }, []);

  function place(pin: Pin) {
    onChange(pin);
    setAnnouncement(t('moved', { x: percent(pin.x), y: percent(pin.y) }));
  }

  function handleClick(event: MouseEvent<HTMLDivElement>) {
    if (disabled || !loaded) return;
    const rect = event.currentTarget.getBoundingClientRect();
    place({
      x: toUnit((event.clientX - rect.left) / rect.width),
      y: toUnit((event.clientY - rect.top) / rect.height),
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (disabled) return;
    const next = pinAfterKey(value, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault(); // arrows would scroll the page, Space too
    place(next);
  }

  return (
    <QuestionGroup
      prompt={question.prompt}
      hintId={hintId}
      errorId={errorId}
      language={contentLanguage}
      classes={classes}
    >
      <p id={hintId} className={classes.hint}>
        {t('hint')}
      </p>
      <div
        role="group"
        tabIndex={disabled ? -1 : 0}
        aria-label={
          value
            ? t('position', { x: percent(value.x), y: percent(value.y) })
            : loaded
              ? t('none')
              : t('loading')
        }
        aria-busy={!loaded || undefined}
        aria-disabled={disabled || undefined}
        className={classes.pinStage}
        // Places on a picture are the picture's own: never mirrored in a right-to-left page.
        dir="ltr"
        onClick={handleClick}
        onKeyDown={handleKeyDown}
      >
        <img
          ref={image}
          onLoad={() => setLoaded(true)}
          src={question.imageUrl}
          alt={question.imageAlt}
          {...langOf(contentLanguage)}
          className={classes.pinImage}
          draggable={false}
        />
        {value ? (
          <svg className={classes.pinOverlay} aria-hidden="true" focusable="false">
            {/* Dark and light rings keep the pin visible on any picture. */}
            <circle cx={`${value.x * 100}%`} cy={`${value.y * 100}%`} r="15" fill="#16161d" />
            <circle cx={`${value.x * 100}%`} cy={`${value.y * 100}%`} r="13" fill="#ffffff" />
            <circle cx={`${value.x * 100}%`} cy={`${value.y * 100}%`} r="10" fill="#4338ca" />
            <circle cx={`${value.x * 100}%`} cy={`${value.y * 100}%`} r="3" fill="#ffffff" />
          </svg>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </QuestionGroup>
  );
}
