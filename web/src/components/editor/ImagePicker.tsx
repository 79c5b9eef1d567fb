'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState, type DragEvent } from 'react';
import { useErrorText } from '../../i18n/use-error-text.ts';
import {
  describe,
  FieldErrorList,
  Hint,
  OptionalMark,
  useEditor,
  useFieldErrors,
} from './fields.tsx';
import { ImageIcon, TrashIcon } from './Icons.tsx';
import styles from './editor.module.css';

const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** An uploaded image: its URL and its size in pixels. */
export interface UploadedImage {
  url: string;
  width: number;
  height: number;
}

interface ImagePickerProps {
  /** DOM id of the file input; validation errors for the image land here. */
  id: string;
  label: string;
  value: string | undefined;
  /**
   * Called with the upload once it is stored (or undefined when removed). It runs after an await:
   * apply it to the latest question or slide (a function edit), never to one captured before.
   */
  onChange: (image: UploadedImage | undefined) => void;
  required?: boolean;
  /** Text alternative shown on the preview (the pin question's image description). */
  previewAlt: string;
}

/** Megabytes with at most one decimal ("5", "2.5"), as the limit is said. */
const megabytes = (bytes: number): number =>
  Number((bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1));

/** Why an upload failed: our own words (a key), or the server's error code. */
type UploadFailure =
  | { failure: 'unreadable' | 'serverTooLarge' | 'signedOut' | 'failed' | 'network' }
  | { code: string };

const isSide = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

/** The image's own size, read by loading it (for an upload answer that does not say it). */
async function naturalSize(url: string): Promise<{ width: number; height: number } | null> {
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    return null;
  }
  return isSide(img.naturalWidth) && isSide(img.naturalHeight)
    ? { width: img.naturalWidth, height: img.naturalHeight }
    : null;
}

async function uploadImage(file: File): Promise<UploadedImage | UploadFailure> {
  const form = new FormData();
  form.append('file', file);
  try {
    const res = await fetch('/api/uploads', { method: 'POST', body: form });
    const body = (await res.json().catch(() => null)) as {
      ok?: boolean;
      url?: string;
      width?: unknown;
      height?: unknown;
      code?: string;
    } | null;
    if (res.ok && body?.ok && typeof body.url === 'string') {
      const { url, width, height } = body;
      if (isSide(width) && isSide(height)) return { url, width, height };
      const size = await naturalSize(url);
      return size ? { url, ...size } : { failure: 'unreadable' };
    }
    if (res.status === 413) return { failure: 'serverTooLarge' };
    if (res.status === 401) return { failure: 'signedOut' };
    if (typeof body?.code === 'string') return { code: body.code };
    return { failure: 'failed' };
  } catch {
    return { failure: 'network' };
  }
}

/**
 * Upload (button or drop) and preview of one image. The server decides what an image is; the
 * checks here only save a round trip for obvious mistakes.
 */
export function ImagePicker({
  id,
  label,
  value,
  onChange,
  required,
  previewAlt,
}: ImagePickerProps) {
  const t = useTranslations('editor');
  const format = useFormatter();
  const errorText = useErrorText();
  const { uploadMaxBytes } = useEditor();
  const size = format.number(megabytes(uploadMaxBytes));
  const schemaErrors = useFieldErrors(id);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const errors = uploadError ? [uploadError, ...schemaErrors] : schemaErrors;

  const upload = async (file: File) => {
    setUploadError(null);
    if (file.type !== '' && !ACCEPTED_TYPES.includes(file.type)) {
      setUploadError(t('imagePicker.wrongType'));
      return;
    }
    if (file.size > uploadMaxBytes) {
      setUploadError(t('imagePicker.tooLarge', { size }));
      return;
    }
    setBusy(true);
    setStatus(t('imagePicker.uploading'));
    const result = await uploadImage(file);
    setBusy(false);
    if ('url' in result) {
      onChange(result);
      setStatus(t('imagePicker.uploaded'));
    } else {
      setStatus('');
      setUploadError('code' in result ? errorText(result) : t(`imagePicker.${result.failure}`));
    }
    if (inputRef.current) inputRef.current.value = '';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void upload(file);
  };

  return (
    <div className={`field ${styles.field}`}>
      <span className={styles.labelText} id={`${id}-label`}>
        {label}
        {required ? null : <OptionalMark />}
      </span>
      <Hint id={id}>
        {t('imagePicker.hint', { size })}
        {value ? null : t('imagePicker.dropHint')}
      </Hint>
      <div
        className={`${styles.imageBox} ${dragging ? styles.imageBoxDragging : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {value ? (
          <img className={styles.imagePreview} src={value} alt={previewAlt} />
        ) : (
          <div className={styles.imagePlaceholder} aria-hidden="true">
            <ImageIcon />
          </div>
        )}
        <div className={styles.imageActions}>
          <span className={styles.fileButton}>
            <input
              ref={inputRef}
              id={id}
              type="file"
              accept={ACCEPTED_TYPES.join(',')}
              className={styles.fileInput}
              aria-labelledby={`${id}-label ${id}-button`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file && !busy) void upload(file);
              }}
              {...describe(id, true, errors)}
            />
            <label htmlFor={id} id={`${id}-button`} className="button button-secondary">
              {busy
                ? t('imagePicker.busy')
                : value
                  ? t('imagePicker.replace')
                  : t('imagePicker.choose')}
            </label>
          </span>
          {value ? (
            <button
              type="button"
              className={`button button-secondary ${styles.dangerText}`}
              onClick={() => {
                onChange(undefined);
                setStatus(t('imagePicker.removed'));
              }}
              disabled={busy}
            >
              <TrashIcon />
              {t('imagePicker.remove')}
            </button>
          ) : null}
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
      <FieldErrorList id={id} errors={errors} />
    </div>
  );
}
