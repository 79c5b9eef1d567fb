'use client';

import { LIMITS, type Slide } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { imageSources } from '../../lib/image-sources.ts';
import { SLIDE_LIST_ID } from './field-errors.ts';
import { slideName } from './slide-name.ts';
import { useUnnamedSlide } from './use-unnamed-slide.ts';
import { FieldErrorList, useContentAttributes, useFieldErrors } from './fields.tsx';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from './Icons.tsx';
import styles from './editor.module.css';

export const selectButtonId = (slideId: string) => `slide-select-${slideId}`;
export const moveButtonId = (slideId: string, direction: 'up' | 'down') =>
  `slide-move-${direction}-${slideId}`;
export const ADD_SLIDE_ID = 'slide-add';

/** A small copy of the slide image; decorative, as the slide's name says which slide it is. */
function Thumbnail({ image }: { image: NonNullable<Slide['image']> }) {
  const { src, srcSet } = imageSources(image.url, image.width);
  return (
    <img
      className={styles.slideThumb}
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? '64px' : undefined}
      width={image.width}
      height={image.height}
      alt=""
      loading="lazy"
      decoding="async"
    />
  );
}

interface SlideListProps {
  slides: readonly Slide[];
  selectedId: string | null;
  problemCounts: ReadonlyMap<string, number>;
  onSelect: (slideId: string) => void;
  onMove: (slideId: string, by: -1 | 1) => void;
  onDelete: (slideId: string) => void;
  onAdd: () => void;
}

/** The deck's slides in order, with select, move and delete; every action is a real button. */
export function SlideList({
  slides,
  selectedId,
  problemCounts,
  onSelect,
  onMove,
  onDelete,
  onAdd,
}: SlideListProps) {
  const t = useTranslations('editor');
  const unnamed = useUnnamedSlide();
  const content = useContentAttributes();
  const listErrors = useFieldErrors(SLIDE_LIST_ID);
  const canAdd = slides.length < LIMITS.slidesMax;
  return (
    <nav className={`card ${styles.sidebar}`} aria-labelledby="slide-list-heading">
      <div className={styles.sidebarHeader}>
        <h2 id="slide-list-heading" className={styles.sidebarTitle}>
          {t('slideList.heading')} <span className={styles.countBadge}>{slides.length}</span>
        </h2>
      </div>
      <FieldErrorList id={SLIDE_LIST_ID} errors={listErrors} />
      <ol id={SLIDE_LIST_ID} tabIndex={-1} className={styles.slideList}>
        {slides.map((slide, index) => {
          const number = index + 1;
          const selected = slide.id === selectedId;
          const problems = problemCounts.get(slide.id) ?? 0;
          const kind = slide.question
            ? t(`kindNames.${slide.question.kind}.label`)
            : t('slideList.contentOnly');
          return (
            <li
              key={slide.id}
              className={`${styles.slideItem} ${selected ? styles.slideItemSelected : ''}`}
            >
              <button
                type="button"
                id={selectButtonId(slide.id)}
                className={styles.slideSelect}
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(slide.id)}
              >
                <span className={styles.slideNumber} aria-hidden="true">
                  {number}
                </span>
                {slide.image ? <Thumbnail image={slide.image} /> : null}
                <span className={styles.slideSummary}>
                  <span className="visually-hidden">{t('slideList.slideNumber', { number })}</span>
                  <span className={styles.slideName} {...content}>
                    {slideName(slide, index, unnamed)}
                  </span>
                  <span className={styles.slideKind}>
                    <span className="visually-hidden">{t('slideList.separator')}</span>
                    {kind}
                  </span>
                  {problems > 0 ? (
                    <span className={styles.problemBadge}>
                      <span className="visually-hidden">{t('slideList.separator')}</span>
                      {t('slideList.problems', { count: problems })}
                    </span>
                  ) : null}
                </span>
              </button>
              <div className={styles.slideActions}>
                <button
                  type="button"
                  id={moveButtonId(slide.id, 'up')}
                  className={styles.slideAction}
                  onClick={() => onMove(slide.id, -1)}
                  disabled={index === 0}
                  title={t('slideList.moveUp')}
                >
                  <ArrowUpIcon />
                  <span className="visually-hidden">{t('slideList.moveSlideUp', { number })}</span>
                </button>
                <button
                  type="button"
                  id={moveButtonId(slide.id, 'down')}
                  className={styles.slideAction}
                  onClick={() => onMove(slide.id, 1)}
                  disabled={index === slides.length - 1}
                  title={t('slideList.moveDown')}
                >
                  <ArrowDownIcon />
                  <span className="visually-hidden">
                    {t('slideList.moveSlideDown', { number })}
                  </span>
                </button>
                <button
                  type="button"
                  className={`${styles.slideAction} ${styles.slideActionDanger}`}
                  onClick={() => onDelete(slide.id)}
                  disabled={slides.length === 1}
                  title={slides.length === 1 ? t('slideList.lastSlide') : t('slideList.delete')}
                >
                  <TrashIcon />
                  <span className="visually-hidden">{t('slideList.deleteSlide', { number })}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={ADD_SLIDE_ID}
        className={`button ${styles.addSlide}`}
        onClick={onAdd}
        disabled={!canAdd}
      >
        <PlusIcon />
        {t('slideList.addSlide')}
      </button>
      {!canAdd ? (
        <p className={styles.hint}>{t('slideList.full', { max: LIMITS.slidesMax })}</p>
      ) : null}
    </nav>
  );
}
