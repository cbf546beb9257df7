import { useMemo } from 'react';
import { formatBytes, formatMs } from '../../core/format';
import { useStore } from '../../state/store';
import { selectEvaluation, selectLayerTimes, selectTables } from '../../state/selectors';
import { stageColor } from '../theme';

const BAR_H = 90;
const CURVE_H = 50;

/**
 * Every layer in topological order as a bar (height = its time on the
 * processor its stage uses, colour = stage), with the crossing-bytes curve
 * X(c) beneath it: low points of the curve are cheap places to cut.
 * One viewBox unit per layer, so the SVG scales to any width.
 */
export function LayerStripPreview() {
  const { ms, stage } = useStore(selectLayerTimes);
  const tables = useStore(selectTables);
  const e = useStore(selectEvaluation);
  const n = ms.length;
  const maxMs = useMemo(() => ms.reduce((a, v) => Math.max(a, v), 0) || 1, [ms]);
  const crossing = tables.crossing;
  const maxX = useMemo(() => {
    let m = 0;
    for (let c = 1; c < crossing.length - 1; c++) m = Math.max(m, crossing[c]!);
    return m || 1;
  }, [crossing]);
  const curve = useMemo(() => {
    const pts: string[] = [];
    for (let c = 1; c < n; c++) pts.push(`${c},${CURVE_H - (crossing[c]! / maxX) * (CURVE_H - 4)}`);
    return pts.join(' ');
  }, [crossing, maxX, n]);
  const cuts = e.stages.slice(1).map((s) => s.from);
  return (
    <section className="panel" aria-labelledby="strip-title">
      <h2 id="strip-title">Layers and cut costs</h2>
      <p className="muted">
        Bars: time of each of the {n} layers on its stage&apos;s processor (tallest {formatMs(maxMs)} ms). Curve: bytes
        that cross a cut at each position (peak {formatBytes(maxX)}); cut where it is low.
      </p>
      <svg
        className="strip"
        viewBox={`0 0 ${n} ${BAR_H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Layer times for ${n} layers coloured by stage`}
        data-testid="layer-strip-preview"
      >
        {Array.from(ms, (v, i) => {
          const h = Math.max(0.5, (v / maxMs) * BAR_H);
          return <rect key={i} x={i + 0.1} width={0.8} y={BAR_H - h} height={h} fill={stageColor(stage[i]!)} />;
        })}
        {cuts.map((c) => (
          <line key={c} x1={c} x2={c} y1={0} y2={BAR_H} className="cut-line" vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
      <svg
        className="curve"
        viewBox={`0 0 ${n} ${CURVE_H}`}
        preserveAspectRatio="none"
        aria-label="Crossing bytes per cut position"
        role="img"
      >
        <polyline points={curve} className="crossing" vectorEffect="non-scaling-stroke" />
        {cuts.map((c) => (
          <line key={c} x1={c} x2={c} y1={0} y2={CURVE_H} className="cut-line" vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
    </section>
  );
}
