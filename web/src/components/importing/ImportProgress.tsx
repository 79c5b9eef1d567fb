'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { useProgressWords } from './use-progress-words.ts';
import type { ImportStatus, UploadProgress } from './import-api.ts';
import { conversionText, formatBytes } from './progress-text.ts';
import styles from './importing.module.css';

/**
 * Where an import is: the upload (bytes), then the queue or the conversion (pages). Not a live
 * region: the page announces milestones separately, and the numbers here change every moment.
 */
export function ImportProgress({
  fileName,
  uploading,
  upload,
  status,
  offline,
}: {
  fileName: string;
  /** true while the file is being sent; `upload` is how far (null before the first report). */
  uploading: boolean;
  upload: UploadProgress | null;
  /** Once the server has it (null: its first answer is pending). */
  status: ImportStatus | null;
  offline: boolean;
}) {
  const t = useTranslations('teacher');
  const words = useProgressWords();
  const bytes = (n: number) => formatBytes(n, words);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: keyboard and screen-reader users continue from here.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className={`card ${styles.progress}`} aria-labelledby="import-progress-heading">
      <h2
        id="import-progress-heading"
        className={styles.progressHeading}
        ref={headingRef}
        tabIndex={-1}
      >
        {t('importing.importing', { file: fileName })}
      </h2>
      {uploading ? (
        <>
          <progress
            className={styles.bar}
            aria-label={t('importing.uploadProgress')}
            max={upload && upload.total > 0 ? upload.total : undefined}
            value={upload && upload.total > 0 ? upload.loaded : undefined}
          />
          <p className={styles.progressText}>
            {upload && upload.total > 0
              ? upload.loaded >= upload.total
                ? t('importing.uploaded', { size: bytes(upload.total) })
                : t('importing.uploadedOf', {
                    done: bytes(upload.loaded),
                    total: bytes(upload.total),
                  })
              : t('importing.uploading')}
          </p>
        </>
      ) : (
        <>
          <progress
            className={styles.bar}
            aria-label={t('importing.conversionProgress')}
            max={status?.pagesTotal ?? undefined}
            value={status && status.pagesTotal !== null ? status.pagesDone : undefined}
          />
          <p className={styles.progressText}>
            {status ? conversionText(status, words) : t('importing.checking')}
          </p>
          {status?.state === 'queued' ? (
            <p className="field-hint">{t('importing.queuedHint')}</p>
          ) : null}
        </>
      )}
      {offline ? <p className="notice">{t('importing.offline')}</p> : null}
    </section>
  );
}
