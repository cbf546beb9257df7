import { formatFps, formatMj, formatMs } from '../../core/format';
import { useStore } from '../../state/store';
import { selectEvaluation } from '../../state/selectors';

interface MetricProps {
  label: string;
  value: string;
  unit: string;
  testId?: string;
  explain: string;
}

function Metric({ label, value, unit, testId, explain }: MetricProps) {
  return (
    <div className="metric" title={explain}>
      <div className="metric-label">{label}</div>
      <div className="metric-value">
        <span data-testid={testId}>{value}</span>
        <span className="metric-unit">{unit}</span>
      </div>
    </div>
  );
}

/** Headline metrics of the current plan, straight from the core's evaluation. */
export function MetricsPanel() {
  const e = useStore(selectEvaluation);
  const m = e.metrics;
  return (
    <section className="panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Predicted performance</h2>
      <div className="metrics">
        <Metric
          label="Throughput"
          value={formatFps(m.fps)}
          unit="FPS"
          testId="metric-fps"
          explain="Frames per second in steady state: 1000 / the period of the busiest resource."
        />
        <Metric
          label="Latency"
          value={formatMs(m.latencyMs)}
          unit="ms"
          testId="metric-latency"
          explain="Time for one frame to pass through an idle pipeline: all stage computes plus all transfers."
        />
        <Metric
          label="Energy"
          value={formatMj(m.energyPerFrameMj)}
          unit="mJ/frame"
          testId="metric-energy"
          explain="Per frame: idle power of every processor over a period, plus active energy of stages, plus link energy."
        />
        <Metric
          label="Power"
          value={m.avgPowerW.toFixed(2)}
          unit="W"
          explain="Energy per frame divided by the period."
        />
        <Metric
          label="Speed-up"
          value={`${m.speedupOverBestSingle.toFixed(2)}×`}
          unit={`vs ${m.bestSingleProcessor || '—'} alone`}
          testId="metric-speedup"
          explain="Throughput relative to the fastest single processor running the whole network on all its units."
        />
      </div>
      <p className="bottleneck">
        Bottleneck: <strong>{m.bottleneck.label}</strong>, {formatMs(m.bottleneck.ms)} ms per frame (period{' '}
        {formatMs(m.periodMs)} ms).
      </p>
      {!e.valid && (
        <div className="problems" role="status" data-testid="plan-problems">
          <strong>This plan cannot run as given:</strong>
          <ul>
            {e.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
