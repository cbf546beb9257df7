import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { SCENARIOS } from '../../src/core/strategies/scenarios';

describe('cli scenarios', () => {
  it('scenarios --json lists every scenario with its network, platform and paper claim', () => {
    const list = JSON.parse(run(['scenarios', '--json']).stdout);
    expect(list.map((s: { id: string }) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    const lcp = list.find((s: { id: string }) => s.id === 'lcp');
    expect(lcp).toMatchObject({ network: 'alexnet', platform: 'rpi4x4', strategy: 'lcp' });
    expect(lcp.paper.claim).toMatch(/56x/);
    const quilt = list.find((s: { id: string }) => s.id === 'quiltnet');
    expect(quilt.setting).toMatch(/GB\/s/);
    expect(run(['scenarios']).stdout).toMatch(/quiltnet/);
  });

  it('scenario <id> --json prints the rows, the model gain and the paper figure', () => {
    const r = JSON.parse(run(['scenario', 'cap', '--json']).stdout);
    expect(r.id).toBe('cap');
    expect(r.rows.length).toBeGreaterThanOrEqual(3);
    expect(r.rows[0].label).toBe(r.strategy);
    expect(r.modelGain.fps).toBeCloseTo(
      r.rows[0].fps / r.rows.find((x: { label: string }) => x.label === r.reference).fps - 1,
      9,
    );
    expect(r.paper.source).toMatch(/IEEE TC/);
  });

  it.each(SCENARIOS.map((s) => s.id))(
    'scenario %s prints a comparison table with the paper figure labelled as the paper’s',
    (id) => {
      const { stdout, code } = run(['scenario', id]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/vs reference/);
      expect(stdout).toMatch(/^paper \(their figure, their setup\): /m);
      expect(stdout).toMatch(/^model: .* FPS [+-]\d/m);
    },
    60_000,
  );

  it('an unknown scenario or a missing id is a clear error', () => {
    expect(() => run(['scenario', 'nope'])).toThrow(/No scenario with that id/);
    expect(() => run(['scenario'])).toThrow(/missing scenario id/);
  });
});
