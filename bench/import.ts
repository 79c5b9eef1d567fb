/**
 * npm run bench:import — turning a 60-page lesson PDF into slide images, as the deck importer
 * does, with the two renderers the issue names measured side by side in the same run:
 *
 * (a) Mozilla's pdf.js (pdfjs-dist legacy build) in Node onto @napi-rs/canvas, one page after the
 *     other, with the importer's options (web/src/importing/render-pdf.ts); and
 * (b) Debian's poppler, `pdftoppm -png -scale-to-x 1920 -scale-to-y -1` over the whole file
 *     (bench only: `apt-get install --no-install-recommends poppler-utils`).
 *
 * Both render every page 1920 px wide. Reported: ms per page (pdf.js drawing, reading pixels and
 * PNG encoding apart) against poppler writing raw pixels (PPM) and PNG, the ratios, each one's
 * peak RSS, and the cost of what the importer stores per page with sharp (a JPEG at full size and
 * WebP at 480/960/1920; AVIF at 960 on a few pages for the record). The deck is
 * web/test/support/import-fixtures.ts `pdfWithText(60)`: per page a title bar, five lines of text,
 * shapes and its own 960×540 JPEG photo. BENCH_IMPORT_PAGES changes the page count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { pdfWithText } from '../web/test/support/import-fixtures.ts';
import {
  avifMs,
  encodeLikeImporter,
  pixelsOf,
  VARIANT_WIDTHS,
  type EncodeTiming,
} from './import/encode.ts';
import { hasPdftoppm, RENDER_WIDTH, renderWithPdfjs, renderWithPoppler } from './import/render.ts';
import { createLocalConverter } from '../web/src/importing/local-converter.ts';

const PAGES = Number(process.env.BENCH_IMPORT_PAGES ?? 60);
if (!Number.isInteger(PAGES) || PAGES < 1) throw new Error('BENCH_IMPORT_PAGES: a page count');
/** The target: a 60-page deck imports within a minute on this machine. */
const TARGET_MS_PER_PAGE = 60_000 / 60;
const AVIF_PAGES = 5;

const perPage = (ms: number) => (ms / PAGES).toFixed(0);
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const scratch = mkdtempSync(join(tmpdir(), 'classpulse-bench-import-'));
try {
  const deck = await pdfWithText(PAGES);
  const pdfPath = join(scratch, deck.fileName);
  writeFileSync(pdfPath, deck.bytes);
  process.stdout.write(
    `\nnpm run bench:import — ${PAGES}-page PDF (${(deck.bytes.length / 1024 / 1024).toFixed(1)} MiB) to ${RENDER_WIDTH}-px pages, same machine, same run\n`,
  );

  // Warm-up: pdf.js's code and fonts loaded, libvips started, so page 1 is not a cold start.
  await renderWithPdfjs((await pdfWithText(1)).bytes);
  const rssBefore = process.resourceUsage().maxRSS;
  const pdfjsStarted = performance.now();
  const pdfjsPages = await renderWithPdfjs(deck.bytes);
  const pdfjsTotal = performance.now() - pdfjsStarted;
  const pdfjsPeak = process.resourceUsage().maxRSS;
  const render = sum(pdfjsPages.map((p) => p.renderMs));
  const readPixels = sum(pdfjsPages.map((p) => p.readPixelsMs));
  const png = sum(pdfjsPages.map((p) => p.pngMs));

  const rows: Array<Record<string, string | number>> = [
    {
      renderer: 'pdf.js + @napi-rs/canvas: draw',
      'ms/page': perPage(render),
    },
    {
      renderer: 'pdf.js: draw + read RGBA (what the importer does)',
      'ms/page': perPage(render + readPixels),
    },
    {
      renderer: 'pdf.js: draw + PNG',
      'ms/page': perPage(render + png),
      'peak RSS': `${mib(pdfjsPeak)} (process; ${mib(rssBefore)} before)`,
    },
  ];

  if (hasPdftoppm()) {
    const poppler = await renderWithPoppler(pdfPath, mkdtempSync(join(scratch, 'png-')), 'png');
    const raw = await renderWithPoppler(pdfPath, mkdtempSync(join(scratch, 'ppm-')), 'ppm');
    for (const run of [poppler, raw])
      if (run.pages.length !== PAGES)
        throw new Error(`pdftoppm wrote ${run.pages.length} pages, not ${PAGES}`);
    const [ours, theirs] = await Promise.all(
      [pdfjsPages[0]!.png, poppler.pages[0]!].map((p) => sharp(p).metadata()),
    );
    const rss = (kib: number | null) => (kib === null ? '?' : mib(kib));
    rows.push(
      {
        renderer: 'poppler pdftoppm (raw PPM, no encoding; baseline)',
        'ms/page': perPage(raw.totalMs),
        'peak RSS': rss(raw.peakRssKiB),
      },
      {
        renderer: 'poppler pdftoppm -png',
        'ms/page': perPage(poppler.totalMs),
        'peak RSS': rss(poppler.peakRssKiB),
      },
      {
        renderer: 'ratio pdf.js draw + read RGBA / poppler raw',
        'ms/page': `${((render + readPixels) / raw.totalMs).toFixed(2)}×`,
      },
      {
        renderer: 'ratio pdf.js draw + PNG / poppler -png',
        'ms/page': `${((render + png) / poppler.totalMs).toFixed(2)}×`,
      },
    );
    process.stdout.write(
      `(page size: pdf.js ${ours!.width}×${ours!.height}, poppler ${theirs!.width}×${theirs!.height}; pdf.js total with page loading ${(pdfjsTotal / 1000).toFixed(1)} s)\n`,
    );
  } else {
    rows.push({
      renderer: 'poppler: not installed (apt-get install --no-install-recommends poppler-utils)',
      'ms/page': '-',
    });
  }
  console.table(rows);

  // What the importer stores per page, from the pages pdf.js rendered.
  const timings: EncodeTiming[] = [];
  let avif = { ms: 0, bytes: 0 };
  for (const [i, page] of pdfjsPages.entries()) {
    const { rgba, width, height } = await pixelsOf(page.png);
    timings.push(await encodeLikeImporter(rgba, width, height));
    if (i < AVIF_PAGES) {
      const one = await avifMs(rgba, width, height);
      avif = { ms: avif.ms + one.ms, bytes: avif.bytes + one.bytes };
    }
  }
  const kib = (bytes: number) => (bytes / 1024 / PAGES).toFixed(0);
  const encodeRows: Array<Record<string, string | number>> = [
    {
      output: 'JPEG 1920 q85 (fallback src)',
      'ms/page': perPage(sum(timings.map((t) => t.jpegMs))),
      'KiB/page': kib(sum(timings.map((t) => t.bytes.jpeg))),
    },
    ...VARIANT_WIDTHS.map((w) => ({
      output: `WebP ${w} q80`,
      'ms/page': perPage(sum(timings.map((t) => t.webpMs[w]))),
      'KiB/page': kib(sum(timings.map((t) => t.bytes.webp[w]))),
    })),
    {
      output: 'all four (what each page costs)',
      'ms/page': perPage(
        sum(timings.map((t) => t.jpegMs + sum(VARIANT_WIDTHS.map((w) => t.webpMs[w])))),
      ),
      'KiB/page': '',
    },
    {
      output: `AVIF 960 q50 (first ${AVIF_PAGES} pages, not stored)`,
      'ms/page': (avif.ms / AVIF_PAGES).toFixed(0),
      'KiB/page': (avif.bytes / 1024 / AVIF_PAGES).toFixed(0),
    },
  ];
  process.stdout.write('\nsharp, one libvips thread, per page:\n');
  console.table(encodeRows);

  const pipeline =
    render +
    readPixels +
    sum(timings.map((t) => t.jpegMs + sum(VARIANT_WIDTHS.map((w) => t.webpMs[w]))));
  process.stdout.write(
    `\npdf.js draw + read + encode: ${perPage(pipeline)} ms/page, ${(pipeline / 1000).toFixed(1)} s for ${PAGES} pages ` +
      `(${(pipeline / PAGES / TARGET_MS_PER_PAGE).toFixed(2)}× the one-minute-per-60-pages budget; storing and the child process's start are not included)\n`,
  );

  // The importer itself: the sandboxed, low-priority child process the app runs (no network, time
  // and memory limits), from bytes in to every page's files read back, against the in-process
  // figure above as its baseline.
  const converter = createLocalConverter({
    limits: {
      maxPages: 100,
      unpackedMaxBytes: 512 * 1024 * 1024,
      timeLimitMs: 600_000,
      memoryLimitBytes: 1536 * 1024 * 1024,
    },
    libreoffice: null,
  });
  const importStarted = performance.now();
  let converted = 0;
  await converter.convert(
    { bytes: Buffer.from(deck.bytes), kind: 'pdf' },
    { onPages: () => undefined, onPage: () => void converted++ },
  );
  const importMs = performance.now() - importStarted;
  if (converted !== PAGES) throw new Error(`the converter made ${converted} pages, not ${PAGES}`);
  process.stdout.write(
    `the app's converter (sandboxed child, nice 10): ${(importMs / 1000).toFixed(1)} s for ${PAGES} pages, ` +
      `${(importMs / pipeline).toFixed(2)}× the in-process pipeline, ` +
      `${(importMs / PAGES / TARGET_MS_PER_PAGE).toFixed(2)}× the one-minute-per-60-pages budget\n`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
