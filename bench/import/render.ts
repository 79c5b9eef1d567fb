import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The width every page is rendered at (the projector's; smaller copies come from it). */
export const RENDER_WIDTH = 1920;

export interface RenderedPage {
  png: Buffer;
  /** Drawing the page (pdf.js onto the canvas). */
  renderMs: number;
  /** Reading its pixels back as RGBA (what the importer hands to sharp). */
  readPixelsMs: number;
  /** Encoding the canvas as PNG (what `pdftoppm -png` does too: the like-for-like figure). */
  pngMs: number;
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDFJS_URL = pathToFileURL(PDFJS_DIR).href;
const standardFontDataUrl = `${PDFJS_URL}/standard_fonts/`;

/**
 * pdf.js (legacy build, for Node) onto @napi-rs/canvas, page after page as the importer does
 * (web/src/importing/render-pdf.ts: the same options, a white page, RENDER_WIDTH wide, pixels
 * read back as RGBA), plus a PNG encode of each canvas for the comparison with poppler.
 */
export async function renderWithPdfjs(data: Uint8Array): Promise<RenderedPage[]> {
  const task = pdfjs.getDocument({
    data: data.slice(),
    enableXfa: false,
    stopAtErrors: true,
    useSystemFonts: false,
    standardFontDataUrl,
    cMapUrl: `${PDFJS_URL}/cmaps/`,
    cMapPacked: true,
    wasmUrl: `${PDFJS_URL}/wasm/`,
    verbosity: 0,
  });
  const pdf = await task.promise;
  const pages: RenderedPage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const started = performance.now();
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({
        scale: RENDER_WIDTH / page.getViewport({ scale: 1 }).width,
      });
      const width = Math.round(viewport.width);
      const height = Math.round(viewport.height);
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: context as never, viewport, canvas: canvas as never })
        .promise;
      const rendered = performance.now();
      context.getImageData(0, 0, width, height);
      const read = performance.now();
      const png = await canvas.encode('png');
      pages.push({
        png,
        renderMs: rendered - started,
        readPixelsMs: read - rendered,
        pngMs: performance.now() - read,
      });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return pages;
}

/** Whether Debian's poppler-utils is installed (`apt-get install poppler-utils`). */
export const hasPdftoppm = () => existsSync('/usr/bin/pdftoppm');

/**
 * Debian poppler: one `pdftoppm [-png] -scale-to-x 1920 -scale-to-y -1` process for the whole
 * file, as an importer would run it: PNG files, or raw pixels (PPM, no encoding: what an importer
 * handing pixels to sharp would read). Its peak RSS comes from GNU time when installed.
 */
export async function renderWithPoppler(
  pdfPath: string,
  outDir: string,
  format: 'png' | 'ppm',
): Promise<{ pages: Buffer[]; totalMs: number; peakRssKiB: number | null }> {
  const timed = existsSync('/usr/bin/time');
  const args = [
    ...(format === 'png' ? ['-png'] : []),
    '-scale-to-x',
    String(RENDER_WIDTH),
    '-scale-to-y',
    '-1',
    pdfPath,
    join(outDir, 'page'),
  ];
  const started = performance.now();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = timed
      ? spawn('/usr/bin/time', ['-f', 'peak-rss-kib=%M', 'pdftoppm', ...args])
      : spawn('pdftoppm', args);
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(err) : reject(new Error(`pdftoppm exited ${code}: ${err}`)),
    );
  });
  const totalMs = performance.now() - started;
  const files = (await readdir(outDir)).filter((f) => f.endsWith(`.${format}`)).sort();
  const pages = await Promise.all(files.map((f) => readFile(join(outDir, f))));
  const peak = /peak-rss-kib=(\d+)/.exec(stderr);
  return { pages, totalMs, peakRssKiB: peak ? Number(peak[1]) : null };
}
