import { EVENT_KIND } from '../../../core/schedule/simulate';
import { stageColor } from '../../theme';
import { computeFill, computeInk, GANTT_COLORS as C, transferFill } from './colors';
import { LAYOUT, type GanttLane, type GanttModel } from './model';
import type { TimeScale } from './scale';

/**
 * The part of CanvasRenderingContext2D the Gantt uses. Keeping to it lets
 * Node tests and benches draw onto a recording fake, with no DOM.
 */
export type GanttContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'fillRect'
  | 'strokeRect'
  | 'clearRect'
  | 'fillText'
  | 'measureText'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'rect'
  | 'clip'
  | 'fill'
  | 'stroke'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

export interface DrawOptions {
  /** Canvas size in CSS px (the caller scales the context by devicePixelRatio). */
  readonly width: number;
  readonly height: number;
}

export interface DrawStats {
  /** Boxes drawn (events at least partly inside the visible time span). */
  readonly boxes: number;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const FONTS = {
  label: `600 12px ${FONT}`,
  link: `italic 11px ${FONT}`,
  small: `600 10px ${FONT}`,
  axis: `11px ${FONT}`,
  marker: `600 12px ${FONT}`,
  frame: `600 10px ${FONT}`,
} as const;

/** Vertical extent of the boxes in a lane, CSS px. */
export function boxBand(lane: GanttLane): { y: number; h: number } {
  return { y: lane.top + LAYOUT.boxPad, h: lane.height - 2 * LAYOUT.boxPad };
}

/**
 * Draws the static layer: lanes (the bottleneck tinted and labelled), grid,
 * boxes coloured by stage (transfers lighter and striped, frame numbers where
 * they fit), the latency bracket of frame 1, completion marks with the period
 * bracket, and the time axis. Redraw only when the model or the scale change.
 * O(events + lanes + ticks).
 */
export function drawGantt(ctx: GanttContext, model: GanttModel, scale: TimeScale, options: DrawOptions): DrawStats {
  const { width, height } = options;
  ctx.save();
  ctx.fillStyle = C.background;
  ctx.fillRect(0, 0, width, height);
  if (!model.finite) {
    ctx.fillStyle = C.muted;
    ctx.font = FONTS.label;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText('No schedule: this plan cannot run as given (see the problems above).', 12, height / 2);
    ctx.restore();
    return { boxes: 0 };
  }
  drawLanes(ctx, model, width);
  drawGrid(ctx, model, scale);
  drawLaneLabels(ctx, model);
  const [x0, x1] = scale.range;
  ctx.save();
  clipTo(ctx, x0, model.lanesTop, x1 - x0, model.lanesBottom - model.lanesTop);
  const boxes = drawBoxes(ctx, model, scale, -1);
  ctx.restore();
  drawLatencyMark(ctx, model, scale);
  drawCompletions(ctx, model, scale);
  drawAxis(ctx, model, scale);
  ctx.restore();
  return { boxes };
}

export interface OverlayOptions extends DrawOptions {
  /** Stage to spotlight (hovered here or in another view), or null. */
  readonly stage: number | null;
  /** Schedule row under the pointer, or -1. */
  readonly row: number;
}

/**
 * Draws the interactive layer over the static one: a veil that dims every
 * stage but the highlighted one, and an outline around the hovered box.
 * O(events) with a highlight, O(1) without.
 */
export function drawGanttOverlay(
  ctx: GanttContext,
  model: GanttModel,
  scale: TimeScale,
  options: OverlayOptions,
): void {
  ctx.clearRect(0, 0, options.width, options.height);
  if (!model.finite || (options.stage === null && options.row < 0)) return;
  const [x0, x1] = scale.range;
  const lanesH = model.lanesBottom - model.lanesTop;
  if (options.stage !== null) {
    // The veil runs to the right edge so the tinted right margin dims too.
    ctx.fillStyle = C.veil;
    ctx.fillRect(x0, model.lanesTop, options.width - x0, lanesH);
  }
  ctx.save();
  clipTo(ctx, x0, model.lanesTop, x1 - x0, lanesH);
  if (options.stage !== null) {
    drawBoxes(ctx, model, scale, options.stage);
  }
  const row = options.row;
  const lane = row >= 0 ? model.lanes[model.schedule.lane[row]!] : undefined;
  if (lane) {
    const { y, h } = boxBand(lane);
    const xs = scale.x(model.schedule.start[row]!);
    const w = Math.max(2, scale.x(model.schedule.end[row]!) - xs);
    ctx.strokeStyle = C.outline;
    ctx.lineWidth = 2;
    ctx.strokeRect(xs - 1, y - 1, w + 2, h + 2);
  }
  ctx.restore();
}

function clipTo(ctx: GanttContext, x: number, y: number, w: number, h: number): void {
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
}

function drawLanes(ctx: GanttContext, model: GanttModel, width: number): void {
  for (const lane of model.lanes) {
    ctx.fillStyle = lane.bottleneck ? C.bottleneckTint : lane.kind === 'link' ? C.linkLane : C.processorLane;
    ctx.fillRect(0, lane.top, width, lane.height);
  }
  ctx.strokeStyle = C.separator;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const lane of model.lanes) {
    ctx.moveTo(0, lane.top + 0.5);
    ctx.lineTo(width, lane.top + 0.5);
  }
  ctx.moveTo(0, model.lanesBottom + 0.5);
  ctx.lineTo(width, model.lanesBottom + 0.5);
  ctx.stroke();
}

/** About one tick every 90 px. */
export function tickValues(scale: TimeScale): number[] {
  const [x0, x1] = scale.range;
  return scale.ticks(Math.max(2, Math.floor((x1 - x0) / 90)));
}

function drawGrid(ctx: GanttContext, model: GanttModel, scale: TimeScale): void {
  ctx.strokeStyle = C.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of tickValues(scale)) {
    const x = Math.round(scale.x(t)) + 0.5;
    ctx.moveTo(x, model.lanesTop);
    ctx.lineTo(x, model.lanesBottom + LAYOUT.completions);
  }
  ctx.stroke();
}

/** Cuts `text` with an ellipsis to fit `max` px. */
function fit(ctx: GanttContext, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s}…`;
}

function drawLaneLabels(ctx: GanttContext, model: GanttModel): void {
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const textX = 28;
  const maxW = LAYOUT.gutter - textX - 8;
  const labelY = (lane: GanttLane) => lane.top + lane.height / 2 - (lane.bottleneck ? 6 : 0);
  // Grouped by font: assigning ctx.font makes the browser parse a font string, the costliest call here.
  ctx.font = FONTS.label;
  for (const lane of model.lanes) {
    if (lane.kind !== 'processor') continue;
    const y = labelY(lane);
    ctx.fillStyle = stageColor(lane.stage);
    ctx.fillRect(12, y - 5, 10, 10);
    ctx.fillStyle = C.ink;
    ctx.fillText(fit(ctx, lane.label, maxW), textX, y);
  }
  ctx.font = FONTS.link;
  ctx.lineWidth = 1;
  for (const lane of model.lanes) {
    if (lane.kind !== 'link') continue;
    const y = labelY(lane);
    ctx.fillStyle = transferFill(lane.stage);
    ctx.fillRect(12, y - 4, 10, 8);
    ctx.strokeStyle = stageColor(lane.stage);
    ctx.strokeRect(12.5, y - 3.5, 9, 7);
    ctx.fillStyle = C.muted;
    ctx.fillText(fit(ctx, lane.label, maxW), textX, y);
  }
  const bottleneck = model.lanes[model.bottleneckLane];
  if (bottleneck) {
    ctx.fillStyle = C.bottleneckInk;
    ctx.font = FONTS.small;
    ctx.fillText('▲ bottleneck', textX, labelY(bottleneck) + 13);
  }
}

/**
 * Boxes of every stage (onlyStage < 0) or of one stage. Compute boxes are
 * solid; transfer and send boxes are lighter with diagonal stripes, so the
 * picture reads as "work" vs "moving data". A 1 px gap separates frames.
 */
function drawBoxes(ctx: GanttContext, model: GanttModel, scale: TimeScale, onlyStage: number): number {
  const s = model.schedule;
  const [d0, d1] = scale.domain;
  const [x0, x1] = scale.range;
  ctx.font = FONTS.frame;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const digitW = ctx.measureText('0').width;
  let count = 0;
  for (const lane of model.lanes) {
    const { y, h } = boxBand(lane);
    const rows = lane.rows;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      const start = s.start[i]!;
      const end = s.end[i]!;
      if (end < d0 || start > d1) continue;
      const stage = s.stage[i]!;
      if (onlyStage >= 0 && stage !== onlyStage) continue;
      count++;
      // Clamp to just outside the plot so huge zooms do not hand the canvas huge coordinates.
      const xs = Math.max(scale.x(start), x0 - 4);
      const xe = Math.min(scale.x(end), x1 + 4);
      const w = Math.max(1, xe - xs - 1);
      const compute = s.kind[i] === EVENT_KIND.compute;
      // A transfer a few pixels wide has no room for stripes: a solid sliver in the stage colour reads better.
      const striped = !compute && w >= 4;
      ctx.fillStyle = compute || !striped ? computeFill(stage) : transferFill(stage);
      ctx.fillRect(xs, y, w, h);
      if (striped) stripes(ctx, xs, y, w, h, stageColor(stage));
      const label = String(s.frame[i]! + 1);
      if (w >= digitW * label.length + 8 && h >= 12) {
        ctx.fillStyle = compute ? computeInk(stage) : C.ink;
        ctx.fillText(label, xs + w / 2, y + h / 2 + 0.5);
      }
    }
  }
  return count;
}

function stripes(ctx: GanttContext, x: number, y: number, w: number, h: number, color: string): void {
  ctx.save();
  clipTo(ctx, x, y, w, h);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let d = -h; d < w; d += 6) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.strokeRect(x + 0.5, y + 0.5, Math.max(0, w - 1), h - 1);
  ctx.restore();
}

/** A horizontal bracket |——| at height y between px a and b. */
function bracket(ctx: GanttContext, a: number, b: number, y: number): void {
  ctx.beginPath();
  ctx.moveTo(a, y - 4);
  ctx.lineTo(a, y + 4);
  ctx.moveTo(a, y);
  ctx.lineTo(b, y);
  ctx.moveTo(b, y - 4);
  ctx.lineTo(b, y + 4);
  ctx.stroke();
}

/** A label on a white pad so grid lines and boxes do not cross it. */
function padText(ctx: GanttContext, text: string, x: number, y: number, align: 'left' | 'right' | 'center'): void {
  const w = ctx.measureText(text).width;
  const left = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
  ctx.fillStyle = C.background;
  ctx.fillRect(left - 3, y - 8, w + 6, 16);
  ctx.fillStyle = C.marker;
  ctx.textAlign = align;
  ctx.fillText(text, x, y);
}

/** Places a label beside the bracket [a, b]: inside when it fits, else on the side with room. */
function labelBeside(ctx: GanttContext, text: string, a: number, b: number, y: number, scale: TimeScale): void {
  const [x0, x1] = scale.range;
  const w = ctx.measureText(text).width;
  const left = Math.max(a, x0);
  const right = Math.min(b, x1);
  if (right - left >= w + 16) padText(ctx, text, (left + right) / 2, y, 'center');
  else if (left - 8 - w >= x0) padText(ctx, text, left - 8, y, 'right');
  else padText(ctx, text, Math.min(right + 8, x1 - w), y, 'left');
}

function drawLatencyMark(ctx: GanttContext, model: GanttModel, scale: TimeScale): void {
  const [x0, x1] = scale.range;
  const a = scale.x(model.latencyMark.from);
  const b = scale.x(model.latencyMark.to);
  if (b < x0 || a > x1) return;
  const y = LAYOUT.top - 11;
  ctx.strokeStyle = C.marker;
  ctx.lineWidth = 1.5;
  bracket(ctx, Math.max(a, x0), Math.min(b, x1), y);
  // A dashed guide from the bracket's end down to where frame 1 leaves the pipeline.
  if (b <= x1) {
    ctx.save();
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(b, y + 4);
    ctx.lineTo(b, model.lanesBottom + 8);
    ctx.stroke();
    ctx.restore();
  }
  ctx.font = FONTS.marker;
  ctx.textBaseline = 'middle';
  labelBeside(ctx, `${model.latencyText} (frame 1, input → output)`, a, b, y, scale);
}

function drawCompletions(ctx: GanttContext, model: GanttModel, scale: TimeScale): void {
  const [x0, x1] = scale.range;
  const top = model.lanesBottom;
  ctx.fillStyle = C.muted;
  ctx.font = FONTS.axis;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText('frames out', 12, top + 8);
  // One small triangle per finished frame: their spacing settles to the period.
  ctx.fillStyle = C.marker;
  const done = model.schedule.frameDone;
  for (let f = 0; f < done.length; f++) {
    const x = scale.x(done[f]!);
    if (x < x0 - 1 || x > x1 + 1) continue;
    ctx.beginPath();
    ctx.moveTo(x - 4, top + 3);
    ctx.lineTo(x + 4, top + 3);
    ctx.lineTo(x, top + 9);
    ctx.closePath();
    ctx.fill();
  }
  const a = scale.x(model.periodMark.from);
  const b = scale.x(model.periodMark.to);
  if (b < x0 || a > x1) return;
  const y = top + 20;
  ctx.strokeStyle = C.marker;
  ctx.lineWidth = 1.5;
  bracket(ctx, Math.max(a, x0), Math.min(b, x1), y);
  ctx.font = FONTS.marker;
  labelBeside(ctx, `${model.periodText} (${formatFpsShort(model.fps)} FPS)`, a, b, y, scale);
}

const formatFpsShort = (fps: number): string => (Number.isFinite(fps) ? fps.toFixed(fps < 10 ? 2 : 1) : '—');

/** Tick label: as many decimals as the tick step needs, no float noise. */
export function formatTick(t: number): string {
  return String(Number(t.toPrecision(8)));
}

function drawAxis(ctx: GanttContext, model: GanttModel, scale: TimeScale): void {
  const [x0, x1] = scale.range;
  const y = model.lanesBottom + LAYOUT.completions;
  ctx.strokeStyle = C.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x0, y + 0.5);
  ctx.lineTo(x1, y + 0.5);
  const ticks = tickValues(scale);
  for (const t of ticks) {
    const x = Math.round(scale.x(t)) + 0.5;
    ctx.moveTo(x, y);
    ctx.lineTo(x, y + 4);
  }
  ctx.stroke();
  ctx.fillStyle = C.muted;
  ctx.font = FONTS.axis;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks) ctx.fillText(formatTick(t), scale.x(t), y + 6);
  ctx.textAlign = 'right';
  ctx.fillText('time (ms)', x0 - 10, y + 6);
}
