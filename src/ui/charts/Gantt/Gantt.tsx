import { useCallback, useLayoutEffect, useMemo, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { formatMs } from '../../../core/format';
import { GANTT_FRAMES, selectSchedule } from '../../../state/schedule';
import { selectEvaluation, selectNetwork } from '../../../state/selectors';
import { useStore } from '../../../state/store';
import { useTimeZoom } from '../../interaction/useTimeZoom';
import { drawGantt, drawGanttOverlay } from './draw';
import { GanttLegend } from './GanttLegend';
import { GanttTooltip } from './GanttTooltip';
import { hitTest, type GanttHit } from './hitTest';
import { buildGanttModel, LAYOUT, type GanttModel } from './model';
import { IDENTITY_ZOOM, timeScale, zoomedScale, type ZoomTransformX } from './scale';
import './gantt.css';

/** Deepest zoom: ×50 shows a 0.1 ms transfer of a 500 ms schedule a few pixels wide. */
const MAX_ZOOM = 50;
const MIN_WIDTH = 320;

const selectHoveredStage = (s: { hoveredStage: number | null }) => s.hoveredStage;
const selectSetHoveredStage = (s: { setHoveredStage: (stage: number | null) => void }) => s.setHoveredStage;

/** Width of an element in CSS px, following resizes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver((entries) => setWidth(Math.round(entries[0]!.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Sizes a canvas for the device pixel ratio and returns its context scaled to CSS px. */
function prepare(canvas: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  if (!canvas) return null;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Per lane: what one frame costs there, for the screen-reader table. */
function laneRows(model: GanttModel) {
  const s = model.schedule;
  return model.lanes.map((lane) => {
    let busy = 0;
    let first = Infinity;
    let last = 0;
    for (const row of lane.rows) {
      if (s.frame[row] !== 0) continue;
      busy += s.end[row]! - s.start[row]!;
      first = Math.min(first, s.start[row]!);
      last = Math.max(last, s.end[row]!);
    }
    return { label: lane.label, kind: lane.kind, bottleneck: lane.bottleneck, busy, first, last };
  });
}

/**
 * The pipeline Gantt chart: one lane per processor stage and per link, a box
 * per (stage, frame) for GANTT_FRAMES frames, the bottleneck lane tinted, the
 * period and one frame's latency marked. Two canvases: a static layer redrawn
 * when the plan or the zoom change, an overlay for hover and cross-highlight.
 */
export function Gantt() {
  const schedule = useStore(selectSchedule);
  const evaluation = useStore(selectEvaluation);
  const network = useStore(selectNetwork);
  const hoveredStage = useStore(selectHoveredStage);
  const setHoveredStage = useStore(selectSetHoveredStage);
  const model = useMemo(() => buildGanttModel(schedule, evaluation, network), [schedule, evaluation, network]);

  const wrapRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const width = Math.max(MIN_WIDTH, useWidth(wrapRef));
  const height = model.height;
  const left = LAYOUT.gutter;
  const right = width - LAYOUT.rightPad;

  const [transform, setTransform] = useState<ZoomTransformX>(IDENTITY_ZOOM);
  const onZoom = useCallback(
    (t: ZoomTransformX) => setTransform((old) => (old.k === t.k && old.x === t.x ? old : t)),
    [],
  );
  const zoom = useTimeZoom(overlayRef, { left, right, height, maxScale: MAX_ZOOM, onZoom });
  const base = useMemo(() => timeScale([0, model.endMs], [left, right]), [model.endMs, left, right]);
  const scale = useMemo(() => zoomedScale(base, transform), [base, transform]);

  const [pointer, setHover] = useState<{ hit: GanttHit; x: number; y: number; model: GanttModel } | null>(null);
  // A new plan can remove the hovered box: a hit belongs to the model it was found in, never shown over another.
  const hover = pointer && pointer.model === model ? pointer : null;
  const ownsHighlight = useRef(false);

  useLayoutEffect(() => {
    const ctx = prepare(staticRef.current, width, height);
    if (!ctx) return;
    const stats = drawGantt(ctx, model, scale, { width, height });
    if (wrapRef.current) wrapRef.current.dataset.boxes = String(stats.boxes);
  }, [model, scale, width, height]);

  const hoverRow = hover?.hit.row ?? -1;
  useLayoutEffect(() => {
    const ctx = prepare(overlayRef.current, width, height);
    if (!ctx) return;
    drawGanttOverlay(ctx, model, scale, { width, height, stage: hoveredStage, row: hoverRow });
  }, [model, scale, width, height, hoveredStage, hoverRow]);

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const hit = event.buttons ? null : hitTest(model, scale, x, y);
    setHover(hit ? { hit, x, y, model } : null);
    const stage = hit ? hit.stage : null;
    if (stage !== hoveredStage && (stage !== null || ownsHighlight.current)) {
      ownsHighlight.current = stage !== null;
      setHoveredStage(stage);
    }
  };
  const onPointerLeave = () => {
    setHover(null);
    if (ownsHighlight.current) {
      ownsHighlight.current = false;
      setHoveredStage(null);
    }
  };

  const zoomed = transform.k !== 1;
  const rows = useMemo(() => laneRows(model), [model]);
  return (
    <section className="panel gantt-panel" aria-labelledby="gantt-title">
      <div className="gantt-head">
        <h2 id="gantt-title">Pipeline over {GANTT_FRAMES} frames</h2>
        <div className="gantt-tools" role="group" aria-label="Zoom the time axis">
          <span className="gantt-hint">drag to pan · Ctrl + wheel to zoom · double-click resets</span>
          <button type="button" onClick={() => zoom.zoomBy(2)} aria-label="Zoom in" data-testid="gantt-zoom-in">
            +
          </button>
          <button type="button" onClick={() => zoom.zoomBy(0.5)} aria-label="Zoom out" disabled={!zoomed}>
            −
          </button>
          <button type="button" onClick={() => zoom.reset()} disabled={!zoomed} data-testid="gantt-zoom-reset">
            Reset
          </button>
        </div>
      </div>
      <p className="muted gantt-intro">
        Each row is a processor running one stage, or a link between two; each box is one frame in one stage. Frames
        enter at the top left and flow down; once the pipeline is full, one frame leaves every period (
        {formatMs(model.periodMs)} ms), set by the busiest lane.
      </p>
      <div
        ref={wrapRef}
        className="gantt-canvas-wrap"
        style={{ height }}
        data-testid="gantt"
        data-lanes={model.lanes.map((l) => l.label).join('|')}
        data-period-ms={model.periodMs}
        data-domain={`${scale.domain[0]},${scale.domain[1]}`}
      >
        <canvas
          ref={staticRef}
          className="gantt-canvas"
          style={{ width, height }}
          role="img"
          aria-label={model.summary}
          aria-describedby="gantt-table"
        />
        <canvas
          ref={overlayRef}
          className="gantt-canvas gantt-overlay"
          style={{ width, height }}
          aria-hidden
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
        />
        {hover && <GanttTooltip model={model} hit={hover.hit} x={hover.x} y={hover.y} width={width} />}
      </div>
      <GanttLegend stages={model.stages.length} />
      <table id="gantt-table" className="gantt-sr">
        <caption>Gantt lanes: time each lane spends on the first frame</caption>
        <thead>
          <tr>
            <th scope="col">lane</th>
            <th scope="col">busy per frame (ms)</th>
            <th scope="col">frame 1 from (ms)</th>
            <th scope="col">frame 1 to (ms)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${i}-${r.label}`}>
              <th scope="row">
                {r.label}
                {r.bottleneck ? ' (bottleneck)' : ''}
              </th>
              <td>{formatMs(r.busy)}</td>
              <td>{formatMs(r.first)}</td>
              <td>{formatMs(r.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
