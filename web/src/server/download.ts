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
export function fileDownload(body: string, contentType: string, fileName: string): Response {
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
