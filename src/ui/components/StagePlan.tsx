import { formatBytes, formatMs } from '../../core/format';
import { useStore } from '../../state/store';
import { selectEvaluation, selectNetwork, selectPlatform } from '../../state/selectors';
import { stageColor } from '../theme';

/** The plan as stage cards: layers, processor, compute vs transfer, memory. */
export function StagePlan() {
  const e = useStore(selectEvaluation);
  const net = useStore(selectNetwork);
  const platform = useStore(selectPlatform);
  const bottleneck = e.metrics.bottleneck;
  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">
        Plan: {e.stages.length} pipeline stage{e.stages.length === 1 ? '' : 's'}
      </h2>
      <ol className="stages">
        {e.stages.map((s, i) => {
          const proc = platform.processors.find((p) => p.id === s.processor);
          const isBottleneck = bottleneck.kind === 'stage' && bottleneck.index === i;
          const share = e.metrics.periodMs > 0 ? s.busyMs / e.metrics.periodMs : 0;
          return (
            <li key={i} className="stage" style={{ borderTopColor: stageColor(i) }} data-testid="stage-card">
              <div className="stage-head">
                <span className="stage-dot" style={{ background: stageColor(i) }} aria-hidden />
                Stage {i + 1}: {proc?.name ?? s.processor}
                {proc && proc.units > 1 ? ` · ${s.units} of ${proc.units} units` : ''}
                {isBottleneck && <span className="badge bottleneck-badge">bottleneck</span>}
              </div>
              <div className="stage-layers">
                layers {s.from}–{s.to - 1}: <code>{net.layers[s.from]?.name}</code> …{' '}
                <code>{net.layers[s.to - 1]?.name}</code>
              </div>
              <div className="bar" aria-hidden>
                <div
                  className="bar-fill"
                  style={{ width: `${Math.min(100, share * 100)}%`, background: stageColor(i) }}
                />
              </div>
              <dl className="stage-figures">
                <dt>compute</dt>
                <dd>{formatMs(s.computeMs)} ms</dd>
                <dt>send</dt>
                <dd>
                  {i + 1 < e.stages.length ? `${formatMs(s.transferMs)} ms (${formatBytes(s.transferBytes)})` : '—'}
                </dd>
                <dt>memory</dt>
                <dd>{formatBytes(s.memoryBytes)}</dd>
              </dl>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
