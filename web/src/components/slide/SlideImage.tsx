import type { SlideImage as SlideImageData } from '@classpulse/realtime/protocol';
import { imageSources } from '../../lib/image-sources.ts';
import styles from './slide-image.module.css';

interface SlideImageProps {
  image: SlideImageData;
  /** The `sizes` attribute: how wide the image shows on this page (default: the viewport). */
  sizes?: string;
  /** Load it at once (the slide in view); others wait until they are near the viewport. */
  eager?: boolean;
  className?: string;
}

/**
 * A slide's picture as every screen shows it: its width and height reserve the space before the
 * bytes arrive (the question's controls never move), and `srcset` lets the browser fetch the copy
 * its screen needs.
 */
export function SlideImage({ image, sizes = '100vw', eager = true, className }: SlideImageProps) {
  const { src, srcSet } = imageSources(image.url, image.width);
  return (
    <img
      className={className ? `${styles.image} ${className}` : styles.image}
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}
