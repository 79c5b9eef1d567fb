import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Teacher image uploads (pin-on-image pictures, drawing backgrounds). Files are named by the
 * SHA-256 of their bytes, so the same image uploaded twice is stored once and a name can be cached
 * forever. The type comes from the file's magic bytes only: a client's content-type and file name
 * are never trusted. Functions take the folder and size limit as parameters so tests need no env.
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

export const UPLOADS_URL_PREFIX = '/uploads/';

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
  | { ok: true; name: string; url: string }
  | { ok: false; reason: 'empty' | 'too_large' | 'unsupported_type' };

export interface UploadOptions {
  /** Folder the files live in (`uploadsDir(webConfig().dataDir)` in the app). */
  dir: string;
  maxBytes: number;
}

/** Checks and stores one upload; returns its public URL. Idempotent for identical bytes. */
export async function storeUpload(
  bytes: Uint8Array,
  { dir, maxBytes }: UploadOptions,
): Promise<StoreUploadResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
  const ext = sniffImageType(bytes);
  if (!ext) return { ok: false, reason: 'unsupported_type' };

  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  await mkdir(dir, { recursive: true });
  // Write to a temporary name and rename, so a reader never sees a half-written file.
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, join(dir, name));
  } finally {
    await rm(temp, { force: true });
  }
  return { ok: true, name, url: `${UPLOADS_URL_PREFIX}${name}` };
}

/** The stored file for a public name, or null for invalid or unknown names. */
export async function readUpload(
  name: string,
  dir: string,
): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = UPLOAD_NAME_PATTERN.exec(name);
  if (!match) return null;
  const ext = match[1] as ImageExtension;
  try {
    const bytes = await readFile(join(dir, name));
    return { bytes, contentType: IMAGE_CONTENT_TYPES[ext] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
