import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatBytes, formatMs } from '../../../core/format';
import { blockSpans } from '../../../core/model/blockSpans';
import { useStore } from '../../../state/store';
import { selectLayerTimes, selectNetwork, selectPlan, selectTables } from '../../../state/selectors';
import { stageColor } from '../../theme';
import { prepareCanvas, useElementWidth } from '../useElementWidth';
import { drawStrip, maxOf, STRIP_LAYOUT } from './drawStrip';
import { SplitHandles } from './SplitHandles';
import { stripScale } from './stripScale';

const HEIGHT = STRIP_LAYOUT.barsH + STRIP_LAYOUT.gap + STRIP_LAYOUT.curveH;

const selectHovered = (s: { hoveredStage: number | null }) => s.hoveredStage;

/**
 * Every layer in topological order as a bar (height: its time on the processor
 * of its stage; colour: the stage), the crossing-bytes curve X(c) beneath, and
 * one draggable handle per split. The main place where people move splits.
 * Canvas, because a 2,000-layer strip redraws on every drag tick.
 */
export function LayerStrip() {
  const network = useStore(selectNetwork);
  const tables = useStore(selectTables);
  const plan = useStore(selectPlan);
  const { ms, stage } = useStore(selectLayerTimes);
  const hoveredStage = useStore(selectHovered);
  const setHoveredStage = useStore((s) => s.setHoveredStage);
  const addSplit = useStore((s) => s.addSplit);
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(boxRef);
  const n = network.layers.length;
  const scale = useMemo(() => stripScale(n, width), [n, width]);
  const cuts = useMemo(() => plan.stages.slice(1).map((s) => s.from), [plan]);
  const [hover, setHover] = useState<{ layer: number; x: number } | null>(null);
  const spans = useMemo(() => blockSpans(network, 0), [network]);

  // Layout effect: the canvas is redrawn in the same frame as the handles and metrics move.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas && prepareCanvas(canvas, width, HEIGHT);
    if (!ctx) return;
    drawStrip(ctx, { ms, stage, crossing: tables.crossing, cuts, hoveredStage }, scale, stageColor);
  }, [ms, stage, tables.crossing, cuts, hoveredStage, scale, width]);

  const maxMs = useMemo(() => maxOf(ms), [ms]);
  const maxX = useMemo(() => maxOf(tables.crossing, 1, n), [tables.crossing, n]);
  const hovered = hover ? network.layers[hover.layer] : undefined;

  const onMove = (e: React.MouseEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const layer = scale.layerAt(x);
    setHover({ layer, x });
    const s = stage[layer] ?? -1;
    if (s !== hoveredStage) setHoveredStage(s < 0 ? null : s);
  };

  return (
    <section className="panel strip-panel" aria-labelledby="strip-title" data-testid="layer-strip">
      <div className="panel-head">
        <h2 id="strip-title">Layers and split points</h2>
        <p className="muted">
          Bars: each of the {n} layers&apos; time on its stage&apos;s processor (tallest {formatMs(maxMs)} ms). Grey
          curve: bytes crossing a cut there (peak {formatBytes(maxX)}) — cut where it is low. Drag a handle, or focus it
          and use ←/→ (Shift: 10 layers); double-click the bars to add a split; Delete or drag a handle off the strip to
          remove it.
        </p>
      </div>
      <div className="strip-box" ref={boxRef}>
        <canvas
          ref={canvasRef}
          className="strip-canvas"
          role="img"
          aria-label={`Layer times of ${n} layers coloured by stage, with the crossing-bytes curve; splits before layers ${cuts.join(', ') || 'none'}`}
          onMouseMove={onMove}
          onMouseLeave={() => {
            setHover(null);
            setHoveredStage(null);
          }}
          onDoubleClick={(e) => {
            const rect = e.currentTarget.getBoundingClientRect();
            addSplit(scale.cutAt(e.clientX - rect.left));
          }}
          data-testid="strip-canvas"
        />
        <SplitHandles scale={scale} height={HEIGHT} boxRef={boxRef} />
        {hovered && hover && (
          <div
            className="tooltip strip-tooltip"
            role="tooltip"
            style={{ left: Math.min(hover.x + 12, width - 240), top: 4 }}
            data-testid="strip-tooltip"
          >
            <strong>
              #{hover.layer} {hovered.name}
            </strong>
            <div>
              {hovered.op} · stage {(stage[hover.layer] ?? -1) + 1} · {formatMs(ms[hover.layer]!)} ms
            </div>
            <div>
              cut before it moves {formatBytes(tables.crossing[hover.layer]!)} · out{' '}
              {hovered.outputs.map((t) => network.tensors[t]!.shape.join('×')).join(', ')}
            </div>
          </div>
        )}
      </div>
      <div className="strip-blocks" aria-hidden style={{ width }}>
        {spans.map((b) => (
          <span
            key={`${b.name}-${b.from}`}
            className="strip-block"
            style={{ left: scale.x(b.from), width: scale.x(b.to) - scale.x(b.from) }}
            title={`${b.name}: layers ${b.from}–${b.to - 1}`}
          >
            {scale.x(b.to) - scale.x(b.from) > 40 ? b.name : ''}
          </span>
        ))}
      </div>
    </section>
  );
}
