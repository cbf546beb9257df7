import { useMemo, useState } from 'react';
import { formatFps, formatMj, formatMs } from '../../core/format';
import { describePlan } from '../../core/plan/describe';
import { cheapestAtLeast } from '../../core/search/frontQuery';
import { selectBackToBackMetrics } from '../../state/selectors';
import type { FrontPoint } from '../../state/slices/front';
import { useStore } from '../../state/store';
import { FrontChart } from '../charts/Front/FrontChart';

/** How the user's plan compares with the front at its own speed, and the front's plan it is compared with. */
function verdict(points: readonly FrontPoint[], fps: number, energyMj: number): { text: string; best?: FrontPoint } {
  if (!Number.isFinite(fps) || !Number.isFinite(energyMj)) {
    return { text: 'Your plan cannot run as it stands, so it has no point here.' };
  }
  const best = cheapestAtLeast(points, fps);
  if (!best) return { text: `Your plan: ${formatFps(fps)} FPS at ${formatMj(energyMj)} mJ/frame.` };
  const extra = energyMj / best.energyMj - 1;
  if (extra <= 1e-9) {
    return {
      text: `Your plan (${formatFps(fps)} FPS, ${formatMj(energyMj)} mJ/frame) is on the front: no plan is faster for less.`,
    };
  }
  return {
    text: `Your plan: ${formatFps(fps)} FPS at ${formatMj(energyMj)} mJ/frame. The front reaches ${formatFps(best.fps)} FPS with ${formatMj(best.energyMj)} mJ/frame: your plan spends ${(extra * 100).toFixed(1)} % more per frame.`,
    best,
  };
}

/**
 * The exact FPS-vs-energy front of the scenario (every plan no other beats on both), computed in
 * the search worker on request; pick a point to read it, use it to load its plan.
 */
export function FrontPanel() {
  const front = useStore((s) => s.front);
  const tables = useStore((s) => s.tables);
  const metrics = useStore(selectBackToBackMetrics);
  const computeFront = useStore((s) => s.computeFront);
  const cancelFront = useStore((s) => s.cancelFront);
  const setPlan = useStore((s) => s.setPlan);
  const [selected, setSelected] = useState(0);
  // One object per evaluation, so the chart's scales are not rebuilt on unrelated renders.
  const current = useMemo(() => ({ fps: metrics.fps, energyMj: metrics.energyPerFrameMj }), [metrics]);
  const points = front.state === 'done' && front.tables === tables ? front.points : undefined;
  const index = points ? Math.min(selected, points.length - 1) : 0;
  const point = points?.[index];
  const judged = points ? verdict(points, metrics.fps, metrics.energyPerFrameMj) : undefined;
  const use = (i: number) => {
    const p = points?.[i];
    if (p) setPlan(p.plan);
  };
  return (
    <section className="panel front-panel" aria-labelledby="front-title" data-testid="front-panel">
      <div className="panel-head">
        <h2 id="front-title">FPS against energy: every optimal trade-off</h2>
        <span className="muted">exact search over the same cost model</span>
      </div>
      <p className="muted">
        Each point is a plan that no other plan beats on both throughput and energy per frame: to the right, faster
        plans that spend more per frame; to the left, slower ones that spend less. Energy per frame counts idle power
        over one period, frames arriving back to back.
      </p>
      <div className="front-tools">
        {front.state === 'running' ? (
          <>
            <progress data-testid="front-progress" max={1} value={front.progress} aria-label="Front progress" />
            <button type="button" onClick={cancelFront} data-testid="cancel-front">
              Cancel
            </button>
          </>
        ) : (
          // The front holds until the network or platform changes (then it is hidden): nothing to redo.
          !points && (
            <button type="button" className="primary" data-testid="compute-front" onClick={() => void computeFront()}>
              Compute the front
            </button>
          )
        )}
        {points && (
          <span className="muted" data-testid="front-summary">
            {points.length} plans on the front, found in {front.searchMs?.toFixed(0)} ms
            {front.truncated ? ' (stopped early: the front is incomplete)' : ''}
          </span>
        )}
      </div>
      {front.state === 'error' && (
        <div role="alert" className="alert" data-testid="front-error">
          {front.message}
        </div>
      )}
      {front.state === 'idle' && front.message && <p className="muted">{front.message}</p>}
      {points && point && judged && (
        <>
          <FrontChart points={points} current={current} selected={index} onSelect={setSelected} onUse={use} />
          <p data-testid="front-verdict">
            {judged.text}{' '}
            {judged.best && (
              <button type="button" className="link" onClick={() => setSelected(points.indexOf(judged.best!))}>
                Pick that plan below
              </button>
            )}
          </p>
          <div className="front-pick">
            <label>
              Plan on the front
              <input
                type="range"
                min={0}
                max={points.length - 1}
                step={1}
                value={points.length - 1 - index}
                data-testid="front-slider"
                aria-valuetext={`${formatFps(point.fps)} FPS, ${formatMj(point.energyMj)} mJ per frame`}
                onChange={(e) => setSelected(points.length - 1 - Number(e.target.value))}
              />
            </label>
            <span data-testid="front-point">
              <strong>{formatFps(point.fps)} FPS</strong> · {formatMj(point.energyMj)} mJ/frame · latency{' '}
              {formatMs(point.latencyMs)} ms · {describePlan(point.plan)}
            </span>
            <button type="button" className="primary" data-testid="use-front-plan" onClick={() => use(index)}>
              Use this plan
            </button>
          </div>
        </>
      )}
    </section>
  );
}
