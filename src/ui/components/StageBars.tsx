import { formatBytes, formatMs } from '../../core/format';
import { useStore } from '../../state/store';
import { selectEvaluation } from '../../state/selectors';
import { stageColor } from '../theme';

/**
 * Per-resource time per frame as horizontal bars on one scale (the period):
 * each stage's compute (and the send it performs itself when its link has no
 * DMA), each DMA transfer as its own row; the bottleneck is marked.
 */
export function StageBars() {
  const e = useStore(selectEvaluation);
  const hovered = useStore((s) => s.hoveredStage);
  const setHovered = useStore((s) => s.setHoveredStage);
  const period = e.metrics.periodMs;
  const b = e.metrics.bottleneck;
  const pct = (ms: number) => `${Number.isFinite(ms) && period > 0 ? Math.min(100, (ms / period) * 100) : 100}%`;
  return (
    <div className="stage-bars" role="list" aria-label="Time per frame of each stage and transfer">
      {e.stages.map((s, i) => {
        const send = s.transferOverlaps ? 0 : s.transferMs;
        const isB = b.kind === 'stage' && b.index === i;
        const dma = i + 1 < e.stages.length && s.transferOverlaps && s.transferMs > 0;
        const overMemory = s.memoryBytes > s.memoryBudgetBytes;
        return (
          <div key={i} className="stage-bar-group" role="listitem">
            <div
              className={`stage-bar-row${hovered === i ? ' hovered' : ''}`}
              onMouseEnter={() => setHovered(i)}
              onMouseLeave={() => setHovered(null)}
              data-testid="stage-bar"
            >
              <span className="stage-bar-label">
                <span className="stage-dot" style={{ background: stageColor(i) }} aria-hidden /> {i + 1} {s.processor}
                {s.units > 1 ? ` ×${s.units}` : ''}
              </span>
              <span className="stage-bar-track">
                <span className="seg compute" style={{ width: pct(s.computeMs), background: stageColor(i) }} />
                {send > 0 && <span className="seg send" style={{ width: pct(send) }} />}
              </span>
              <span className="stage-bar-figs">
                {formatMs(s.computeMs)} ms{send > 0 ? ` + send ${formatMs(send)}` : ''}
                {isB && <span className="badge bottleneck-badge">bottleneck</span>}
              </span>
              <span
                className={`stage-bar-mem${overMemory ? ' over' : ''}`}
                title="Stage memory / its share of the processor's memory"
              >
                {formatBytes(s.memoryBytes)} / {formatBytes(s.memoryBudgetBytes)}
              </span>
            </div>
            {dma && (
              <div className="stage-bar-row transfer-row" data-testid="transfer-bar">
                <span className="stage-bar-label">
                  ↳ link {i + 1}→{i + 2}
                </span>
                <span className="stage-bar-track">
                  <span className="seg transfer" style={{ width: pct(s.transferMs) }} />
                </span>
                <span className="stage-bar-figs">
                  {formatMs(s.transferMs)} ms · {formatBytes(s.transferBytes)}
                  {b.kind === 'transfer' && b.index === i && <span className="badge bottleneck-badge">bottleneck</span>}
                </span>
                <span className="stage-bar-mem" />
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
