'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { useProgressWords } from './use-progress-words.ts';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchCapabilities,
  startImport,
  type ImportCapabilities,
  type ImportStatus,
  type UploadProgress,
} from './import-api.ts';
import { ImportForm, type ImportChoice } from './ImportForm.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { progressAnnouncement } from './progress-text.ts';
import { useImportPolling } from './use-import-polling.ts';
import styles from './importing.module.css';

/** The deck the pages are added to, or none for a new deck. */
export interface AppendTarget {
  deckId: string;
  title: string;
  slideCount: number;
}

type Phase =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; upload: UploadProgress | null }
  | { kind: 'tracking'; importId: string; status: ImportStatus | null }
  | { kind: 'failed'; message: string; signedOut: boolean };

/** Why an import failed: our own words, or an error code of the server. */
type Failure = { said: 'lost' | 'noDeck' | 'gone' } | { code: string };

const IMPORT_PARAM = 'import';

/**
 * Keeps the running import's id in the address, so a refresh (or a teacher who comes back to the
 * tab) picks the same import up again instead of losing it.
 */
function rememberImport(importId: string | null): void {
  const url = new URL(window.location.href);
  if (importId === null) url.searchParams.delete(IMPORT_PARAM);
  else url.searchParams.set(IMPORT_PARAM, importId);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The teacher's import: choose a PDF or PowerPoint file, watch it upload and convert page by
 * page, land in the deck editor. With `target`, the pages are added to that deck.
 */
export function ImportSlides({
  target,
  resumeImportId,
}: {
  target: AppendTarget | null;
  /** An import this page started before a refresh (from the address). */
  resumeImportId: string | null;
}) {
  const t = useTranslations('teacher');
  const errorText = useErrorText();
  const words = useProgressWords();
  const router = useRouter();
  const [capabilities, setCapabilities] = useState<ImportCapabilities | null>(null);
  const [capabilitiesError, setCapabilitiesError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>(
    resumeImportId === null
      ? { kind: 'choose' }
      : { kind: 'tracking', importId: resumeImportId, status: null },
  );
  const [fileName, setFileName] = useState('');
  const [offline, setOffline] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const lastStatus = useRef<ImportStatus | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const navigated = useRef(false);

  const announce = useCallback((text: string) => {
    // The same sentence twice must still change the region's text to be read again.
    setAnnouncement((current) => (current === text ? `${text}\u00a0` : text));
  }, []);

  useEffect(() => {
    let cancelled = false;
    void fetchCapabilities().then((result) => {
      if (cancelled) return;
      if (result.ok) setCapabilities(result.value);
      else setCapabilitiesError(errorText(result));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const fail = useCallback(
    (failure: Failure, signedOut = false) => {
      rememberImport(null);
      lastStatus.current = null;
      const message = 'code' in failure ? errorText(failure) : t(`importing.${failure.said}`);
      setPhase({ kind: 'failed', message, signedOut });
    },
    [errorText, t],
  );

  useEffect(() => {
    if (phase.kind === 'failed') failureRef.current?.focus();
  }, [phase.kind]);

  const onStatus = useCallback(
    (status: ImportStatus) => {
      const said = progressAnnouncement(lastStatus.current, status, undefined, words);
      lastStatus.current = status;
      if (said) announce(said);
      setFileName(status.fileName);
      if (status.state === 'failed')
        return fail(status.error ? { code: status.error.code } : { said: 'lost' });
      if (status.state === 'done' && status.deckId === null) return fail({ said: 'noDeck' });
      setPhase({ kind: 'tracking', importId: status.id, status });
      if (status.state === 'done' && status.deckId !== null && !navigated.current) {
        navigated.current = true;
        // Replace, not push: Back from the editor must not land on a finished import again.
        router.replace(`/teacher/decks/${encodeURIComponent(status.deckId)}`);
      }
    },
    [announce, fail, router, words],
  );

  useImportPolling(phase.kind === 'tracking' ? phase.importId : null, {
    onStatus,
    onFailure: (failure) =>
      fail(failure.status === 404 ? { said: 'gone' } : failure, failure.signedOut),
    onOffline: setOffline,
  });

  const submit = (choice: ImportChoice) => {
    setFileName(choice.file.name);
    setPhase({ kind: 'uploading', fileName: choice.file.name, upload: null });
    announce(t('importing.saidUploading', { file: choice.file.name }));
    void startImport(
      {
        file: choice.file,
        ...(choice.title !== undefined ? { title: choice.title } : {}),
        ...(target ? { deckId: target.deckId } : {}),
      },
      (upload) =>
        setPhase((current) => (current.kind === 'uploading' ? { ...current, upload } : current)),
    ).then((result) => {
      if (!result.ok) return fail(result, result.signedOut);
      rememberImport(result.value.id);
      // Polling takes it from here (the first poll re-reads this same status).
      setPhase({ kind: 'tracking', importId: result.value.id, status: null });
      onStatus(result.value);
    });
  };

  const heading = target ? t('importing.addTo', { title: target.title }) : t('importing.heading');
  const back = target
    ? {
        href: `/teacher/decks/${encodeURIComponent(target.deckId)}`,
        label: t('importing.backToDeck'),
      }
    : { href: '/teacher', label: t('importing.backToDecks') };

  return (
    <main className="page page-narrow">
      <header className={styles.header}>
        <h1 className={styles.title}>{heading}</h1>
        <Link href={back.href}>{back.label}</Link>
      </header>
      <p className={styles.lead}>
        {target ? t('importing.leadAppend', { count: target.slideCount }) : t('importing.leadNew')}
      </p>
      {capabilitiesError ? <p className="notice">{capabilitiesError}</p> : null}

      {phase.kind === 'choose' ? (
        <ImportForm capabilities={capabilities} appending={target !== null} onSubmit={submit} />
      ) : null}

      {phase.kind === 'uploading' || phase.kind === 'tracking' ? (
        <ImportProgress
          fileName={fileName || (phase.kind === 'uploading' ? phase.fileName : '')}
          uploading={phase.kind === 'uploading'}
          upload={phase.kind === 'uploading' ? phase.upload : null}
          status={phase.kind === 'tracking' ? phase.status : null}
          offline={offline}
        />
      ) : null}

      {phase.kind === 'failed' ? (
        <div className={`card ${styles.failure}`} role="alert" ref={failureRef} tabIndex={-1}>
          <p className="field-error">
            {fileName
              ? t('importing.notImportedFile', { file: fileName })
              : t('importing.notImported')}{' '}
            {phase.message}
          </p>
          {phase.signedOut ? (
            <a href="/teacher/login" target="_blank" rel="noopener">
              {t('importing.signInAgain')}
            </a>
          ) : null}
          <button type="button" className="button" onClick={() => setPhase({ kind: 'choose' })}>
            {t('importing.chooseAnother')}
          </button>
        </div>
      ) : null}

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </main>
  );
}
