import type { ImportStatus } from './import-api.ts';

/*
 * What the import page shows and says while a file converts. The visible line changes with every
 * page; the screen-reader announcement only at milestones (the start, every few pages, the end),
 * so a 60-page deck is a handful of announcements, not sixty.
 */

/** Pages between two spoken progress updates. */
export const ANNOUNCE_EVERY_PAGES = 10;

/** Bytes as a teacher reads them: "850 KB", "12.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024))} KB`;
  // "100 MB", not "100.0 MB"; "12.4 MB" keeps its tenth.
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

const pages = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

/** The visible line under the progress bar. */
export function conversionText(status: ImportStatus): string {
  const total = status.pagesTotal;
  switch (status.state) {
    case 'queued':
      return 'Waiting for another import to finish';
    case 'converting':
      if (total === null) return 'Opening the file…';
      return `Converting page ${Math.min(status.pagesDone + 1, total)} of ${total}`;
    case 'done':
      return `Converted ${pages(total ?? status.pagesDone)}`;
    case 'failed':
      return 'The import stopped';
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
): string | null {
  const total = next.pagesTotal;
  switch (next.state) {
    case 'queued':
      return previous?.state === 'queued' ? null : 'Waiting for another import to finish.';
    case 'converting': {
      const started = previous?.state === 'converting' && previous.pagesTotal !== null;
      if (total === null) return previous?.state === 'converting' ? null : 'Opening the file.';
      if (!started) return `Converting ${pages(total)}.`;
      const before = Math.floor(previous.pagesDone / every);
      const now = Math.floor(next.pagesDone / every);
      return now > before && next.pagesDone < total
        ? `Converted ${next.pagesDone} of ${pages(total)}.`
        : null;
    }
    case 'done':
      return previous?.state === 'done'
        ? null
        : `All ${pages(total ?? next.pagesDone)} converted. Opening the deck editor.`;
    case 'failed':
      return null;
  }
}
