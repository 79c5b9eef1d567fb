import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { inflateSync, strFromU8, unzipSync } from 'fflate';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  CFB_MAGIC,
  ENCRYPTED_PDF_PASSWORD,
  MULTI_PAGE_PDF,
  PDF_JAVASCRIPT,
  PPTX_DECK,
  ZIP_BOMB,
  encryptedPdf,
  encryptedPptx,
  javascriptPdf,
  lyingZipBombPptx,
  manyPagesPdf,
  multiPagePdf,
  multiPagePdfText,
  notAPdf,
  pdfWithText,
  pptxDeck,
  truncatedPdf,
  zipBombPptx,
} from './support/import-fixtures.ts';

const standardFontDataUrl = `${
  pathToFileURL(
    join(
      dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
      'standard_fonts',
    ),
  ).href
}/`;

/** Opens a PDF the way the importer does (pdf.js gets its own copy: it detaches the buffer). */
function openPdf(bytes: Uint8Array, password?: string) {
  return pdfjs.getDocument({
    data: bytes.slice(),
    password,
    standardFontDataUrl,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}

async function pageText(pdf: pdfjs.PDFDocumentProxy, n: number): Promise<string> {
  const content = await (await pdf.getPage(n)).getTextContent();
  return content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join('')
    .trim();
}

/** Renders page `n` 480 px wide and returns a reader of its pixels at fractional positions. */
async function renderPage(pdf: pdfjs.PDFDocumentProxy, n: number) {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: 480 / page.getViewport({ scale: 1 }).width });
  const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
  const context = canvas.getContext('2d');
  await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return (x: number, y: number) => {
    const i = (Math.floor(y * height) * width + Math.floor(x * width)) * 4;
    return { r: data[i], g: data[i + 1], b: data[i + 2] };
  };
}

describe('deck-import fixtures', () => {
  it('multiPagePdf: 6 pages with their text lines; page 1 red, page 2 a black square on white', async () => {
    const pdf = await openPdf((await multiPagePdf()).bytes);
    assert.equal(pdf.numPages, 6);
    for (const n of [1, 2, 3, 6]) assert.equal(await pageText(pdf, n), multiPagePdfText(n));

    const first = await renderPage(pdf, 1);
    const red = { r: 255, g: 0, b: 0 };
    for (const [x, y] of [
      [0.01, 0.01],
      [0.5, 0.5],
      [0.99, 0.99],
      [0.1, 0.9],
    ] as const) {
      assert.deepEqual(first(x, y), red, `page 1 at ${x},${y}`);
    }
    const second = await renderPage(pdf, 2);
    const { square, blankPoint } = MULTI_PAGE_PDF.secondPage;
    assert.deepEqual(second((square.left + square.right) / 2, (square.top + square.bottom) / 2), {
      r: 0,
      g: 0,
      b: 0,
    });
    assert.deepEqual(second(square.left + 0.01, square.top + 0.01), { r: 0, g: 0, b: 0 });
    assert.deepEqual(second(square.left - 0.02, square.top + 0.1), { r: 255, g: 255, b: 255 });
    assert.deepEqual(second(blankPoint.x, blankPoint.y), { r: 255, g: 255, b: 255 });
    await pdf.loadingTask.destroy();
  });

  it('pdfWithText: one page per slide, each with its title in the text layer and an image', async () => {
    const pdf = await openPdf((await pdfWithText(3)).bytes);
    assert.equal(pdf.numPages, 3);
    assert.match(await pageText(pdf, 3), /^Page 3: Comparing fractions/);
    const operators = await (await pdf.getPage(2)).getOperatorList();
    assert.ok(operators.fnArray.includes(pdfjs.OPS.paintImageXObject), 'page 2 paints an image');
    await pdf.loadingTask.destroy();
  });

  it('pptxDeck: a real .pptx with the expected slides, notes, picture and background', async () => {
    const parts = unzipSync((await pptxDeck()).bytes);
    const slides = PPTX_DECK.slides.map((_, i) =>
      strFromU8(parts[`ppt/slides/slide${i + 1}.xml`]!),
    );
    assert.equal(
      Object.keys(parts).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length,
      4,
    );
    PPTX_DECK.slides.forEach((expected, i) => {
      for (const text of expected.texts)
        assert.ok(slides[i]!.includes(text), `slide ${i + 1} has "${text}"`);
    });
    const notes = Object.entries(parts)
      .filter(([name]) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    for (const slide of PPTX_DECK.slides)
      if ('notes' in slide) assert.ok(notes.includes(slide.notes));
    assert.ok(slides[1]!.includes('<p:pic>'), 'slide 2 has a picture');
    assert.ok(
      Object.keys(parts).some((name) => name.startsWith('ppt/media/') && name.endsWith('.png')),
    );
    assert.ok(
      slides[2]!.includes(
        `<a:srgbClr val="${PPTX_DECK.slides[2].background.hex.slice(1).toUpperCase()}"`,
      ),
    );
  });

  it('encryptedPdf needs its password: PasswordException without it, one page with it', async () => {
    const { bytes } = await encryptedPdf();
    await assert.rejects(openPdf(bytes), (error: Error & { code?: number }) => {
      assert.equal(error.name, 'PasswordException');
      assert.equal(error.code, pdfjs.PasswordResponses.NEED_PASSWORD);
      return true;
    });
    await assert.rejects(openPdf(bytes, 'wrong'), { name: 'PasswordException' });
    const pdf = await openPdf(bytes, ENCRYPTED_PDF_PASSWORD);
    assert.equal(pdf.numPages, 1);
    assert.equal(await pageText(pdf, 1), 'Secret page');
    await pdf.loadingTask.destroy();
  });

  it('truncatedPdf is half a PDF: its header but no end', async () => {
    const whole = (await multiPagePdf()).bytes;
    const { bytes } = await truncatedPdf();
    assert.equal(bytes.length, Math.floor(whole.length / 2));
    const text = Buffer.from(bytes).toString('latin1');
    assert.ok(text.startsWith('%PDF-'));
    assert.ok(!text.includes('%%EOF'));
  });

  it('javascriptPdf carries an OpenAction script and a JavaScript name tree', async () => {
    const pdf = await openPdf((await javascriptPdf()).bytes);
    assert.equal(pdf.numPages, 1);
    assert.equal(await pdf.hasJSActions(), true);
    const scripts = await pdf.getJSActions();
    assert.deepEqual(scripts?.get('OpenAction'), [PDF_JAVASCRIPT]);
    assert.deepEqual(scripts?.get('init'), [PDF_JAVASCRIPT], 'the /Names /JavaScript tree');
    await pdf.loadingTask.destroy();
  });

  it('manyPagesPdf(500) has 500 pages', async () => {
    const pdf = await openPdf((await manyPagesPdf(500)).bytes);
    assert.equal(pdf.numPages, 500);
    assert.equal(await pageText(pdf, 500), 'Page 500');
    await pdf.loadingTask.destroy();
  });

  it('notAPdf is refused by pdf.js as invalid', async () => {
    await assert.rejects(openPdf((await notAPdf()).bytes), { name: 'InvalidPDFException' });
  });

  it('encryptedPptx is an OLE compound file, not a zip', async () => {
    const { bytes } = await encryptedPptx();
    assert.deepEqual(bytes.subarray(0, 8), CFB_MAGIC);
    const names = Buffer.from(bytes).toString('utf16le');
    assert.ok(names.includes('EncryptionInfo') && names.includes('EncryptedPackage'));
    assert.throws(() => unzipSync(bytes));
  });

  it('zip bombs look like .pptx and inflate past 1 GiB; the lying one claims 4 KiB per entry', async () => {
    for (const [make, claimed] of [
      [zipBombPptx, ZIP_BOMB.entryBytes],
      [lyingZipBombPptx, ZIP_BOMB.claimedEntryBytes],
    ] as const) {
      const { bytes } = await make();
      assert.ok(bytes.length < 2 * 1024 * 1024, 'small on disk');
      const entries: { name: string; originalSize: number }[] = [];
      unzipSync(bytes, { filter: (file) => (entries.push(file), false) });
      assert.ok(entries.some((e) => e.name === '[Content_Types].xml'));
      const media = entries.filter((e) => e.name.startsWith('ppt/media/'));
      assert.equal(media.length, ZIP_BOMB.entries);
      for (const entry of media) assert.equal(entry.originalSize, claimed);
    }
    assert.ok(ZIP_BOMB.totalBytes > 1024 ** 3);
    // The lying bomb's first media entry really inflates to 64 MiB (its local header starts
    // right after the three small stored parts: read its offset from the central directory).
    const { bytes } = await lyingZipBombPptx();
    const view = Buffer.from(bytes);
    const centralStart = view.readUInt32LE(view.length - 22 + 16);
    let at = centralStart;
    for (let i = 0; i < 3; i++) at += 46 + view.readUInt16LE(at + 28);
    const localAt = view.readUInt32LE(at + 42);
    const compressed = view.readUInt32LE(localAt + 18);
    const dataAt = localAt + 30 + view.readUInt16LE(localAt + 26);
    assert.equal(
      inflateSync(view.subarray(dataAt, dataAt + compressed)).length,
      ZIP_BOMB.entryBytes,
    );
  });
});
