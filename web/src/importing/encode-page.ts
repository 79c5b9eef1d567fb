import sharp from 'sharp';
import { IMAGE_VARIANT_WIDTHS } from '../lib/image-sources.ts';

/**
 * One rendered page (raw RGBA) as the files a slide image is served from: a JPEG at full size
 * (the fallback every browser shows) and WebP copies at the srcset widths. One libvips thread:
 * the converter runs beside a live class.
 */
sharp.concurrency(1);

export interface EncodedPage {
  original: Buffer;
  variants: Record<'480' | '960' | '1920', Buffer>;
}

export async function encodePage(
  rgba: Buffer,
  width: number,
  height: number,
): Promise<EncodedPage> {
  const raw = { raw: { width, height, channels: 4 as const } };
  const original = await sharp(rgba, raw)
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer();
  const variants = {} as EncodedPage['variants'];
  for (const target of IMAGE_VARIANT_WIDTHS) {
    variants[String(target) as keyof EncodedPage['variants']] = await sharp(rgba, raw)
      .flatten({ background: '#ffffff' })
      .resize({ width: target, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  }
  return { original, variants };
}
