import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { ZOO } from '../../src/core/zoo';
import { PRESETS } from '../../src/core/platform/presets';

const json = (argv: string[]) => JSON.parse(run([...argv, '--json']).stdout);

describe('cli plan and pareto', () => {
  it('prints a plan that evaluate reproduces exactly, with baselines and the search time', () => {
    const out = json(['plan', 'resnet50', '--platform', 'hikey970']);
    const { cuts, procs, units } = out.plan;
    const again = json([
      'evaluate',
      'resnet50',
      '--platform',
      'hikey970',
      '--cuts',
      cuts.join(','),
      '--procs',
      procs.join(','),
      '--units',
      units.join(','),
    ]);
    expect(again.metrics.fps).toBe(out.metrics.fps);
    expect(out.valid).toBe(true);
    expect(out.baselines.singleBest.metrics.fps).toBeLessThanOrEqual(out.metrics.fps);
    expect(out.baselines.equalMacs.metrics.fps).toBeLessThanOrEqual(out.metrics.fps);
    expect(out.baselines.dataParallel.available).toBe(true);
    expect(out.searchMs).toBeGreaterThan(0);
  });

  it('meets an FPS target with the least energy, or says none can', () => {
    const out = json(['plan', 'resnet50', '--platform', 'snapdragon855', '--objective', 'energy', '--min-fps', '30']);
    expect(out.metrics.fps).toBeGreaterThanOrEqual(30);
    const fastest = json(['plan', 'resnet50', '--platform', 'snapdragon855']);
    expect(out.metrics.energyPerFrameMj).toBeLessThanOrEqual(
      json([
        'evaluate',
        'resnet50',
        '--platform',
        'snapdragon855',
        '--cuts',
        fastest.plan.cuts.join(','),
        '--procs',
        fastest.plan.procs.join(','),
        '--units',
        fastest.plan.units.join(','),
      ]).metrics.energyPerFrameMj,
    );
    expect(() => run(['plan', 'resnet50', '--platform', 'snapdragon855', '--min-fps', '100000'])).toThrow(
      /No plan satisfies/,
    );
  });

  it('honours --max-stages and pins', () => {
    const out = json(['plan', 'resnet18', '--platform', 'hikey970', '--max-stages', '2', '--pin-cuts', '30']);
    expect(out.plan.cuts).toEqual([30]);
    const pinned = json(['plan', 'resnet18', '--platform', 'hikey970', '--pin-layers', '0:little']);
    expect(pinned.plan.procs[0]).toBe('little');
  });

  it('prints a Pareto front ordered fastest first, each point saving energy', () => {
    const out = json(['pareto', 'squeezenet1_1', '--platform', 'hikey970']);
    expect(out.front.length).toBeGreaterThan(1);
    for (let i = 1; i < out.front.length; i++) {
      expect(out.front[i].metrics.fps).toBeLessThan(out.front[i - 1].metrics.fps);
      expect(out.front[i].metrics.energyPerFrameMj).toBeLessThan(out.front[i - 1].metrics.energyPerFrameMj);
    }
    expect(out.front[0].plan).toHaveProperty('cuts');
  });

  it('names the layer that fits nowhere instead of printing an empty front', () => {
    expect(() => run(['pareto', 'vgg16', '--platform', 'accel4'])).toThrow(
      /layer 33 "classifier.0".*fits on no processor/,
    );
    expect(() => run(['pareto', 'vgg16', '--platform', 'accel4', '--json'])).toThrow(/fits on no processor/);
  });

  it.each([
    [['plan', 'resnet50', '--platform', 'hikey970', '--objective', 'speed'], /--objective "speed"/],
    [['plan', 'resnet50', '--platform', 'hikey970', '--min-fps', 'abc'], /--min-fps "abc"/],
    [['plan', 'resnet50', '--platform', 'hikey970', '--max-stages', '0'], /--max-stages "0"/],
    [['plan', 'resnet50', '--platform', 'hikey970', '--pin-layers', '3:tpu'], /"tpu"/],
  ])('rejects %j', (argv, message) => {
    expect(() => run(argv)).toThrow(message);
  });

  it('plans every zoo network on every preset, or names the layer that fits nowhere', () => {
    // VGG's first fully connected layer has 103 M weights: 103 MB in int8 cannot fit a 4-chip board
    // chip's 40 MB of SRAM. Such a case must end in an error naming the layer, not a silent failure.
    for (const model of ZOO) {
      for (const platform of PRESETS) {
        let out;
        try {
          out = json(['plan', model.id, '--platform', platform.id]);
        } catch (e) {
          expect((e as Error).message, `${model.id} on ${platform.id}`).toMatch(
            /layer \d+ ".+" .* fits on no processor/,
          );
          continue;
        }
        expect(out.valid, `${model.id} on ${platform.id}`).toBe(true);
        expect(out.metrics.fps).toBeGreaterThan(0);
      }
    }
  }, 120_000);
});
