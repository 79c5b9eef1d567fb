/**
 * Where an uploaded image's smaller copies are. Every upload `/uploads/<sha256>.<ext>` has WebP
 * copies `/uploads/<sha256>-w<width>.webp` at the widths below (never wider than the original),
 * made when it is stored and, for images from before, on first request. A page lists them in
 * `srcset` so a phone downloads a phone-sized image and a projector a sharp one; the original is
 * the fallback `src`. Shared by the browser (img attributes) and the server (which copies exist).
 */
export const IMAGE_VARIANT_WIDTHS = [480, 960, 1920] as const;
export type ImageVariantWidth = (typeof IMAGE_VARIANT_WIDTHS)[number];

const UPLOAD_URL = /^\/uploads\/([a-f0-9]{64})\.(png|jpg|webp|gif)$/;

export function variantName(hash: string, width: ImageVariantWidth): string {
  return `${hash}-w${width}.webp`;
}

export interface ImageSources {
  src: string;
  srcSet?: string;
}

/**
 * `src` and `srcSet` for an image `width` pixels wide. Images that are not our uploads (an https
 * URL) have no copies; neither do GIFs, whose animation a still WebP would lose.
 */
export function imageSources(url: string, width?: number): ImageSources {
  const match = UPLOAD_URL.exec(url);
  if (!match || match[2] === 'gif') return { src: url };
  const hash = match[1]!;
  const seen = new Set<number>();
  const entries: string[] = [];
  for (const variant of IMAGE_VARIANT_WIDTHS) {
    // A copy is never wider than its original: describe it by the width it really has.
    const real = width === undefined ? variant : Math.min(variant, width);
    if (seen.has(real)) continue;
    seen.add(real);
    entries.push(`/uploads/${variantName(hash, variant)} ${real}w`);
  }
  return { src: url, srcSet: entries.join(', ') };
}
