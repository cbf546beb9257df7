import { formatBytes, formatMs } from '../../core/format';
import { useStore } from '../../state/store';
import { selectEvaluation, selectNetwork, selectPlatform } from '../../state/selectors';
import { stageColor } from '../theme';

/** The plan as stage cards: layers, processor and units (editable), compute, send and memory. */
export function StagePlan() {
  const e = useStore(selectEvaluation);
  const net = useStore(selectNetwork);
  const platform = useStore(selectPlatform);
  const assign = useStore((s) => s.assignStage);
  const hovered = useStore((s) => s.hoveredStage);
  const setHovered = useStore((s) => s.setHoveredStage);
  const bottleneck = e.metrics.bottleneck;
  return (
    <section className="panel lazy-panel" aria-labelledby="plan-title">
      <h2 id="plan-title">
        Plan: {e.stages.length} pipeline stage{e.stages.length === 1 ? '' : 's'}
      </h2>
      <ol className="stages">
        {e.stages.map((s, i) => {
          const proc = platform.processors.find((p) => p.id === s.processor);
          const isBottleneck = bottleneck.kind === 'stage' && bottleneck.index === i;
          return (
            <li
              key={i}
              className={`stage${hovered === i ? ' hovered' : ''}`}
              style={{ borderTopColor: stageColor(i) }}
              data-testid="stage-card"
              onMouseEnter={() => setHovered(i)}
              onMouseLeave={() => setHovered(null)}
            >
              <div className="stage-head">
                <span className="stage-dot" style={{ background: stageColor(i) }} aria-hidden />
                Stage {i + 1}
                {isBottleneck && <span className="badge bottleneck-badge">bottleneck</span>}
              </div>
              <div className="stage-controls">
                <select
                  aria-label={`Stage ${i + 1} processor`}
                  data-testid="stage-processor"
                  value={s.processor}
                  onChange={(ev) => {
                    const next = platform.processors.find((p) => p.id === ev.target.value);
                    if (next) assign(i, next.id, next.units);
                  }}
                >
                  {!proc && <option value={s.processor}>{s.processor} (not on this platform)</option>}
                  {platform.processors.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                {proc && proc.units > 1 && (
                  <select
                    aria-label={`Stage ${i + 1} units`}
                    data-testid="stage-units"
                    value={s.units}
                    onChange={(ev) => assign(i, s.processor, Number(ev.target.value))}
                  >
                    {Array.from({ length: proc.units }, (_, k) => (
                      <option key={k} value={k + 1}>
                        {k + 1} of {proc.units} units
                      </option>
                    ))}
                  </select>
                )}
              </div>
              <div className="stage-layers">
                layers {s.from}–{s.to - 1} ({s.to - s.from}): <code>{net.layers[s.from]?.name}</code> …{' '}
                <code>{net.layers[s.to - 1]?.name}</code>
              </div>
              <dl className="stage-figures">
                <dt>compute</dt>
                <dd>{formatMs(s.computeMs)} ms</dd>
                <dt>send</dt>
                <dd>
                  {i + 1 < e.stages.length
                    ? `${formatMs(s.transferMs)} ms (${formatBytes(s.transferBytes)}${s.transferOverlaps ? ', DMA' : ''})`
                    : '—'}
                </dd>
                <dt>memory</dt>
                <dd>
                  {formatBytes(s.memoryBytes)} of {formatBytes(s.memoryBudgetBytes)}
                </dd>
                <dt>energy</dt>
                <dd>{formatMs(s.activeEnergyMj)} mJ active</dd>
              </dl>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
