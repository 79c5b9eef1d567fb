import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { getUpload, putUpload, storedUploadNames } from './data/upload-repository.ts';
import type { WebTables } from './data/tables.ts';
import { IMAGE_VARIANT_WIDTHS, variantName, type ImageVariantWidth } from '../lib/image-sources.ts';

/**
 * Teacher image uploads (pin-on-image pictures, drawing backgrounds), kept in the database so
 * every web replica serves every image. They are named by the SHA-256 of their bytes, so the same
 * image uploaded twice is stored once and a name can be cached forever. The type comes from the
 * file's magic bytes only: a client's content-type and file name are never trusted. Functions take
 * the database and size limit as parameters so tests need no env.
 */

export type ImageExtension = 'png' | 'jpg' | 'webp' | 'gif';

export const IMAGE_CONTENT_TYPES: Record<ImageExtension, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The only names the serving route accepts: no dots, slashes or other traversal material. */
export const UPLOAD_NAME_PATTERN = /^[a-f0-9]{64}\.(png|jpg|webp|gif)$/;
/** A WebP copy of an upload at one srcset width (see lib/image-sources.ts). */
const VARIANT_NAME_PATTERN = /^([a-f0-9]{64})-w(\d+)\.webp$/;

/**
 * Decoding bounds: an image of more pixels than a 8K screen shot is refused (a tiny file can
 * claim 50,000 × 50,000 pixels and take gigabytes to decode).
 */
const MAX_INPUT_PIXELS = 40_000_000;

export const UPLOADS_URL_PREFIX = '/uploads/';

/** Where the embedded default kept uploads as files before they moved into the database. */
export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The image type the bytes really are, or null when they are none of the accepted types. */
export function sniffImageType(bytes: Uint8Array): ImageExtension | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return null;
}

export function isValidUploadName(name: string): boolean {
  return UPLOAD_NAME_PATTERN.test(name);
}

export type StoreUploadResult =
  | { ok: true; name: string; url: string; width: number; height: number }
  | { ok: false; reason: 'empty' | 'too_large' | 'unsupported_type' | 'unreadable' };

const isVariantWidth = (width: number): width is ImageVariantWidth =>
  (IMAGE_VARIANT_WIDTHS as readonly number[]).includes(width);

/** A WebP copy at most `width` pixels wide (never enlarged); animation (GIF) is not kept. */
function variantOf(bytes: Uint8Array, width: ImageVariantWidth): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** Stores the srcset copies of an upload (not of GIFs, whose animation a still would lose). */
async function storeVariants(
  db: Kysely<WebTables>,
  hash: string,
  variants: Partial<Record<ImageVariantWidth, Uint8Array>>,
  now: number,
): Promise<void> {
  for (const [width, bytes] of Object.entries(variants)) {
    if (!bytes) continue;
    const name = variantName(hash, Number(width) as ImageVariantWidth);
    await putUpload(db, { name, contentType: 'image/webp', bytes }, now);
  }
}

/** Checks and stores one upload; returns its public URL. Idempotent for identical bytes. */
export async function storeUpload(
  db: Kysely<WebTables>,
  bytes: Uint8Array,
  { maxBytes }: { maxBytes: number },
): Promise<StoreUploadResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
  const ext = sniffImageType(bytes);
  if (!ext) return { ok: false, reason: 'unsupported_type' };
  let size: { width: number; height: number };
  const variants: Partial<Record<ImageVariantWidth, Buffer>> = {};
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!meta.width || !meta.height) return { ok: false, reason: 'unreadable' };
    // EXIF orientations 5–8 turn the picture a quarter: the size a browser shows swaps.
    const turned = (meta.orientation ?? 1) >= 5;
    size = turned
      ? { width: meta.height, height: meta.width }
      : { width: meta.width, height: meta.height };
    if (ext !== 'gif') {
      for (const width of IMAGE_VARIANT_WIDTHS) variants[width] = await variantOf(bytes, width);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const name = `${hash}.${ext}`;
  const now = Date.now();
  await putUpload(db, { name, contentType: IMAGE_CONTENT_TYPES[ext], bytes }, now);
  await storeVariants(db, hash, variants, now);
  return { ok: true, name, url: `${UPLOADS_URL_PREFIX}${name}`, ...size };
}

/**
 * Stores an imported page: its JPEG (the fallback) and the WebP copies the converter already
 * made. Returns the JPEG's public URL.
 */
export async function storePageImage(
  db: Kysely<WebTables>,
  page: { original: Uint8Array; variants: Record<'480' | '960' | '1920', Uint8Array> },
): Promise<string> {
  const hash = createHash('sha256').update(page.original).digest('hex');
  const name = `${hash}.jpg`;
  const now = Date.now();
  await putUpload(db, { name, contentType: IMAGE_CONTENT_TYPES.jpg, bytes: page.original }, now);
  await storeVariants(
    db,
    hash,
    { 480: page.variants['480'], 960: page.variants['960'], 1920: page.variants['1920'] },
    now,
  );
  return `${UPLOADS_URL_PREFIX}${name}`;
}

/**
 * The stored image for a public name, or null for invalid or unknown names. A srcset copy that
 * is missing (images stored before copies existed) is made from its original now, and kept.
 */
export async function readUpload(
  db: Kysely<WebTables>,
  name: string,
): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (isValidUploadName(name)) return getUpload(db, name);
  const variant = VARIANT_NAME_PATTERN.exec(name);
  const width = Number(variant?.[2]);
  if (!variant || !isVariantWidth(width)) return null;
  const stored = await getUpload(db, name);
  if (stored) return stored;
  const hash = variant[1]!;
  for (const ext of ['png', 'jpg', 'webp'] as const) {
    const original = await getUpload(db, `${hash}.${ext}`);
    if (!original) continue;
    try {
      const bytes = await variantOf(original.bytes, width);
      await storeVariants(db, hash, { [width]: bytes }, Date.now());
      return { bytes, contentType: 'image/webp' };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Copies the images of an old uploads folder into the database (those not there yet), so a data
 * folder from before keeps every picture its decks show. The files stay where they were.
 */
export async function importUploadFolder(db: Kysely<WebTables>, dir: string): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isValidUploadName);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const stored = await storedUploadNames(db, names);
  let imported = 0;
  for (const name of names) {
    if (stored.has(name)) continue;
    const bytes = await readFile(join(dir, name));
    const ext = sniffImageType(bytes);
    // Only what the name promises: the bytes' hash and type must match it.
    if (!ext || name !== `${createHash('sha256').update(bytes).digest('hex')}.${ext}`) continue;
    await putUpload(db, { name, contentType: IMAGE_CONTENT_TYPES[ext], bytes }, Date.now());
    imported++;
  }
  return imported;
}
