import sharp from 'sharp';

/**
 * What the importer stores per page (web/src/importing/encode-page.ts, mirrored here): a JPEG at
 * full size (quality 85, the fallback `src`) and WebP copies (quality 80) at the srcset widths,
 * with one libvips thread (the converter runs beside a live class).
 */
export const VARIANT_WIDTHS = [480, 960, 1920] as const;
sharp.concurrency(1);

export interface EncodeTiming {
  jpegMs: number;
  webpMs: Record<(typeof VARIANT_WIDTHS)[number], number>;
  bytes: { jpeg: number; webp: Record<(typeof VARIANT_WIDTHS)[number], number> };
}

/** Decodes a rendered PNG to raw RGBA (not timed: the importer starts from pixels). */
export async function pixelsOf(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { rgba: data, width: info.width, height: info.height };
}

export async function encodeLikeImporter(
  rgba: Buffer,
  width: number,
  height: number,
): Promise<EncodeTiming> {
  const raw = { raw: { width, height, channels: 4 as const } };
  let started = performance.now();
  const jpeg = await sharp(rgba, raw)
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer();
  const jpegMs = performance.now() - started;
  const webpMs = {} as EncodeTiming['webpMs'];
  const webpBytes = {} as EncodeTiming['bytes']['webp'];
  for (const target of VARIANT_WIDTHS) {
    started = performance.now();
    const webp = await sharp(rgba, raw)
      .flatten({ background: '#ffffff' })
      .resize({ width: target, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    webpMs[target] = performance.now() - started;
    webpBytes[target] = webp.length;
  }
  return { jpegMs, webpMs, bytes: { jpeg: jpeg.length, webp: webpBytes } };
}

/** AVIF at 960 px (the issue names WebP/AVIF): its cost, for the record, on a few pages. */
export async function avifMs(rgba: Buffer, width: number, height: number) {
  const started = performance.now();
  const avif = await sharp(rgba, { raw: { width, height, channels: 4 } })
    .flatten({ background: '#ffffff' })
    .resize({ width: 960 })
    .avif({ quality: 50 })
    .toBuffer();
  return { ms: performance.now() - started, bytes: avif.length };
}
