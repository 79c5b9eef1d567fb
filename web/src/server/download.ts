import { toCsv, type CsvCell } from './csv.ts';

/** A deck title as a safe file name part: letters, digits, "-" and "_" only. */
function downloadName(title: string): string {
  return (
    title
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'session'
  );
}

/** The name a session's download is saved under: `<deck title>-<join code><ending>`. */
export function sessionFileName(title: string, joinCode: string, ending: string): string {
  return `${downloadName(title)}-${joinCode}${ending}`;
}

/** A file the browser saves as `fileName` rather than shows; never cached, like every API answer. */
export function fileDownload(
  body: string | ReadableStream<Uint8Array>,
  contentType: string,
  fileName: string,
): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}

/** Rows as a CSV download, BOM first so spreadsheet apps read UTF-8 names correctly. */
export function csvDownload(rows: readonly (readonly CsvCell[])[], fileName: string): Response {
  return fileDownload(`\uFEFF${toCsv(rows)}`, 'text/csv; charset=utf-8', fileName);
}

type Rows = readonly (readonly CsvCell[])[];

/**
 * Rows as a streamed CSV download: the same bytes as `csvDownload` (CSV of consecutive rows
 * concatenates), written a chunk of rows at a time as the browser reads, so a lecture hall's
 * report is never one string in memory. A failure mid-way aborts the download (the browser shows
 * it failed) rather than ending it short.
 */
export function csvDownloadStream(chunks: AsyncIterable<Rows>, fileName: string): Response {
  return fileDownload(
    textStream(
      (async function* () {
        yield '\uFEFF';
        for await (const rows of chunks) if (rows.length > 0) yield toCsv(rows);
      })(),
    ),
    'text/csv; charset=utf-8',
    fileName,
  );
}

/**
 * A byte stream of the texts `parts` yields, pulled one at a time as the reader asks (so the
 * producer waits for a slow reader); cancelling it (the browser went away) stops the producer.
 */
export function textStream(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = parts[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<string>;
        try {
          next = await iterator.next();
        } catch (error) {
          // Never an AbortError: Next.js takes that for a browser that left and would leave the
          // download open; any other error makes it close the connection, so the browser sees
          // the download failed rather than a file cut short.
          controller.error(new Error('the download failed part-way', { cause: error }));
          return;
        }
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** Rows in chunks of `size` (a generator over an array already in memory). */
export function* inChunks<T>(rows: readonly T[], size = 500): Generator<T[]> {
  for (let from = 0; from < rows.length; from += size) yield rows.slice(from, from + size);
}
