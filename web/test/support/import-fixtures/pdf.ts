import {
  PDFDocument,
  PDFName,
  PDFString,
  StandardFonts,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import sharp from 'sharp';
import { revision6Security, seededBytes } from './pdf-encryption.ts';

/** A generated file, as a teacher would upload it. */
export interface FixtureFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export const PDF_MIME = 'application/pdf';

/** Every generated PDF page is 16:9, 960 × 540 points (a widescreen slide). */
export const PDF_PAGE = { widthPt: 960, heightPt: 540 } as const;

/** What `multiPagePdf` draws, for tests that check rendered pixels. Regions are fractions of the
 *  page measured from its top-left corner, so they hold at any rendering width. */
export const MULTI_PAGE_PDF = {
  /** Page 1 is entirely this colour (its text line is drawn in the same red). */
  firstPageColour: { r: 255, g: 0, b: 0, hex: '#ff0000' },
  /** Page 2: white, with a black square centred in the left half. */
  secondPage: {
    background: { r: 255, g: 255, b: 255, hex: '#ffffff' },
    squareColour: { r: 0, g: 0, b: 0, hex: '#000000' },
    square: { left: 120 / 960, top: 150 / 540, right: 360 / 960, bottom: 390 / 540 },
    /** The right half's centre: white, well away from the square and the text. */
    blankPoint: { x: 0.75, y: 0.5 },
  },
} as const;

const TOPICS = [
  'Fractions warm-up',
  'Halves and quarters',
  'Comparing fractions',
  'Equivalent fractions',
  'Adding fractions',
  'Exit ticket',
];

/** The one text line on page `n` (1-based) of `multiPagePdf`, as the text layer holds it. */
export function multiPagePdfText(n: number): string {
  return `Page ${n}: ${TOPICS[(n - 1) % TOPICS.length]}`;
}

async function newDocument(title: string): Promise<PDFDocument> {
  // No producer or dates: the same bytes on every run.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  return doc;
}

async function saved(doc: PDFDocument, fileName: string): Promise<FixtureFile> {
  return { fileName, mimeType: PDF_MIME, bytes: await doc.save() };
}

function addSlidePage(doc: PDFDocument): PDFPage {
  return doc.addPage([PDF_PAGE.widthPt, PDF_PAGE.heightPt]);
}

/**
 * `pages` (default 6) widescreen pages, each with one text line `multiPagePdfText(n)` in the text
 * layer (Helvetica, a standard font, so nothing is embedded):
 * - page 1: entirely pure red (#ff0000), the text drawn red on red near the bottom-left;
 * - page 2: white with a black 240-pt square centred in the left half (`MULTI_PAGE_PDF`), the
 *   text in black along the bottom;
 * - pages 3+: white with the text in black at the top-left.
 */
export async function multiPagePdf(pages = 6): Promise<FixtureFile> {
  const doc = await newDocument('Fractions lesson');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = addSlidePage(doc);
    const text = multiPagePdfText(n);
    if (n === 1) {
      page.drawRectangle({
        x: 0,
        y: 0,
        width: PDF_PAGE.widthPt,
        height: PDF_PAGE.heightPt,
        color: rgb(1, 0, 0),
      });
      page.drawText(text, { x: 40, y: 40, size: 28, font, color: rgb(1, 0, 0) });
    } else if (n === 2) {
      // pdf-lib measures y from the bottom: the square spans 150..390 pt from the top.
      page.drawRectangle({
        x: 120,
        y: PDF_PAGE.heightPt - 390,
        width: 240,
        height: 240,
        color: rgb(0, 0, 0),
      });
      page.drawText(text, { x: 40, y: 30, size: 20, font, color: rgb(0, 0, 0) });
    } else {
      page.drawText(text, {
        x: 40,
        y: PDF_PAGE.heightPt - 70,
        size: 36,
        font,
        color: rgb(0, 0, 0),
      });
    }
  }
  return saved(doc, 'fractions-lesson.pdf');
}

/** A lesson's paragraph for `pdfWithText`: ordinary classroom prose, different on every page. */
function bodyLines(n: number): string[] {
  return [
    `Learning goal ${n}: explain the idea in your own words and give one example.`,
    'Work with a partner for three minutes, then share one sentence with the class.',
    `Key words: numerator, denominator, equivalent, simplify, compare (set ${n}).`,
    'Remember: the denominator says how many equal parts make one whole.',
    'Challenge: can you find two different ways to show the same amount?',
  ];
}

/** A 960 × 540 JPEG photo stand-in: a smooth two-colour gradient whose hue changes per page. */
async function pagePhoto(n: number): Promise<Uint8Array> {
  const width = 960;
  const height = 540;
  const raw = Buffer.alloc(width * height * 3);
  const hue = (n * 47) % 256;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (hue + (x * 255) / width) & 255;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 255 - hue;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

function drawLessonPage(
  page: PDFPage,
  n: number,
  fonts: { regular: PDFFont; bold: PDFFont },
): void {
  const h = PDF_PAGE.heightPt;
  page.drawRectangle({
    x: 0,
    y: h - 90,
    width: PDF_PAGE.widthPt,
    height: 90,
    color: rgb(0.12, 0.31, 0.47),
  });
  page.drawText(`Page ${n}: ${TOPICS[(n - 1) % TOPICS.length]}`, {
    x: 40,
    y: h - 60,
    size: 32,
    font: fonts.bold,
    color: rgb(1, 1, 1),
  });
  bodyLines(n).forEach((line, i) => {
    page.drawText(line, {
      x: 40,
      y: h - 140 - i * 28,
      size: 15,
      font: fonts.regular,
      color: rgb(0.1, 0.1, 0.1),
      maxWidth: 440,
    });
  });
  // A fraction bar and a pie: the shapes a maths slide has.
  for (let part = 0; part < 4; part++) {
    page.drawRectangle({
      x: 40 + part * 100,
      y: 60,
      width: 100,
      height: 50,
      color: part < (n % 4) + 1 ? rgb(0.95, 0.6, 0.1) : rgb(1, 1, 1),
      borderColor: rgb(0, 0, 0),
      borderWidth: 2,
    });
  }
  page.drawEllipse({
    x: 500,
    y: 85,
    xScale: 40,
    yScale: 40,
    color: rgb(0.2, 0.6, 0.3),
    borderColor: rgb(0, 0, 0),
    borderWidth: 2,
  });
  page.drawLine({
    start: { x: 40, y: 130 },
    end: { x: 520, y: 130 },
    thickness: 1.5,
    color: rgb(0.5, 0.5, 0.5),
  });
}

/**
 * A realistic lesson deck for the import benchmark: every page has a dark title bar with
 * "Page N: <topic>", five lines of body text, a fraction bar (rectangles), a circle, a rule,
 * and its own embedded 960 × 540 JPEG photo (a gradient) on the right half.
 */
export async function pdfWithText(pages: number): Promise<FixtureFile> {
  const doc = await newDocument('Fractions unit');
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  for (let n = 1; n <= pages; n++) {
    const page = addSlidePage(doc);
    drawLessonPage(page, n, fonts);
    const photo = await doc.embedJpg(await pagePhoto(n));
    page.drawImage(photo, { x: 520, y: 110, width: 400, height: 225 });
  }
  return saved(doc, `lesson-${pages}-pages.pdf`);
}

/** `multiPagePdf()` cut in half: starts like a PDF, has no cross-reference table or trailer. */
export async function truncatedPdf(): Promise<FixtureFile> {
  const whole = (await multiPagePdf()).bytes;
  return {
    fileName: 'truncated.pdf',
    mimeType: PDF_MIME,
    bytes: whole.slice(0, Math.floor(whole.length / 2)),
  };
}

/** The user password `encryptedPdf` needs (a test may open it to prove it is a real PDF). */
export const ENCRYPTED_PDF_PASSWORD = 'fractions-2026';

/**
 * A one-page PDF protected with a user password (`ENCRYPTED_PDF_PASSWORD`): standard security
 * handler revision 6 (AES-256), its page content encrypted. The empty password does not open it:
 * pdf.js throws a PasswordException (code 1, NEED_PASSWORD). Its one page reads "Secret page".
 */
export async function encryptedPdf(): Promise<FixtureFile> {
  const security = revision6Security(ENCRYPTED_PDF_PASSWORD, 'owner-only-2026', 'encrypted-pdf');
  const content = security.encrypt(
    Buffer.from('BT /F1 36 Tf 40 470 Td (Secret page) Tj ET', 'latin1'),
    'page-1',
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PDF_PAGE.widthPt} ${PDF_PAGE.heightPt}] ` +
      '/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< ${security.dictionary} >>`,
  ];
  const id = seededBytes('encrypted-pdf:id', 16).toString('hex');
  return {
    fileName: 'locked.pdf',
    mimeType: PDF_MIME,
    bytes: writeRawPdf(objects, `/Encrypt 6 0 R /ID [<${id}> <${id}>]`),
  };
}

/** A PDF written object by object, with a correct cross-reference table (objects numbered from 1). */
function writeRawPdf(objects: readonly (string | Buffer)[], trailerExtra: string): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** The script `javascriptPdf` carries (it must never run: it would try to reach the network). */
export const PDF_JAVASCRIPT =
  "app.launchURL('http://127.0.0.1:9/pwned', true); app.alert('pwned');";

/**
 * A one-page PDF (white, "Page 1: Fractions warm-up") whose catalog has an /OpenAction
 * JavaScript action and a /Names /JavaScript name tree holding `PDF_JAVASCRIPT`, plus a page
 * annotation whose action is JavaScript too. A safe importer renders the page and runs nothing.
 */
export async function javascriptPdf(): Promise<FixtureFile> {
  const doc = await newDocument('Scripted');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = addSlidePage(doc);
  page.drawText(multiPagePdfText(1), { x: 40, y: PDF_PAGE.heightPt - 70, size: 36, font });
  const action = () =>
    doc.context.register(
      doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(PDF_JAVASCRIPT) }),
    );
  doc.catalog.set(PDFName.of('OpenAction'), action());
  doc.catalog.set(
    PDFName.of('Names'),
    doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of('init'), action()] }) }),
  );
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, PDF_PAGE.widthPt, PDF_PAGE.heightPt],
      Border: [0, 0, 0],
      A: action(),
    }),
  );
  page.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  return saved(doc, 'scripted.pdf');
}

/**
 * `pages` (default 500) tiny 16:9 pages (160 × 90 pt), each reading "Page N", to be refused as
 * too many pages. Built in well under a second: one font, one short text line per page.
 */
export async function manyPagesPdf(pages = 500): Promise<FixtureFile> {
  const doc = await newDocument('Too many pages');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    doc.addPage([160, 90]).drawText(`Page ${n}`, { x: 10, y: 40, size: 12, font });
  }
  return saved(doc, `${pages}-pages.pdf`);
}

/** Plain text that only calls itself a PDF: a `.pdf` name, the PDF MIME type, no %PDF header. */
export function notAPdf(): Promise<FixtureFile> {
  const text = 'Dear class,\nthis is a note saved with the wrong extension. It is not a PDF.\n';
  return Promise.resolve({
    fileName: 'notes.pdf',
    mimeType: PDF_MIME,
    bytes: new TextEncoder().encode(text),
  });
}
