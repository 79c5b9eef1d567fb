import { LIMITS } from '@classpulse/realtime/protocol';
import type { Stroke } from './kind.ts';

/**
 * The reference canvas drawings replay into, shared with the student's drawing pad through the
 * protocol: points are normalized, but stroke widths are in reference-canvas pixels.
 */
export const DRAWING_WIDTH = LIMITS.drawingReferenceWidth;
export const DRAWING_HEIGHT = LIMITS.drawingReferenceHeight;

function toPoints(points: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    // One decimal of a 400 px canvas is finer than any thumbnail; it keeps the markup small.
    out.push(
      `${((points[i] as number) * DRAWING_WIDTH).toFixed(1)},${((points[i + 1] as number) * DRAWING_HEIGHT).toFixed(1)}`,
    );
  }
  return out.join(' ');
}

function StrokePath({ stroke }: { stroke: Stroke }) {
  // A tap is a one-point stroke: a polyline of one point draws nothing, so draw a dot.
  if (stroke.points.length === 2) {
    return (
      <circle
        cx={(stroke.points[0] ?? 0) * DRAWING_WIDTH}
        cy={(stroke.points[1] ?? 0) * DRAWING_HEIGHT}
        r={stroke.width / 2}
        fill={stroke.color}
      />
    );
  }
  return (
    <polyline
      points={toPoints(stroke.points)}
      fill="none"
      stroke={stroke.color}
      strokeWidth={stroke.width}
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  );
}

export interface DrawingThumbnailProps {
  strokes: readonly Stroke[];
  backgroundImageUrl?: string | undefined;
  label: string;
  className?: string | undefined;
}

export function DrawingThumbnail({
  strokes,
  backgroundImageUrl,
  label,
  className,
}: DrawingThumbnailProps) {
  return (
    <svg
      viewBox={`0 0 ${DRAWING_WIDTH} ${DRAWING_HEIGHT}`}
      role="img"
      aria-label={label}
      className={className}
    >
      {backgroundImageUrl ? (
        <image
          href={backgroundImageUrl}
          width={DRAWING_WIDTH}
          height={DRAWING_HEIGHT}
          preserveAspectRatio="xMidYMid meet"
        />
      ) : null}
      {strokes.map((stroke, i) => (
        <StrokePath key={i} stroke={stroke} />
      ))}
    </svg>
  );
}
