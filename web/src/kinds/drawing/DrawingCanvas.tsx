import { useEffect, useRef, type PointerEvent } from 'react';
import { canStartStroke, pointBytes, remainingBudget, strokeBytes } from './drawing-budget.ts';
import { paintStroke, paintStrokes, scaledLineWidth } from './paint-strokes.ts';
import { toUnit } from '../../components/answer/unit.ts';
import type { Stroke } from './kind.ts';

interface DrawingCanvasProps {
  strokes: readonly Stroke[];
  color: string;
  width: number;
  disabled: boolean;
  /** A finished stroke (pointer lifted or cancelled). */
  onStroke: (stroke: Stroke) => void;
  /** The drawing hit a protocol limit; further points are dropped. */
  onFull: () => void;
  label: string;
  describedBy: string | undefined;
  className: string | undefined;
}

interface ActiveStroke {
  pointerId: number;
  stroke: Stroke;
  pointsLeft: number;
  bytesLeft: number;
  full: boolean;
}

/** Points closer than this (CSS px) to the last one add bytes but no visible detail. */
const MIN_SEGMENT_PX = 2;

/** A pointer position as normalized canvas coordinates. */
function unitPoint(rect: DOMRect, event: { clientX: number; clientY: number }): [number, number] {
  return [
    toUnit((event.clientX - rect.left) / rect.width),
    toUnit((event.clientY - rect.top) / rect.height),
  ];
}

/**
 * A canvas drawn on with Pointer Events (mouse, touch and stylus alike). Strokes are kept in
 * normalized coordinates and repainted whenever the canvas changes size, so the picture survives
 * rotation and window resizes. The stroke in progress lives in a ref, not state: re-rendering on
 * every pointer move would make drawing lag on slow Chromebooks.
 */
export function DrawingCanvas({
  strokes,
  color,
  width,
  disabled,
  onStroke,
  onFull,
  label,
  describedBy,
  className,
}: DrawingCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sizeRef = useRef({ width: 0, height: 0 });
  const strokesRef = useRef(strokes);
  const activeRef = useRef<ActiveStroke | null>(null);

  function repaint() {
    const ctx = canvasRef.current?.getContext('2d');
    const { width: w, height: h } = sizeRef.current;
    if (!ctx || w === 0) return;
    paintStrokes(ctx, strokesRef.current, w, h);
    if (activeRef.current) paintStroke(ctx, activeRef.current.stroke, w, h);
  }

  useEffect(() => {
    strokesRef.current = strokes;
    repaint();
  }, [strokes]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width: w, height: h } = entry.contentRect;
      // Backing store at device resolution keeps lines crisp on high-density screens.
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.getContext('2d')?.setTransform(ratio, 0, 0, ratio, 0, 0);
      sizeRef.current = { width: w, height: h };
      repaint();
    });
    observer.observe(canvas);
    return () => observer.disconnect();
    // Once per canvas: repaint reads refs only, so the observer never needs replacing.
  }, []);

  function addPoint(active: ActiveStroke, x: number, y: number) {
    const { points } = active.stroke;
    const { width: w, height: h } = sizeRef.current;
    const lastX = points[points.length - 2] ?? x;
    const lastY = points[points.length - 1] ?? y;
    if (Math.hypot((x - lastX) * w, (y - lastY) * h) < MIN_SEGMENT_PX) return;
    const cost = pointBytes(x, y);
    if (active.pointsLeft < 1 || active.bytesLeft < cost) {
      if (!active.full) onFull();
      active.full = true;
      return;
    }
    points.push(x, y);
    active.pointsLeft -= 1;
    active.bytesLeft -= cost;
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = active.stroke.color;
    ctx.lineWidth = scaledLineWidth(active.stroke.width, w);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(lastX * w, lastY * h);
    ctx.lineTo(x * w, y * h);
    ctx.stroke();
  }

  function handlePointerDown(event: PointerEvent<HTMLCanvasElement>) {
    if (disabled || activeRef.current || (event.pointerType === 'mouse' && event.button !== 0)) {
      return;
    }
    const budget = remainingBudget(strokes);
    if (!canStartStroke(budget, color, width)) {
      onFull();
      return;
    }
    event.preventDefault();
    // Keep receiving moves when the finger slides off the canvas, so the stroke ends cleanly.
    event.currentTarget.setPointerCapture(event.pointerId);
    const [x, y] = unitPoint(event.currentTarget.getBoundingClientRect(), event);
    activeRef.current = {
      pointerId: event.pointerId,
      stroke: { color, width, points: [x, y] },
      pointsLeft: budget.points - 1,
      bytesLeft: budget.bytes - strokeBytes(color, width) - pointBytes(x, y),
      full: false,
    };
    repaint();
  }

  function handlePointerMove(event: PointerEvent<HTMLCanvasElement>) {
    const active = activeRef.current;
    if (!active || active.pointerId !== event.pointerId) return;
    // Coalesced events carry the points between frames: smooth curves on fast strokes.
    const samples = event.nativeEvent.getCoalescedEvents?.() ?? [];
    const rect = event.currentTarget.getBoundingClientRect();
    for (const sample of samples.length > 0 ? samples : [event]) {
      const [x, y] = unitPoint(rect, sample);
      addPoint(active, x, y);
    }
  }

  function handlePointerEnd(event: PointerEvent<HTMLCanvasElement>) {
    const active = activeRef.current;
    if (!active || active.pointerId !== event.pointerId) return;
    activeRef.current = null;
    onStroke(active.stroke);
  }

  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      className={className}
      onPointerDown={handlePointerDown}
      onPointerMove={handlePointerMove}
      onPointerUp={handlePointerEnd}
      onPointerCancel={handlePointerEnd}
      // A long press would open the context menu instead of drawing a dot.
      onContextMenu={(event) => event.preventDefault()}
    />
  );
}
