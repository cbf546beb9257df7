import { formatCount, formatFps, formatMj, formatMs } from '../../core/format';
import { useStore } from '../../state/store';
import { selectEvaluation, selectNetwork } from '../../state/selectors';
import { Explain, STAGE_BARS_EXPLAINED } from '../classroom/Explain';
import { StageBars } from './StageBars';

interface MetricProps {
  label: string;
  value: string;
  unit: string;
  testId?: string;
  explain: string;
}

function Metric({ label, value, unit, testId, explain }: MetricProps) {
  return (
    <div className="metric">
      <div className="metric-label">
        {label}
        <span className="explain" tabIndex={0} role="note" aria-label={`${label}: ${explain}`} title={explain}>
          ?
        </span>
      </div>
      <div className="metric-value">
        <span data-testid={testId}>{value}</span>
        <span className="metric-unit">{unit}</span>
      </div>
    </div>
  );
}

const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—';

/** Headline metrics of the current plan and its per-stage bars, straight from the core's evaluation. */
export function MetricsPanel() {
  const e = useStore(selectEvaluation);
  const network = useStore(selectNetwork);
  const baselines = useStore((s) => (s.search.state === 'done' ? s.search.baselines : undefined));
  const m = e.metrics;
  const macs = network.layers.reduce((a, l) => a + l.macs, 0);
  const params = network.layers.reduce((a, l) => a + l.params, 0);
  return (
    <section className="panel metrics-panel" aria-labelledby="metrics-title">
      <div className="panel-head">
        <h2 id="metrics-title">Predicted performance</h2>
        <span className="muted" data-testid="metrics-network">
          {network.name}: {network.layers.length} layers · {formatCount(params)} params · {formatCount(macs)} MACs ·
          cost model (analytic)
        </span>
      </div>
      <div className="metrics">
        <Metric
          label="Throughput"
          value={formatFps(m.fps)}
          unit="FPS"
          testId="metric-fps"
          explain="Frames per second in steady state: 1000 / the period, the time per frame of the busiest resource (a stage or a link)."
        />
        <Metric
          label="Latency"
          value={formatMs(m.latencyMs)}
          unit="ms"
          testId="metric-latency"
          explain="Time for one frame to pass through an idle pipeline: every stage's compute plus every transfer."
        />
        <Metric
          label="Energy"
          value={formatMj(m.energyPerFrameMj)}
          unit="mJ/frame"
          testId="metric-energy"
          explain="Per frame: every processor's idle power over one period, plus each stage's extra active power while busy, plus link energy per byte."
        />
        <Metric
          label="Power"
          value={Number.isFinite(m.avgPowerW) ? m.avgPowerW.toFixed(2) : '—'}
          unit="W"
          testId="metric-power"
          explain="Average power: energy per frame divided by the time between frames."
        />
        <Metric
          label="Speed-up"
          value={Number.isFinite(m.speedupOverBestSingle) ? `${m.speedupOverBestSingle.toFixed(2)}×` : '—'}
          unit={`vs ${m.bestSingleProcessor || '—'} alone`}
          testId="metric-speedup"
          explain="Throughput relative to the fastest single processor running the whole network on all its units."
        />
      </div>
      <p className="bottleneck" data-testid="bottleneck">
        Bottleneck: <strong>{m.bottleneck.label}</strong>, {formatMs(m.bottleneck.ms)} ms per frame = the period. Speed
        it up or move layers away from it to raise FPS. <Explain label="Stage bars" text={STAGE_BARS_EXPLAINED} />
        {baselines && (
          <span className="baseline-ratios" data-testid="baseline-ratios">
            {' '}
            This plan vs the search&apos;s baselines: equal-MAC split{' '}
            {baselines.equalMacs ? ratio(m.fps, baselines.equalMacs.evaluation.metrics.fps) : '—'}, data-parallel{' '}
            {baselines.dataParallel.available ? ratio(m.fps, baselines.dataParallel.fps) : 'n/a'}.
          </span>
        )}
      </p>
      {!e.valid && (
        <div className="problems" role="alert" data-testid="plan-problems">
          <strong>This plan cannot run as given:</strong>
          <ul>
            {e.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <StageBars />
    </section>
  );
}
