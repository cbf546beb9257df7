import { formatFps } from '../../core/format';
import { useStore } from '../../state/store';

/** What the last search found and how it compares with the baselines (all from the worker's result). */
export function SearchSummary() {
  const search = useStore((s) => s.search);
  const fps = useStore((s) => s.evaluation.metrics.fps);
  if (search.state === 'error') {
    return (
      <div role="alert" className="alert" data-testid="search-error">
        {search.message}
      </div>
    );
  }
  if (search.state !== 'done' || !search.baselines) {
    return search.message ? <p className="muted">{search.message}</p> : null;
  }
  const b = search.baselines;
  const rows: [string, number | undefined, string][] = [
    ['best single processor', b.singleBest?.evaluation.metrics.fps, b.singleBest?.plan.stages[0]?.processor ?? ''],
    [
      'equal-MAC split of the same processors',
      b.equalMacs?.evaluation.metrics.fps,
      b.equalMacs?.evaluation.valid === false ? 'invalid' : '',
    ],
    ['data-parallel replicas', b.dataParallel.available ? b.dataParallel.fps : undefined, b.dataParallel.reason ?? ''],
  ];
  return (
    <section className="panel" aria-labelledby="search-title" data-testid="search-summary">
      <h2 id="search-title">Optimal plan found in {search.searchMs?.toFixed(0)} ms</h2>
      <table className="processors">
        <thead>
          <tr>
            <th scope="col">Baseline</th>
            <th scope="col">FPS</th>
            <th scope="col">This plan vs baseline</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, value, note]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value === undefined ? '—' : formatFps(value)}</td>
              <td>{value === undefined ? '—' : `${(fps / value).toFixed(2)}×`}</td>
              <td>{note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
