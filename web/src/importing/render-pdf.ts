import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ConversionError } from './conversion-events.ts';
import { pdfLooksComplete } from './sniff-document.ts';

/**
 * PDF pages to pixels with Mozilla's pdf.js in Node (the renderer Firefox uses) on a canvas from
 * @napi-rs/canvas, whose native binary ships inside the npm package. Runs only in the converter
 * child process. Scripts in a PDF never run: pdf.js's Node build has no scripting engine.
 */

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The longest side of a rendered page: sharp on a 1080p projector, a page at most ~15 MB raw. */
export const RENDER_SIDE_PX = 1920;

export interface RenderedPage {
  index: number;
  width: number;
  height: number;
  rgba: Buffer;
  text: string;
}

export async function openPdf(bytes: Uint8Array, maxPages: number): Promise<PDFDocumentProxy> {
  if (!pdfLooksComplete(bytes)) throw new ConversionError('malformed');
  let pdf: PDFDocumentProxy;
  try {
    pdf = await getDocument({
      data: bytes,
      enableXfa: false,
      stopAtErrors: true,
      useSystemFonts: false,
      standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
      cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
      cMapPacked: true,
      wasmUrl: join(PDFJS_DIR, 'wasm') + '/',
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    throw new ConversionError(name === 'PasswordException' ? 'encrypted' : 'malformed');
  }
  if (pdf.numPages > maxPages) {
    throw new ConversionError('too_many_pages');
  }
  return pdf;
}

/** A page's text layer, as reading order gives it, with runs of white space made one. */
async function pageText(page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const run = item;
    text += run.str + (run.hasEOL ? '\n' : ' ');
  }
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export async function renderPage(pdf: PDFDocumentProxy, index: number): Promise<RenderedPage> {
  try {
    const page = await pdf.getPage(index + 1);
    const natural = page.getViewport({ scale: 1 });
    if (!(natural.width > 0 && natural.height > 0)) throw new ConversionError('malformed');
    const scale = RENDER_SIDE_PX / Math.max(natural.width, natural.height);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    // Pages are paper: a transparent page would show the screen's background through it.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const rgba = Buffer.from(context.getImageData(0, 0, width, height).data.buffer);
    const text = await pageText(page);
    page.cleanup();
    return { index, width, height, rgba, text };
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw new ConversionError('malformed');
  }
}
