import { formatMs } from '../../core/format';
import { useStore } from '../../state/store';

/** Rows of the measured-vs-modelled table shown per processor (the slowest measured layers). */
const ROWS_SHOWN = 25;

/**
 * For every processor with an attached profile: how many layers matched, and
 * how far the analytic model is from the measurement (per layer and overall),
 * so a user sees how much to trust the model on their device.
 */
export function CalibrationPanel() {
  const calibrations = useStore((s) => s.calibrations);
  const platform = useStore((s) => s.platform);
  const detach = useStore((s) => s.detachProfile);
  const entries = Object.entries(calibrations);
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="calibration-title" data-testid="calibration">
      <h2 id="calibration-title">Measured profiles</h2>
      {entries.map(([id, r]) => {
        const proc = platform.processors.find((p) => p.id === id);
        const rows = [...r.rows].sort((a, b) => b.measuredMs - a.measuredMs).slice(0, ROWS_SHOWN);
        return (
          <div key={id} className="calibration">
            <p>
              <strong>{proc?.name ?? id}</strong> uses measured times ({r.format} profile) for{' '}
              <strong data-testid="calibration-matched">{r.matchedLayers}</strong> layers;{' '}
              <span data-testid="calibration-unmatched">{r.unmatchedLayers}</span> layers were not in the profile and
              stay modelled. Model vs measurement over the matched layers: {formatMs(r.modelledTotalMs)} ms modelled vs{' '}
              {formatMs(r.measuredTotalMs)} ms measured (ratio {r.totalRatio.toFixed(2)}), mean error per layer{' '}
              {r.mapePct.toFixed(0)}%.{' '}
              <button type="button" className="link" onClick={() => void detach(id)}>
                Detach profile
              </button>
            </p>
            <table className="processors">
              <caption className="muted">The {rows.length} slowest measured layers</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">layer</th>
                  <th scope="col">op</th>
                  <th scope="col">measured ms</th>
                  <th scope="col">model ms</th>
                  <th scope="col">model error</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.index}>
                    <td>{row.index}</td>
                    <td>
                      <code>{row.name}</code>
                    </td>
                    <td>{row.op}</td>
                    <td>{formatMs(row.measuredMs)}</td>
                    <td>{formatMs(row.modelledMs)}</td>
                    <td>
                      {Number.isFinite(row.errorPct)
                        ? `${row.errorPct > 0 ? '+' : ''}${row.errorPct.toFixed(0)}%`
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.unmatchedRecords.length > 0 && (
              <p className="muted">
                Profile entries with no layer:{' '}
                {r.unmatchedRecords
                  .slice(0, 10)
                  .map((u) => u.name)
                  .join(', ')}
                {r.unmatchedRecords.length > 10 ? ` and ${r.unmatchedRecords.length - 10} more` : ''}.
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
