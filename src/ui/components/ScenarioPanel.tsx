import { formatFps, formatMj, formatMs } from '../../core/format';
import type { ComparisonRow } from '../../core/strategies/common';
import { selectShownScenario } from '../../state/slices/research';
import { useStore } from '../../state/store';
import { Explain } from '../classroom/Explain';

const pct = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}%` : '—');
const times = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—';

function Row({ row, reference, role }: { row: ComparisonRow; reference?: ComparisonRow; role?: string }) {
  return (
    <tr className={role ? `scenario-row ${role}` : 'scenario-row'} data-testid="scenario-row">
      <th scope="row">
        {row.label}
        {role === 'is-strategy' && <span className="badge strategy-badge">this line&apos;s strategy</span>}
        {role === 'is-reference' && <span className="badge reference-badge">reference</span>}
      </th>
      <td data-testid="row-fps" data-value={row.fps}>
        {row.valid ? formatFps(row.fps) : '—'}
      </td>
      <td data-testid="row-latency" data-value={row.latencyMs}>
        {row.valid ? formatMs(row.latencyMs) : '—'}
      </td>
      <td data-testid="row-energy" data-value={row.energyPerFrameMj}>
        {row.valid ? formatMj(row.energyPerFrameMj) : '—'}
      </td>
      <td>{row.valid && reference ? times(row.fps, reference.fps) : '—'}</td>
      <td className="scenario-detail">{row.detail}</td>
    </tr>
  );
}

/**
 * The open research scenario: the comparison its paper makes, every row computed by the cost
 * model, the model's gain, and the paper's own headline figure in a separate, labelled box.
 */
export function ScenarioPanel() {
  const shown = useStore(selectShownScenario);
  const close = useStore((s) => s.closeScenario);
  if (!shown) return null;
  const r = shown.result;
  const reference = r.rows.find((x) => x.label === r.reference);
  const quilt = r.plan?.ratios !== undefined;
  return (
    <section
      className="panel scenario-panel"
      aria-labelledby="scenario-title"
      data-testid="scenario-panel"
      data-explorer-plan={shown.planIsStrategy ? (quilt ? 'strategy-cuts' : 'strategy') : 'pipeline-row'}
    >
      <div className="panel-head">
        <h2 id="scenario-title">
          {r.line}: {r.title}
        </h2>
        <button type="button" className="link" onClick={close} data-testid="scenario-close">
          Close scenario
        </button>
      </div>
      <p className="muted">
        {r.network.name} on {r.platform.name}.
        {r.setting && (
          <>
            {' '}
            <span className="badge estimate" data-testid="scenario-setting">
              scenario setting
            </span>{' '}
            {r.setting}.
          </>
        )}
      </p>
      <div className="scenario-body">
        <div className="scenario-model">
          <h3>
            Our cost model on this platform
            <Explain
              label="Comparison table"
              text="Every row is computed by the explorer's analytic cost model from the platform's figures (many are estimates), not measured. FPS: frames per second in steady state; latency: one frame through an idle system; energy per frame; × ref: FPS over the reference row."
            />
          </h3>
          <table className="scenario-table">
            <thead>
              <tr>
                <th scope="col">strategy</th>
                <th scope="col">FPS</th>
                <th scope="col">latency (ms)</th>
                <th scope="col">energy (mJ/frame)</th>
                <th scope="col">× ref FPS</th>
                <th scope="col">how it runs</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <Row
                  key={row.label}
                  row={row}
                  {...(reference ? { reference } : {})}
                  {...(row.label === r.strategy
                    ? { role: 'is-strategy' }
                    : row.label === r.reference
                      ? { role: 'is-reference' }
                      : {})}
                />
              ))}
            </tbody>
          </table>
          <p className="scenario-gain" data-testid="scenario-gain">
            The model predicts <strong>{pct(r.modelGain.fps)} FPS</strong> and{' '}
            <strong>{pct(r.modelGain.energyEfficiency)} energy efficiency</strong> for <em>{r.strategy}</em> over{' '}
            <em>{r.reference}</em>.
          </p>
        </div>
        <aside className="paper-box" data-testid="scenario-paper" aria-labelledby="paper-title">
          <h3 id="paper-title">The paper reports (their hardware, their measurements)</h3>
          <p className="paper-claim">{r.paper.claim}</p>
          <p className="paper-source">Source: {r.paper.source}</p>
          <p className="paper-caveat">
            Not computed here: compare its direction and size with the model&apos;s, not the digits.
          </p>
        </aside>
      </div>
      <ul className="scenario-notes" data-testid="scenario-notes">
        <li>
          {shown.planIsStrategy
            ? quilt
              ? `Below, the explorer shows the same cuts and chips (${r.plan!.cuts.join(', ')}) without the autoencoders: it models plain tensors, so its FPS is the uncompressed pipeline's.`
              : 'Below, the explorer shows this strategy’s plan: move a split or change a stage’s processor and watch the metrics.'
            : `${r.strategy} is not a pipeline of whole layers, so the explorer below shows the table's pipeline row on the same platform for comparison.`}
        </li>
        {r.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
