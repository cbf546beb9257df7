import type { StripScale } from './stripScale';

/** The subset of CanvasRenderingContext2D the strip draws with (a recording fake implements it in tests). */
export interface StripContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  globalAlpha: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  stroke(): void;
  fill(): void;
}

/** What the strip shows; every number comes from the store's cost tables and evaluation. */
export interface StripModel {
  /** Ms of each layer on its stage's processor. */
  readonly ms: Float64Array;
  /** Stage of each layer (-1: not covered by any stage). */
  readonly stage: Int16Array;
  /** Crossing bytes X(c), c = 0..n. */
  readonly crossing: Float64Array;
  /** Cut positions of the plan. */
  readonly cuts: readonly number[];
  /** Stage under the pointer anywhere in the app, or null. */
  readonly hoveredStage: number | null;
}

export interface StripLayout {
  /** Height of the bar band, px. */
  readonly barsH: number;
  /** Gap between bars and curve, px. */
  readonly gap: number;
  /** Height of the crossing-bytes band, px. */
  readonly curveH: number;
}

export const STRIP_LAYOUT: StripLayout = { barsH: 96, gap: 6, curveH: 48 };

/** Largest value of `a` (1 when all are 0, so scales never divide by zero). O(n). */
export function maxOf(a: ArrayLike<number>, from = 0, to = a.length): number {
  let m = 0;
  for (let i = from; i < to; i++) if (a[i]! > m) m = a[i]!;
  return m || 1;
}

/**
 * Draws the bars (height = layer ms, colour = stage), the X(c) curve beneath
 * and the cut lines. Hovering a stage fades the others. O(n).
 */
export function drawStrip(
  ctx: StripContext,
  model: StripModel,
  scale: StripScale,
  colorOf: (stage: number) => string,
  layout: StripLayout = STRIP_LAYOUT,
): void {
  const { barsH, gap, curveH } = layout;
  const n = model.ms.length;
  ctx.clearRect(0, 0, scale.width, barsH + gap + curveH);
  const maxMs = maxOf(model.ms);
  // Bars narrower than a pixel still get 1 px so no layer disappears; wide ones keep a 1 px gap.
  const w = Math.max(1, scale.step > 3 ? scale.step - 1 : scale.step);
  for (let i = 0; i < n; i++) {
    const s = model.stage[i]!;
    ctx.globalAlpha = model.hoveredStage === null || model.hoveredStage === s ? 1 : 0.3;
    ctx.fillStyle = colorOf(s);
    const h = Math.max(1, (model.ms[i]! / maxMs) * (barsH - 2));
    ctx.fillRect(scale.x(i), barsH - h, w, h);
  }
  ctx.globalAlpha = 1;

  // Crossing bytes: cuts 1..n-1 are the ones a plan can use.
  const top = barsH + gap;
  ctx.fillStyle = '#f3f4f6';
  ctx.fillRect(0, top, scale.width, curveH);
  const maxX = maxOf(model.crossing, 1, n);
  const y = (c: number) => top + curveH - (model.crossing[c]! / maxX) * (curveH - 4);
  ctx.beginPath();
  ctx.moveTo(scale.x(1), top + curveH);
  for (let c = 1; c < n; c++) ctx.lineTo(scale.x(c), y(c));
  ctx.lineTo(scale.x(n - 1), top + curveH);
  ctx.closePath();
  ctx.fillStyle = 'rgba(107, 114, 128, 0.25)';
  ctx.fill();
  ctx.beginPath();
  for (let c = 1; c < n; c++) (c === 1 ? ctx.moveTo : ctx.lineTo).call(ctx, scale.x(c), y(c));
  ctx.strokeStyle = '#4b5563';
  ctx.lineWidth = 1;
  ctx.stroke();

  ctx.strokeStyle = '#111827';
  ctx.lineWidth = 2;
  for (const c of model.cuts) {
    ctx.beginPath();
    ctx.moveTo(scale.x(c), 0);
    ctx.lineTo(scale.x(c), top + curveH);
    ctx.stroke();
  }
}
