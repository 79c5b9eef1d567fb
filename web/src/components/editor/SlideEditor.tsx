'use client';

import {
  LIMITS,
  QUESTION_KINDS,
  type Question,
  type QuestionKind,
  type Slide,
} from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import type { QuestionChange } from '../../kinds/kind.ts';
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
  const t = useTranslations('editor');
  const kind: KindChoice = slide.question?.kind ?? 'none';
  const kindOptions: ReadonlyArray<{ value: KindChoice; label: string }> = [
    { value: 'none', label: t('slideEditor.noQuestion') },
    ...QUESTION_KINDS.map((k) => ({ value: k, label: t(`kindNames.${k}.label`) })),
  ];
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
          {t.rich('slideEditor.heading', {
            number: index + 1,
            total,
            muted: (chunks) => <span className={styles.panelTitleMuted}>{chunks}</span>,
          })}
        </h2>
        <button
          type="button"
          className="button button-secondary"
          onClick={onDuplicate}
          disabled={!canDuplicate}
        >
          <CopyIcon />
          {t.rich('slideEditor.duplicate', {
            number: index + 1,
            hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
          })}
        </button>
      </header>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('slideEditor.content')}</h3>
        <TextField
          id={slideFieldId(slide.id, 'title')}
          label={t('slideEditor.slideTitle')}
          value={slide.title}
          onChange={(title) => onChange((s) => ({ ...s, title }))}
          maxLength={LIMITS.slideTitleMax}
          placeholder={t('slideEditor.slideTitlePlaceholder')}
        />
        <TextField
          id={slideFieldId(slide.id, 'body')}
          label={t('slideEditor.slideText')}
          value={slide.body}
          onChange={(body) => onChange((s) => ({ ...s, body }))}
          maxLength={LIMITS.slideBodyMax}
          multiline
          rows={4}
          showCount
          placeholder={t('slideEditor.slideTextPlaceholder')}
        />
        <ImagePicker
          id={slideFieldId(slide.id, 'slideImage')}
          label={t('slideEditor.slideImage')}
          value={slide.image?.url}
          previewAlt={slide.image?.alt.trim() || t('slideEditor.slideImageUndescribed')}
          onChange={(image) =>
            onChange((s) => (image ? withSlideImage(s, image) : withoutSlideImage(s)))
          }
        />
        {slide.image ? (
          <TextField
            id={slideFieldId(slide.id, 'slideImageAlt')}
            label={t('slideEditor.slideImageDescription')}
            hint={t('slideEditor.slideImageDescriptionHint')}
            value={slide.image.alt}
            onChange={(alt) =>
              onChange((s) => (s.image ? { ...s, image: { ...s.image, alt } } : s))
            }
            maxLength={LIMITS.slideImageAltMax}
            required
            multiline
            rows={2}
            placeholder={t('slideEditor.slideImageDescriptionPlaceholder')}
          />
        ) : null}
        <TextField
          id={slideFieldId(slide.id, 'notes')}
          label={t('slideEditor.notes')}
          hint={t('slideEditor.notesHint')}
          value={slide.notes ?? ''}
          onChange={(notes) => onChange((s) => withOptionalText(s, 'notes', notes))}
          maxLength={LIMITS.slideNotesMax}
          multiline
          rows={3}
          placeholder={t('slideEditor.notesPlaceholder')}
        />
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('slideEditor.question')}</h3>
        <SelectField
          id={slideFieldId(slide.id, 'kind')}
          label={t('slideEditor.questionType')}
          hint={kind === 'none' ? t('slideEditor.noQuestionHint') : t(`kindNames.${kind}.hint`)}
          value={kind}
          options={kindOptions}
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
