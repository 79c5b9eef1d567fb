'use client';

import { LIMITS } from '@classpulse/realtime/protocol';
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
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

/** Refuses what the server would refuse anyway, before minutes of uploading. */
function checkFile(file: File, capabilities: ImportCapabilities | null): string | null {
  const name = file.name.toLowerCase();
  const pptx = name.endsWith('.pptx');
  if (!name.endsWith('.pdf') && !pptx) return 'Use a PDF or a PowerPoint (.pptx) file.';
  if (pptx && capabilities?.pptx === false)
    return 'PowerPoint files cannot be imported on this server yet (see above). Save the file as a PDF and import that.';
  if (capabilities && file.size > capabilities.maxBytes)
    return `The file is too large. Use one up to ${formatBytes(capabilities.maxBytes)}.`;
  return null;
}

/** The file (chosen or dropped), a new deck's title, and what this server can import. */
export function ImportForm({ capabilities, appending, onSubmit }: ImportFormProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
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
    const problem = chosen ? checkFile(chosen, capabilities) : 'Choose a file to import.';
    setFileError(problem);
    if (problem || !chosen) {
      inputRef.current?.focus();
      return;
    }
    onSubmit(appending ? { file: chosen } : { file: chosen, title });
  };

  const limits = capabilities
    ? ` Up to ${formatBytes(capabilities.maxBytes)} and ${capabilities.maxPages} pages.`
    : '';

  return (
    <form className={`card ${styles.form}`} onSubmit={submit} noValidate>
      {capabilities && !capabilities.pptx ? (
        <section className={`notice ${styles.pptxNotice}`} aria-labelledby="pptx-missing-heading">
          <h2 id="pptx-missing-heading" className={styles.noticeHeading}>
            PowerPoint import is not set up on this server
          </h2>
          <p className={styles.help}>
            {capabilities.pptxHelp ?? 'PowerPoint import needs LibreOffice on the server.'}
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
          {pptx ? 'PDF or PowerPoint file' : 'PDF file'}
        </label>
        <p className="field-hint" id={`${FILE_ID}-hint`}>
          {pptx
            ? 'A .pdf or .pptx file (Google Slides and Keynote export both). Each page becomes a slide.'
            : 'A .pdf file. Each page becomes a slide.'}
          {limits} You can also drop the file here.
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
            {fileError}
          </p>
        ) : null}
      </div>
      {appending ? null : (
        <div className="field">
          <label htmlFor="import-title">Deck title</label>
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
            Leave it empty to use the file’s name.
          </p>
        </div>
      )}
      <button type="submit" className="button">
        {appending ? 'Add slides' : 'Import slides'}
      </button>
    </form>
  );
}
