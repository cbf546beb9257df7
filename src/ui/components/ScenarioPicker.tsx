import { SCENARIOS } from '../../core/strategies/scenarios';
import { selectShownScenario } from '../../state/slices/research';
import { useStore } from '../../state/store';

/** Header select that opens a research-line scenario (network, platform, strategy and the paper's comparison). */
export function ScenarioPicker() {
  const research = useStore((s) => s.research);
  const open = useStore((s) => s.openScenario);
  const shown = useStore(selectShownScenario);
  const value = research.state === 'running' || shown ? (research.id ?? '') : '';
  return (
    <select
      data-testid="scenario-picker"
      aria-label="Research scenario"
      value={value}
      aria-busy={research.state === 'running'}
      onChange={(e) => {
        if (e.target.value) void open(e.target.value);
      }}
    >
      <option value="">Research scenario…</option>
      {SCENARIOS.map((s) => (
        <option key={s.id} value={s.id}>
          {s.line}
          {s.id.endsWith('lowend') ? ', low end' : ''}
        </option>
      ))}
    </select>
  );
}
