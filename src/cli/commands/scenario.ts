import { formatFps, formatMj, formatMs } from '../../core/format';
import { runScenario, SCENARIOS, type ScenarioResult } from '../../core/strategies/scenarios';
import { table } from '../table';

/** `scenarios [--json]`: one line per research-line scenario. */
export function scenariosCommand(json: boolean): string {
  const list = SCENARIOS.map((s) => ({
    id: s.id,
    line: s.line,
    title: s.title,
    network: s.networkId,
    platform: s.basePlatformId,
    ...(s.setting ? { setting: s.setting } : {}),
    strategy: s.strategy,
    paper: s.paper,
  }));
  if (json) return JSON.stringify(list);
  return table(
    ['id', 'line', 'network', 'platform', 'title'],
    list.map((s) => [s.id, s.line, s.network, s.platform, s.title]),
  );
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const pct = (v: number): string => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%` : '—');

function scenarioJson(r: ScenarioResult) {
  return {
    id: r.id,
    line: r.line,
    title: r.title,
    network: r.network,
    platform: { id: r.platform.id, name: r.platform.name },
    ...(r.setting ? { setting: r.setting } : {}),
    strategy: r.strategy,
    reference: r.reference,
    rows: r.rows.map((row) => ({
      ...row,
      fps: finite(row.fps),
      latencyMs: finite(row.latencyMs),
      energyPerFrameMj: finite(row.energyPerFrameMj),
    })),
    ...(r.plan ? { plan: r.plan } : {}),
    modelGain: { fps: finite(r.modelGain.fps), energyEfficiency: finite(r.modelGain.energyEfficiency) },
    paper: r.paper,
    notes: r.notes,
  };
}

/** `scenario <id> [--json]`: the comparison table of one scenario with the paper's headline beside it. */
export function scenarioCommand(id: string, json: boolean): string {
  const r = runScenario(id);
  if (json) return JSON.stringify(scenarioJson(r));
  const ref = r.rows.find((row) => row.label === r.reference);
  const rows = r.rows.map((row) => [
    row.label,
    formatFps(row.fps),
    formatMs(row.latencyMs),
    formatMj(row.energyPerFrameMj),
    ref && Number.isFinite(row.fps) && ref.fps > 0 ? `${(row.fps / ref.fps).toFixed(2)}x` : '—',
    row.detail,
  ]);
  return [
    `${r.line}: ${r.title}`,
    `${r.network.name} on ${r.platform.name}${r.setting ? ` (${r.setting})` : ''}`,
    '',
    table(['', 'FPS', 'latency ms', 'energy mJ', 'vs reference', 'how'], rows),
    '',
    `model: ${r.strategy} vs ${r.reference}: FPS ${pct(r.modelGain.fps)}, energy efficiency ${pct(r.modelGain.energyEfficiency)}`,
    `paper (their figure, their setup): ${r.paper.claim} [${r.paper.source}]`,
    ...r.notes.map((n) => `note: ${n}`),
  ].join('\n');
}
