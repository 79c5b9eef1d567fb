'use client';

import { LIMITS } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useProgressWords } from './use-progress-words.ts';
import type { ImportCapabilities } from './import-api.ts';
import { formatBytes } from './progress-text.ts';
import styles from './importing.module.css';

const PDF_TYPES = ['.pdf', 'application/pdf'];
const PPTX_TYPES = [
  '.pptx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

export interface ImportChoice {
  file: File;
  /** A new deck's title (absent when adding to a deck). */
  title?: string;
}

interface ImportFormProps {
  /** null while the capabilities load; the form works meanwhile (the server checks anyway). */
  capabilities: ImportCapabilities | null;
  /** Adding to an existing deck: no title field. */
  appending: boolean;
  onSubmit: (choice: ImportChoice) => void;
}

const FILE_ID = 'import-file';
const FILE_ERROR_ID = 'import-file-error';

/** "Fractions (week 3).pdf" -> "Fractions (week 3)": a new deck's default title. */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.(pdf|pptx)$/i, '')
    .trim()
    .slice(0, LIMITS.deckTitleMax);
}

type FileProblem = 'wrongType' | 'noPptx' | 'tooLarge';

/** Refuses what the server would refuse anyway, before minutes of uploading. */
function checkFile(file: File, capabilities: ImportCapabilities | null): FileProblem | null {
  const name = file.name.toLowerCase();
  const pptx = name.endsWith('.pptx');
  if (!name.endsWith('.pdf') && !pptx) return 'wrongType';
  if (pptx && capabilities?.pptx === false) return 'noPptx';
  if (capabilities && file.size > capabilities.maxBytes) return 'tooLarge';
  return null;
}

/** The file (chosen or dropped), a new deck's title, and what this server can import. */
export function ImportForm({ capabilities, appending, onSubmit }: ImportFormProps) {
  const t = useTranslations('teacher');
  const words = useProgressWords();
  const maxSize = capabilities ? formatBytes(capabilities.maxBytes, words) : '';
  const problemText = (problem: FileProblem | 'noFile') =>
    problem === 'tooLarge' ? t('importing.tooLarge', { size: maxSize }) : t(`importing.${problem}`);
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [fileError, setFileError] = useState<FileProblem | 'noFile' | null>(null);
  const [dragging, setDragging] = useState(false);
  const pptx = capabilities?.pptx !== false;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileError(chosen ? checkFile(chosen, capabilities) : null);
    if (chosen && !titleEdited) setTitle(titleFromFileName(chosen.name));
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    // Show the dropped file in the input too, so what is sent is what the field says.
    if (inputRef.current) inputRef.current.files = event.dataTransfer.files;
    choose(dropped);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = file ?? inputRef.current?.files?.[0] ?? null;
    const problem = chosen ? checkFile(chosen, capabilities) : 'noFile';
    setFileError(problem);
    if (problem || !chosen) {
      inputRef.current?.focus();
      return;
    }
    onSubmit(appending ? { file: chosen } : { file: chosen, title });
  };

  const limits = capabilities
    ? t('importing.limits', { size: maxSize, pages: capabilities.maxPages })
    : '';

  return (
    <form className={`card ${styles.form}`} onSubmit={submit} noValidate>
      {capabilities && !capabilities.pptx ? (
        <section className={`notice ${styles.pptxNotice}`} aria-labelledby="pptx-missing-heading">
          <h2 id="pptx-missing-heading" className={styles.noticeHeading}>
            {t('importing.noPptxHeading')}
          </h2>
          {/* Setup steps for whoever runs the server, from the server (its commands are English). */}
          <p className={styles.help} lang={capabilities.pptxHelp ? 'en' : undefined}>
            {capabilities.pptxHelp ?? t('importing.noPptxHelp')}
          </p>
        </section>
      ) : null}
      <div
        className={`${styles.dropZone} ${dragging ? styles.dropZoneActive : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={FILE_ID} className={styles.fileLabel}>
          {pptx ? t('importing.fileLabelPptx') : t('importing.fileLabelPdf')}
        </label>
        <p className="field-hint" id={`${FILE_ID}-hint`}>
          {pptx ? t('importing.fileHintPptx') : t('importing.fileHintPdf')}
          {limits}
          {t('importing.dropHint')}
        </p>
        <input
          ref={inputRef}
          id={FILE_ID}
          name="file"
          type="file"
          required
          accept={(pptx ? [...PDF_TYPES, ...PPTX_TYPES] : PDF_TYPES).join(',')}
          className={styles.fileInput}
          aria-describedby={`${FILE_ID}-hint${fileError ? ` ${FILE_ERROR_ID}` : ''}`}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
        />
        {fileError ? (
          <p className="field-error" id={FILE_ERROR_ID} role="alert">
            {problemText(fileError)}
          </p>
        ) : null}
      </div>
      {appending ? null : (
        <div className="field">
          <label htmlFor="import-title">{t('importing.deckTitle')}</label>
          <input
            id="import-title"
            name="title"
            maxLength={LIMITS.deckTitleMax}
            value={title}
            onChange={(event) => {
              setTitle(event.currentTarget.value);
              setTitleEdited(true);
            }}
            aria-describedby="import-title-hint"
          />
          <p className="field-hint" id="import-title-hint">
            {t('importing.deckTitleHint')}
          </p>
        </div>
      )}
      <button type="submit" className="button">
        {appending ? t('importing.submitAppend') : t('importing.submitNew')}
      </button>
    </form>
  );
}
