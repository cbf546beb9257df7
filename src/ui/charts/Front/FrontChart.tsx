import './front.css';
import { curveStepBefore, line } from 'd3';
import { useMemo, useRef, useState } from 'react';
import type { FrontFigures } from '../../../core/search/frontQuery';
import { useElementWidth } from '../useElementWidth';
import { FRONT_MARGIN, frontScales, nearestPoint } from './frontScales';

const HEIGHT = 260;
const HIT_RADIUS = 14;

interface FrontChartProps {
  /** The front, fastest first. */
  readonly points: readonly FrontFigures[];
  /** The plan being edited, with the same figures (frames back to back); undefined when it cannot run. */
  readonly current: FrontFigures | undefined;
  readonly selected: number;
  readonly onSelect: (index: number) => void;
  /** A double click on a point: use its plan. */
  readonly onUse: (index: number) => void;
}

/**
 * FPS (x) against energy per frame (y): the front as points on the step line "least energy at
 * this FPS or faster", the selected point ringed, the user's plan as a diamond. Pointer only:
 * the panel's slider and button do the same from the keyboard.
 */
export function FrontChart({ points, current, selected, onSelect, onUse }: FrontChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 800);
  const [hover, setHover] = useState(-1);
  const scales = useMemo(() => frontScales(points, current, width, HEIGHT), [points, current, width]);
  const { x, y } = scales;
  // Ascending FPS; the step holds each point's energy back to the previous point's FPS.
  const path = useMemo(() => {
    const ascending = [...points].sort((a, b) => a.fps - b.fps);
    return (
      line<FrontFigures>()
        .x((p) => x(p.fps))
        .y((p) => y(p.energyMj))
        .curve(curveStepBefore)(ascending) ?? ''
    );
  }, [points, x, y]);
  const pick = (e: React.MouseEvent<SVGSVGElement>): number => {
    const r = e.currentTarget.getBoundingClientRect();
    return nearestPoint(points, scales, e.clientX - r.left, e.clientY - r.top, HIT_RADIUS);
  };
  const sel = points[selected];
  const hov = hover >= 0 && hover !== selected ? points[hover] : undefined;
  return (
    <div ref={box} className="front-chart">
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`FPS against energy per frame: ${points.length} optimal plans from ${points[points.length - 1]?.fps.toFixed(1)} to ${points[0]?.fps.toFixed(1)} FPS`}
        data-testid="front-chart"
        onMouseMove={(e) => setHover(pick(e))}
        onMouseLeave={() => setHover(-1)}
        onClick={(e) => {
          const i = pick(e);
          if (i >= 0) onSelect(i);
        }}
        onDoubleClick={(e) => {
          const i = pick(e);
          if (i >= 0) onUse(i);
        }}
        style={{ cursor: hover >= 0 ? 'pointer' : 'default' }}
      >
        <g className="front-grid">
          {x.ticks(8).map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={FRONT_MARGIN.top} y2={HEIGHT - FRONT_MARGIN.bottom} />
              <text x={x(t)} y={HEIGHT - FRONT_MARGIN.bottom + 16} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          {y.ticks(5).map((t) => (
            <g key={`y${t}`}>
              <line x1={FRONT_MARGIN.left} x2={width - FRONT_MARGIN.right} y1={y(t)} y2={y(t)} />
              <text x={FRONT_MARGIN.left - 6} y={y(t) + 4} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          <text
            className="front-axis"
            x={(FRONT_MARGIN.left + width - FRONT_MARGIN.right) / 2}
            y={HEIGHT - 6}
            textAnchor="middle"
          >
            throughput (FPS) →
          </text>
          <text
            className="front-axis"
            transform={`translate(14 ${(FRONT_MARGIN.top + HEIGHT - FRONT_MARGIN.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            energy per frame (mJ)
          </text>
        </g>
        <path className="front-line" d={path} />
        {points.map((p, i) => (
          <circle key={i} className="front-point" cx={x(p.fps)} cy={y(p.energyMj)} r={3} />
        ))}
        {hov && <circle className="front-hover" cx={x(hov.fps)} cy={y(hov.energyMj)} r={6} />}
        {sel && (
          <circle className="front-selected" cx={x(sel.fps)} cy={y(sel.energyMj)} r={7} data-testid="front-selected" />
        )}
        {current && Number.isFinite(current.fps) && Number.isFinite(current.energyMj) && (
          <g transform={`translate(${x(current.fps)} ${y(current.energyMj)})`} data-testid="front-current">
            <rect className="front-current" x={-5} y={-5} width={10} height={10} transform="rotate(45)" />
            <text className="front-current-label" x={9} y={-8}>
              your plan
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
