import PptxGenJS from 'pptxgenjs';
import sharp from 'sharp';
import { crc32, deflateRawSync } from 'node:zlib';
import { writeCompoundFile } from './cfb.ts';
import { seededBytes } from './pdf-encryption.ts';
import type { FixtureFile } from './pdf.ts';
import { storedEntry, writeZip, type ZipEntry } from './zip-writer.ts';

export const PPTX_MIME =
  'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The slide size pptxgenjs' LAYOUT_16x9 gives: 10 × 5.625 inches. */
const SLIDE = { widthIn: 10, heightIn: 5.625 };

/**
 * What `pptxDeck` holds, slide by slide (in order): the texts on the slide, the speaker notes
 * (teacher-only after import), a solid background colour, and an image's colour and place.
 * Regions are fractions of the slide from its top-left corner.
 */
export const PPTX_DECK = {
  slides: [
    {
      texts: ['Photosynthesis', 'How plants make their food'],
      notes: 'Welcome everyone. Ask who has a plant at home before starting.',
    },
    {
      texts: ['A leaf up close'],
      notes: 'Point at the leaf: chlorophyll is what makes it green.',
      image: {
        colour: { r: 34, g: 139, b: 34, hex: '#228b22' },
        region: { left: 5.5 / 10, top: 1.25 / 5.625, right: 9.5 / 10, bottom: 4.25 / 5.625 },
        /** The picture's pixels, as embedded. */
        widthPx: 400,
        heightPx: 300,
      },
    },
    {
      texts: ['Sunlight + water + carbon dioxide = sugar + oxygen'],
      /** The whole slide except its text is this colour. */
      background: { r: 31, g: 78, b: 121, hex: '#1f4e79' },
      /** A point well away from the text (the slide's bottom-right area). */
      backgroundPoint: { x: 0.9, y: 0.9 },
    },
    {
      texts: ['Exit ticket', 'Name two things a plant needs to make sugar.'],
      notes: 'Collect answers on the way out.',
    },
  ],
} as const;

/** pptxgenjs colours: hex without '#'. */
const bare = (hex: string) => hex.slice(1).toUpperCase();

/**
 * A real PowerPoint file made by pptxgenjs (16:9), four slides as `PPTX_DECK` describes:
 * 1. title and subtitle text on white, with speaker notes;
 * 2. a title and a solid forest-green 400 × 300 PNG (made with sharp) on the right, with notes;
 * 3. a solid #1f4e79 background with one white sentence, no notes;
 * 4. two lines of text, with notes.
 * Slide content is the same on every run (the zip's file dates come from pptxgenjs, not us).
 */
export async function pptxDeck(): Promise<FixtureFile> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = 'Photosynthesis';
  const [title, leaf, equation, exit] = PPTX_DECK.slides;

  const first = pptx.addSlide();
  first.addText(title.texts[0], {
    x: 0.5,
    y: 1.5,
    w: 9,
    h: 1.2,
    fontSize: 44,
    bold: true,
    color: '000000',
  });
  first.addText(title.texts[1], { x: 0.5, y: 2.8, w: 9, h: 0.8, fontSize: 24, color: '333333' });
  first.addNotes(title.notes);

  const second = pptx.addSlide();
  second.addText(leaf.texts[0], { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 36, color: '000000' });
  const { colour, region, widthPx, heightPx } = leaf.image;
  const png = await sharp({
    create: {
      width: widthPx,
      height: heightPx,
      channels: 3,
      background: { r: colour.r, g: colour.g, b: colour.b },
    },
  })
    .png()
    .toBuffer();
  second.addImage({
    data: `image/png;base64,${png.toString('base64')}`,
    x: region.left * SLIDE.widthIn,
    y: region.top * SLIDE.heightIn,
    w: (region.right - region.left) * SLIDE.widthIn,
    h: (region.bottom - region.top) * SLIDE.heightIn,
    altText: 'A green leaf',
  });
  second.addNotes(leaf.notes);

  const third = pptx.addSlide();
  third.background = { color: bare(equation.background.hex) };
  third.addText(equation.texts[0], { x: 0.5, y: 0.5, w: 7, h: 1.5, fontSize: 28, color: 'FFFFFF' });

  const fourth = pptx.addSlide();
  fourth.addText(exit.texts[0], {
    x: 0.5,
    y: 0.5,
    w: 9,
    h: 1,
    fontSize: 40,
    bold: true,
    color: '000000',
  });
  fourth.addText(exit.texts[1], { x: 0.5, y: 1.8, w: 9, h: 1, fontSize: 24, color: '000000' });
  fourth.addNotes(exit.notes);

  const bytes = (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array;
  return { fileName: 'photosynthesis.pptx', mimeType: PPTX_MIME, bytes: new Uint8Array(bytes) };
}

/**
 * A password-protected PowerPoint file as Office writes it: not a zip but an OLE compound file
 * (magic D0 CF 11 E0 A1 B1 1A E1) holding an `EncryptionInfo` stream (agile encryption, version
 * 4.4, its XML descriptor) and an `EncryptedPackage` stream (size + ciphertext stand-in).
 */
export function encryptedPptx(): Promise<FixtureFile> {
  const salt = seededBytes('encrypted-pptx:salt', 16).toString('base64');
  const descriptor =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${salt}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${salt}"/>` +
    '</keyEncryptor></keyEncryptors></encryption>';
  const info = Buffer.concat([
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    Buffer.from(descriptor, 'utf8'),
  ]);
  const packageSize = 8192 - 8;
  const encryptedPackage = Buffer.alloc(8192);
  encryptedPackage.writeBigUInt64LE(BigInt(packageSize), 0);
  seededBytes('encrypted-pptx:package', packageSize).copy(encryptedPackage, 8);
  const bytes = writeCompoundFile(
    { name: 'EncryptionInfo', bytes: info },
    { name: 'EncryptedPackage', bytes: encryptedPackage },
  );
  return Promise.resolve({ fileName: 'locked.pptx', mimeType: PPTX_MIME, bytes });
}

/** What the zip bombs hold: `entries` media entries of `entryBytes` zeros each, over 1 GiB in all. */
export const ZIP_BOMB = {
  entries: 17,
  entryBytes: 64 * 1024 * 1024,
  get totalBytes() {
    return this.entries * this.entryBytes;
  },
  /** What the lying variant's headers claim each media entry inflates to. */
  claimedEntryBytes: 4096,
} as const;

let zeroEntry: { data: Buffer; crc32: number } | undefined;
/** 64 MiB of zeros deflated once (~64 KB, ~0.3 s) and reused by every entry and every call. */
function deflatedZeros(): { data: Buffer; crc32: number } {
  if (!zeroEntry) {
    const zeros = Buffer.alloc(ZIP_BOMB.entryBytes);
    zeroEntry = { data: deflateRawSync(zeros, { level: 9 }), crc32: crc32(zeros) };
  }
  return zeroEntry;
}

/** The parts every .pptx starts with, so a bomb passes a "does it look like PowerPoint" check. */
function pptxSkeleton(): ZipEntry[] {
  return [
    storedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
    ),
    storedEntry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>',
    ),
    storedEntry(
      'ppt/presentation.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ),
  ];
}

function bomb(lying: boolean, fileName: string): FixtureFile {
  const zeros = deflatedZeros();
  const media = Array.from({ length: ZIP_BOMB.entries }, (_, i) => ({
    name: `ppt/media/image${i + 1}.png`,
    data: zeros.data,
    crc32: zeros.crc32,
    uncompressedSize: lying ? ZIP_BOMB.claimedEntryBytes : ZIP_BOMB.entryBytes,
  }));
  return { fileName, mimeType: PPTX_MIME, bytes: writeZip([...pptxSkeleton(), ...media]) };
}

/**
 * A .pptx-looking zip (content types, relationships, presentation part) of about 1.1 MB whose 17
 * media entries each inflate to 64 MiB of zeros: 1.06 GiB in all. Its headers are honest.
 */
export function zipBombPptx(): Promise<FixtureFile> {
  return Promise.resolve(bomb(false, 'bomb.pptx'));
}

/**
 * The same bomb, but every media entry's local header AND central-directory entry claim it
 * inflates to 4 KiB (`ZIP_BOMB.claimedEntryBytes`): only counting the bytes actually inflated
 * catches it. The CRCs are those of the real 64 MiB contents.
 */
export function lyingZipBombPptx(): Promise<FixtureFile> {
  return Promise.resolve(bomb(true, 'lying-bomb.pptx'));
}
