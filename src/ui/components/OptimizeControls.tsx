import type { Objective } from '../../core/search/types';
import { useStore } from '../../state/store';

/** Objective, FPS target, Optimize with progress, and Cancel. */
export function OptimizeControls() {
  const objective = useStore((s) => s.objective);
  const minFps = useStore((s) => s.minFps);
  const search = useStore((s) => s.search);
  const setObjective = useStore((s) => s.setObjective);
  const setMinFps = useStore((s) => s.setMinFps);
  const optimize = useStore((s) => s.optimize);
  const cancel = useStore((s) => s.cancelSearch);
  const running = search.state === 'running';
  return (
    <div className="optimize">
      <label>
        Objective
        <select data-testid="objective" value={objective} onChange={(e) => setObjective(e.target.value as Objective)}>
          <option value="fps">max FPS</option>
          <option value="latency">min latency at FPS ≥</option>
          <option value="energy">min energy at FPS ≥</option>
        </select>
      </label>
      {objective !== 'fps' && (
        <input
          aria-label="FPS target"
          data-testid="min-fps"
          type="number"
          min={0.1}
          step={1}
          value={minFps}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v) && v > 0) setMinFps(v);
          }}
        />
      )}
      {running ? (
        <>
          <progress data-testid="search-progress" max={1} value={search.progress} aria-label="Search progress" />
          <button type="button" onClick={cancel} data-testid="cancel-search">
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="primary" data-testid="optimize" onClick={() => void optimize()}>
          Optimize
        </button>
      )}
    </div>
  );
}
