'use client';

import {
  LIMITS,
  QUESTION_KINDS,
  type Question,
  type QuestionKind,
  type Slide,
} from '@classpulse/realtime/protocol';
import type { QuestionChange } from '../../kinds/kind.ts';
import { WEB_KINDS } from '../../kinds/registry.ts';
import { withSlideImage, withoutSlideImage } from './deck-ops.ts';
import { slideFieldId } from './field-errors.ts';
import { SelectField, TextField } from './fields.tsx';
import { CopyIcon } from './Icons.tsx';
import { ImagePicker } from './ImagePicker.tsx';
import { withOptionalText } from './question-edits.ts';
import { QuestionFields } from './QuestionFields.tsx';
import styles from './editor.module.css';

type KindChoice = QuestionKind | 'none';

/** Focus lands here when a slide is chosen in the stacked (phone) layout. */
export const SLIDE_EDITOR_HEADING_ID = 'slide-editor-heading';

const KIND_OPTIONS: ReadonlyArray<{ value: KindChoice; label: string }> = [
  { value: 'none', label: 'None (content only)' },
  ...QUESTION_KINDS.map((kind) => ({ value: kind, label: WEB_KINDS[kind].label })),
];

const NO_QUESTION_HINT =
  'Students see the slide’s image, title and text; there is nothing to answer.';

interface SlideEditorProps {
  slide: Slide;
  index: number;
  total: number;
  canDuplicate: boolean;
  onChange: (update: (slide: Slide) => Slide) => void;
  onKindChange: (kind: KindChoice) => void;
  onDuplicate: () => void;
}

/** Every field of the selected slide. Keyed by slide id, so local field state never leaks. */
export function SlideEditor({
  slide,
  index,
  total,
  canDuplicate,
  onChange,
  onKindChange,
  onDuplicate,
}: SlideEditorProps) {
  const kind: KindChoice = slide.question?.kind ?? 'none';
  /**
   * Applied to the slide as it is when the edit lands: an upload finishing must not undo what was
   * typed meanwhile, and an edit for a question whose kind changed since is dropped.
   */
  const changeQuestion = (change: QuestionChange<Question>) =>
    onChange((s) => {
      const latest = s.question;
      if (!latest || latest.kind !== kind) return s;
      return { ...s, question: typeof change === 'function' ? change(latest) : change };
    });
  return (
    <section className={`card ${styles.panel}`} aria-labelledby={SLIDE_EDITOR_HEADING_ID}>
      <header className={styles.panelHeader}>
        <h2 id={SLIDE_EDITOR_HEADING_ID} className={styles.panelTitle} tabIndex={-1}>
          Slide {index + 1} <span className={styles.panelTitleMuted}>of {total}</span>
        </h2>
        <button
          type="button"
          className="button button-secondary"
          onClick={onDuplicate}
          disabled={!canDuplicate}
        >
          <CopyIcon />
          Duplicate<span className="visually-hidden"> slide {index + 1}</span>
        </button>
      </header>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>Content</h3>
        <TextField
          id={slideFieldId(slide.id, 'title')}
          label="Slide title"
          value={slide.title}
          onChange={(title) => onChange((s) => ({ ...s, title }))}
          maxLength={LIMITS.slideTitleMax}
          placeholder="For example: Warm-up"
        />
        <TextField
          id={slideFieldId(slide.id, 'body')}
          label="Slide text"
          value={slide.body}
          onChange={(body) => onChange((s) => ({ ...s, body }))}
          maxLength={LIMITS.slideBodyMax}
          multiline
          rows={4}
          showCount
          placeholder="Context, instructions or a quote students read before answering."
        />
        <ImagePicker
          id={slideFieldId(slide.id, 'slideImage')}
          label="Slide image"
          value={slide.image?.url}
          previewAlt={slide.image?.alt.trim() || 'Slide image (not yet described)'}
          onChange={(image) =>
            onChange((s) => (image ? withSlideImage(s, image) : withoutSlideImage(s)))
          }
        />
        {slide.image ? (
          <TextField
            id={slideFieldId(slide.id, 'slideImageAlt')}
            label="Slide image description"
            hint="Read aloud by screen readers, so every student knows what the picture shows."
            value={slide.image.alt}
            onChange={(alt) =>
              onChange((s) => (s.image ? { ...s, image: { ...s.image, alt } } : s))
            }
            maxLength={LIMITS.slideImageAltMax}
            required
            multiline
            rows={2}
            placeholder="A diagram of the water cycle: evaporation, clouds, rain, rivers"
          />
        ) : null}
        <TextField
          id={slideFieldId(slide.id, 'notes')}
          label="Speaker notes"
          hint="Only you see these: never students or the projector."
          value={slide.notes ?? ''}
          onChange={(notes) => onChange((s) => withOptionalText(s, 'notes', notes))}
          maxLength={LIMITS.slideNotesMax}
          multiline
          rows={3}
          placeholder="What to say or ask while this slide is up."
        />
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>Question</h3>
        <SelectField
          id={slideFieldId(slide.id, 'kind')}
          label="Question type"
          hint={kind === 'none' ? NO_QUESTION_HINT : WEB_KINDS[kind].hint}
          value={kind}
          options={KIND_OPTIONS}
          onChange={onKindChange}
          className={styles.kindField}
        />
        {slide.question ? (
          <QuestionFields slideId={slide.id} question={slide.question} onChange={changeQuestion} />
        ) : null}
      </div>
    </section>
  );
}

export type { KindChoice };
