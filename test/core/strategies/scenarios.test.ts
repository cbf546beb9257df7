import { describe, expect, it } from 'vitest';
import { ExplorerError } from '../../../src/core/errors';
import { runScenario, scenarioById, SCENARIOS, type ScenarioResult } from '../../../src/core/strategies/scenarios';

const row = (r: ScenarioResult, label: string) => {
  const hit = r.rows.find((x) => x.label === label);
  if (!hit) throw new Error(`no row "${label}" in ${r.id}`);
  return hit;
};

describe('research-line scenarios', () => {
  it('one or more per line, with distinct ids and the paper’s figure cited', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const line of ['Pipe-it', 'Processor pipelining', 'QuiltNet', 'CAP', 'LCP']) {
      expect(SCENARIOS.some((s) => s.line.startsWith(line))).toBe(true);
    }
    for (const s of SCENARIOS) {
      expect(s.paper.claim.length).toBeGreaterThan(10);
      expect(s.paper.source.length).toBeGreaterThan(5);
    }
    expect(() => scenarioById('nope')).toThrow(ExplorerError);
  });

  it.each(SCENARIOS.map((s) => s.id))(
    '%s: rows come from the cost model and the gain is strategy over reference',
    (id) => {
      const r = runScenario(id);
      const strat = row(r, r.strategy);
      const ref = row(r, r.reference);
      expect(strat.valid).toBe(true);
      expect(ref.valid).toBe(true);
      for (const x of r.rows.filter((x) => x.valid)) {
        expect(x.fps).toBeGreaterThan(0);
        expect(Number.isFinite(x.latencyMs)).toBe(true);
        expect(x.energyPerFrameMj).toBeGreaterThan(0);
      }
      expect(r.modelGain.fps).toBeCloseTo(strat.fps / ref.fps - 1, 12);
      expect(r.modelGain.energyEfficiency).toBeCloseTo(ref.energyPerFrameMj / strat.energyPerFrameMj - 1, 12);
      // Every line's strategy beats its reference in this model (the comparison each paper makes).
      expect(strat.fps).toBeGreaterThan(ref.fps);
      switch (id) {
        case 'pipe-it':
          // Core configurations are a superset of whole clusters and of one cluster alone.
          expect(strat.fps).toBeGreaterThanOrEqual(row(r, 'pipeline of whole clusters').fps);
          expect(strat.fps).toBeGreaterThanOrEqual(row(r, 'best single processor').fps);
          expect(r.platform.processors.map((p) => p.id)).toEqual(['big', 'little']);
          break;
        case 'quiltnet':
          expect(r.plan?.ratios?.some((x) => x > 1)).toBe(true);
          expect(r.notes.join(' ')).toMatch(/optimal/);
          break;
        case 'cap':
          expect(strat.fps).toBeGreaterThanOrEqual(row(r, 'spatial everywhere (halo exchange)').fps);
          break;
        case 'lcp':
          expect(r.notes.join(' ')).toMatch(/accuracy/i);
          break;
      }
    },
    60_000,
  );
});
