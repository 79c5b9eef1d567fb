import type { ImportStatus } from './import-api.ts';

/*
 * What the import page shows and says while a file converts. The visible line changes with every
 * page; the screen-reader announcement only at milestones (the start, every few pages, the end),
 * so a 60-page deck is a handful of announcements, not sixty.
 */

/** Pages between two spoken progress updates. */
export const ANNOUNCE_EVERY_PAGES = 10;

/** The sentences below, in one language (English by default; the page passes the reader's). */
export interface ProgressWords {
  /** "850 KB", "12.4 MB": `amount` is already rounded. */
  size: (amount: number, unit: 'KB' | 'MB') => string;
  waiting: string;
  opening: string;
  converting: (page: number, total: number) => string;
  converted: (pages: number) => string;
  stopped: string;
  saidWaiting: string;
  saidOpening: string;
  saidConverting: (pages: number) => string;
  saidConvertedOf: (done: number, total: number) => string;
  saidDone: (pages: number) => string;
}

const pages = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

export const ENGLISH_PROGRESS: ProgressWords = {
  size: (amount, unit) => `${amount} ${unit}`,
  waiting: 'Waiting for another import to finish',
  opening: 'Opening the file…',
  converting: (page, total) => `Converting page ${page} of ${total}`,
  converted: (n) => `Converted ${pages(n)}`,
  stopped: 'The import stopped',
  saidWaiting: 'Waiting for another import to finish.',
  saidOpening: 'Opening the file.',
  saidConverting: (n) => `Converting ${pages(n)}.`,
  saidConvertedOf: (done, total) => `Converted ${done} of ${pages(total)}.`,
  saidDone: (n) => `All ${pages(n)} converted. Opening the deck editor.`,
};

/** Bytes as a teacher reads them: "850 KB", "12.4 MB". */
export function formatBytes(bytes: number, words: ProgressWords = ENGLISH_PROGRESS): string {
  if (bytes < 1024 * 1024) return words.size(Math.max(0, Math.round(bytes / 1024)), 'KB');
  // "100 MB", not "100.0 MB"; "12.4 MB" keeps its tenth.
  return words.size(Number((bytes / (1024 * 1024)).toFixed(1)), 'MB');
}

/** The visible line under the progress bar. */
export function conversionText(
  status: ImportStatus,
  words: ProgressWords = ENGLISH_PROGRESS,
): string {
  const total = status.pagesTotal;
  switch (status.state) {
    case 'queued':
      return words.waiting;
    case 'converting':
      if (total === null) return words.opening;
      return words.converting(Math.min(status.pagesDone + 1, total), total);
    case 'done':
      return words.converted(total ?? status.pagesDone);
    case 'failed':
      return words.stopped;
  }
}

/**
 * What the live region says on the change from `previous` (null: the first status this page saw)
 * to `next`, or null to stay quiet. Failures are not here: the page shows them as an alert.
 */
export function progressAnnouncement(
  previous: ImportStatus | null,
  next: ImportStatus,
  every = ANNOUNCE_EVERY_PAGES,
  words: ProgressWords = ENGLISH_PROGRESS,
): string | null {
  const total = next.pagesTotal;
  switch (next.state) {
    case 'queued':
      return previous?.state === 'queued' ? null : words.saidWaiting;
    case 'converting': {
      const started = previous?.state === 'converting' && previous.pagesTotal !== null;
      if (total === null) return previous?.state === 'converting' ? null : words.saidOpening;
      if (!started) return words.saidConverting(total);
      const before = Math.floor(previous.pagesDone / every);
      const now = Math.floor(next.pagesDone / every);
      return now > before && next.pagesDone < total
        ? words.saidConvertedOf(next.pagesDone, total)
        : null;
    }
    case 'done':
      return previous?.state === 'done' ? null : words.saidDone(total ?? next.pagesDone);
    case 'failed':
      return null;
  }
}
