/**
 * The slide converter on real documents and hostile ones: pdf.js renders real pixels, real
 * LibreOffice converts a real PowerPoint file, and every refusal says why and leaves no file
 * behind. No browser or server: these drive the sandboxed converter the web tier registers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import type { ConvertedPage } from '../src/importing/conversion-events.ts';
import { ConversionQueue, QueueFullError } from '../src/importing/conversion-queue.ts';
import type { ConversionLimits } from '../src/importing/converter.ts';
import { findLibreOffice } from '../src/importing/libreoffice.ts';
import { createLocalConverter } from '../src/importing/local-converter.ts';
import { networkIsolationPrefix } from '../src/importing/sandboxed-run.ts';
import { sniffDocument } from '../src/importing/sniff-document.ts';
import {
  MULTI_PAGE_PDF,
  PPTX_DECK,
  encryptedPdf,
  encryptedPptx,
  javascriptPdf,
  lyingZipBombPptx,
  manyPagesPdf,
  multiPagePdf,
  multiPagePdfText,
  notAPdf,
  pptxDeck,
  truncatedPdf,
  zipBombPptx,
  type FixtureFile,
} from './support/import-fixtures.ts';

const LIMITS: ConversionLimits = {
  maxPages: 100,
  unpackedMaxBytes: 512 * 1024 * 1024,
  timeLimitMs: 120_000,
  memoryLimitBytes: 1536 * 1024 * 1024,
};

const libreoffice = findLibreOffice(undefined, '/usr/bin:/bin');

const workFolders = () => readdirSync(tmpdir()).filter((n) => n.startsWith('classpulse-import-'));

/** Converts and returns the pages, or the failure code; asserts no work folder is left. */
async function convert(
  file: FixtureFile,
  kind: 'pdf' | 'pptx',
  limits: Partial<ConversionLimits> = {},
): Promise<{ pages: ConvertedPage[]; total: number | null } | { code: string }> {
  const before = new Set(workFolders());
  const converter = createLocalConverter({ limits: { ...LIMITS, ...limits }, libreoffice });
  const pages: ConvertedPage[] = [];
  let total: number | null = null;
  try {
    await converter.convert(
      { bytes: Buffer.from(file.bytes), kind },
      { onPages: (n) => void (total = n), onPage: (page) => void pages.push(page) },
    );
    return { pages, total };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error) };
  } finally {
    assert.deepEqual(
      workFolders().filter((n) => !before.has(n)),
      [],
      'the conversion leaves no folder behind',
    );
  }
}

function pagesOf(result: Awaited<ReturnType<typeof convert>>): ConvertedPage[] {
  if ('code' in result) assert.fail(`expected pages, got ${result.code}`);
  return result.pages;
}

/** The RGB of the pixel at (x, y), as fractions of the image, in a JPEG or WebP. */
async function pixelAt(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const px = Math.min(info.width - 1, Math.round(x * info.width));
  const py = Math.min(info.height - 1, Math.round(y * info.height));
  const at = (py * info.width + px) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

function assertColour(
  actual: [number, number, number],
  expected: { r: number; g: number; b: number },
  what: string,
) {
  const distance = Math.max(
    Math.abs(actual[0] - expected.r),
    Math.abs(actual[1] - expected.g),
    Math.abs(actual[2] - expected.b),
  );
  assert.ok(
    distance <= 24,
    `${what}: expected ~${JSON.stringify(expected)}, got ${actual.join(',')}`,
  );
}

describe('PDF pages become slide images', () => {
  it('renders every page in order, at 1920 px, with its text layer and srcset copies', async () => {
    const result = await convert(await multiPagePdf(6), 'pdf');
    const pages = pagesOf(result);
    assert.equal('total' in result && result.total, 6);
    assert.deepEqual(
      pages.map((p) => p.index),
      [0, 1, 2, 3, 4, 5],
    );
    for (const page of pages) {
      assert.equal(page.width, 1920);
      assert.equal(page.height, 1080);
      assert.equal(page.text, multiPagePdfText(page.index + 1));
      assert.equal(page.notes, '');
      assert.equal((await sharp(page.original).metadata()).format, 'jpeg');
      for (const width of [480, 960, 1920] as const) {
        const meta = await sharp(page.variants[String(width) as '480']).metadata();
        assert.equal(meta.format, 'webp');
        assert.equal(meta.width, width);
      }
    }
    // The pixels are the page's, not just the right count of images.
    const red = MULTI_PAGE_PDF.firstPageColour;
    assertColour(await pixelAt(pages[0]!.original, 0.5, 0.4), red, 'page 1 is red');
    assertColour(await pixelAt(pages[0]!.variants['480'], 0.9, 0.1), red, 'its phone copy too');
    const { square, squareColour, background, blankPoint } = MULTI_PAGE_PDF.secondPage;
    const centre = { x: (square.left + square.right) / 2, y: (square.top + square.bottom) / 2 };
    assertColour(
      await pixelAt(pages[1]!.original, centre.x, centre.y),
      squareColour,
      'page 2 square',
    );
    assertColour(
      await pixelAt(pages[1]!.original, blankPoint.x, blankPoint.y),
      background,
      'page 2 elsewhere',
    );
  });

  it('imports a PDF with JavaScript as pictures: its script never runs', async () => {
    const pages = pagesOf(await convert(await javascriptPdf(), 'pdf'));
    assert.ok(pages.length >= 1);
  });
});

describe(
  'PowerPoint through real LibreOffice',
  { skip: libreoffice ? false : 'LibreOffice Impress is not installed' },
  () => {
    it('one page per slide, with the slide text and the speaker notes', async () => {
      const pages = pagesOf(await convert(await pptxDeck(), 'pptx'));
      assert.equal(pages.length, PPTX_DECK.slides.length);
      PPTX_DECK.slides.forEach((slide, i) => {
        const page = pages[i]!;
        for (const text of slide.texts)
          assert.ok(page.text.includes(text), `slide ${i + 1} says ${text}`);
        assert.equal(page.notes, 'notes' in slide ? slide.notes : '');
      });
      const withImage = PPTX_DECK.slides[1];
      const region = withImage.image.region;
      assertColour(
        await pixelAt(
          pages[1]!.original,
          (region.left + region.right) / 2,
          (region.top + region.bottom) / 2,
        ),
        withImage.image.colour,
        'the picture on slide 2',
      );
      const coloured = PPTX_DECK.slides[2];
      assertColour(
        await pixelAt(pages[2]!.original, coloured.backgroundPoint.x, coloured.backgroundPoint.y),
        coloured.background,
        'slide 3 background',
      );
    });

    it('stops a conversion at its time limit', async () => {
      assert.deepEqual(await convert(await pptxDeck(), 'pptx', { timeLimitMs: 300 }), {
        code: 'timed_out',
      });
    });
  },
);

describe('hostile files are refused with a reason', () => {
  const cases: Array<[string, () => Promise<FixtureFile>, 'pdf' | 'pptx', string]> = [
    ['a truncated PDF', truncatedPdf, 'pdf', 'malformed'],
    ['a password-protected PDF', encryptedPdf, 'pdf', 'encrypted'],
    ['a 500-page PDF', () => manyPagesPdf(500), 'pdf', 'too_many_pages'],
    ['a zip bomb', zipBombPptx, 'pptx', 'unpacked_too_large'],
    ['a zip bomb whose headers lie', lyingZipBombPptx, 'pptx', 'unpacked_too_large'],
  ];
  for (const [what, make, kind, code] of cases)
    it(`${what}: ${code}`, async () => {
      assert.deepEqual(await convert(await make(), kind), { code });
    });

  it('a conversion over its memory limit is stopped', async () => {
    assert.deepEqual(
      await convert(await multiPagePdf(3), 'pdf', { memoryLimitBytes: 48 * 1024 * 1024 }),
      {
        code: 'out_of_memory',
      },
    );
  });

  it('files are told apart by their bytes', async () => {
    assert.deepEqual(sniffDocument((await multiPagePdf(1)).bytes), { ok: true, kind: 'pdf' });
    assert.deepEqual(sniffDocument((await encryptedPptx()).bytes), {
      ok: false,
      reason: 'encrypted_office',
    });
    assert.deepEqual(sniffDocument((await notAPdf()).bytes), { ok: false, reason: 'unsupported' });
  });
});

describe('the sandbox', () => {
  it(
    'has no network',
    { skip: networkIsolationPrefix() ? false : 'no user namespaces here' },
    () => {
      const prefix = networkIsolationPrefix()!;
      const probe = spawnSync(
        prefix[0]!,
        [
          ...prefix.slice(1),
          process.execPath,
          '-e',
          "require('net').connect(80, '1.1.1.1').on('error', (e) => { console.log(e.code); process.exit(0); })",
        ],
        { encoding: 'utf8', timeout: 10_000 },
      );
      assert.match(probe.stdout, /ENETUNREACH|EHOSTUNREACH|ENETDOWN/);
    },
  );

  it('conversions queue: at most N at once, a bounded line, places reported', async () => {
    const queue = new ConversionQueue(1, 1);
    let release!: () => void;
    const first = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const positions: number[] = [];
    const second = queue.run(
      () => Promise.resolve('second'),
      (p) => positions.push(p),
    );
    await assert.rejects(
      queue.run(() => Promise.resolve('third')),
      QueueFullError,
    );
    assert.deepEqual(queue.size, { running: 1, waiting: 1 });
    release();
    await first;
    assert.equal(await second, 'second');
    assert.deepEqual(positions, [1]);
    assert.deepEqual(queue.size, { running: 0, waiting: 0 });
  });
});
