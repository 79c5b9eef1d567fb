import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ConversionError,
  isConversionError,
  type ConversionEvent,
  type ConversionJob,
  pageFiles,
} from './conversion-events.ts';
import { encodePage } from './encode-page.ts';
import { convertToPdf } from './libreoffice.ts';
import { readPptx, type PptxSlide } from './pptx-reader.ts';
import { openPdf, renderPage } from './render-pdf.ts';

/**
 * The converter child process: `node convert-program.ts '<ConversionJob JSON>'`. Reads one
 * untrusted document, writes each page's image files to the job's work folder and reports on
 * stdout, one JSON event per line (conversion-events.ts). Its parent bounds its time, memory and
 * network (sandboxed-run.ts); everything here assumes the document is hostile.
 */

function emit(event: ConversionEvent): Promise<void> {
  return new Promise((resolve) =>
    process.stdout.write(`${JSON.stringify(event)}\n`, () => resolve()),
  );
}

async function convert(job: ConversionJob): Promise<void> {
  const bytes = await readFile(job.input);
  let pdfBytes: Uint8Array = bytes;
  let slides: PptxSlide[] | null = null;
  if (job.kind === 'pptx') {
    slides = await readPptx(bytes, { unpackedMaxBytes: job.unpackedMaxBytes });
    if (slides.length === 0) throw new ConversionError('malformed');
    if (slides.length > job.maxPages) throw new ConversionError('too_many_pages');
    if (!job.libreoffice) throw new ConversionError('libreoffice_missing');
    pdfBytes = await convertToPdf(job.libreoffice, job.input, job.workDir);
  }
  const pdf = await openPdf(new Uint8Array(pdfBytes), job.maxPages);
  await emit({ type: 'pages', total: pdf.numPages });
  // Notes belong to slides by position: only when LibreOffice made one page per slide.
  const bySlide = slides && slides.length === pdf.numPages ? slides : null;
  for (let index = 0; index < pdf.numPages; index++) {
    const page = await renderPage(pdf, index);
    const encoded = await encodePage(page.rgba, page.width, page.height);
    const files = pageFiles(index);
    await writeFile(join(job.workDir, files.original), encoded.original);
    for (const width of ['480', '960', '1920'] as const) {
      await writeFile(join(job.workDir, files.variants[width]), encoded.variants[width]);
    }
    const slide = bySlide?.[index];
    await emit({
      type: 'page',
      index,
      width: page.width,
      height: page.height,
      text: (slide?.text || page.text).slice(0, 20_000),
      notes: (slide?.notes ?? '').slice(0, 20_000),
      files,
    });
  }
  await emit({ type: 'done' });
}

const job = JSON.parse(process.argv[2] ?? '{}') as ConversionJob;
try {
  await convert(job);
} catch (error) {
  // For the parent's log only: the teacher sees the code's words, never this.
  if (!isConversionError(error))
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  await emit({
    type: 'error',
    code: isConversionError(error) ? error.code : 'conversion_failed',
  });
}
process.exit(0);
