import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { buildCostTables } from '../../src/core/cost/tables';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { planFromSpec } from '../../src/core/plan/types';
import { platformById } from '../../src/core/platform/presets';
import { zooNetwork } from '../../src/core/zoo';

const json = (argv: string[]) => JSON.parse(run([...argv, '--json']).stdout);

describe('cli', () => {
  it('lists models and platforms as JSON', () => {
    const models = json(['models']);
    expect(models.map((m: { id: string }) => m.id)).toContain('resnet50');
    const platforms = json(['platforms']);
    const hikey = platforms.find((p: { id: string }) => p.id === 'hikey970');
    expect(hikey.processors.map((p: { id: string }) => p.id)).toEqual(['big', 'little', 'gpu', 'npu']);
    expect(Object.keys(hikey.processors[0]).sort()).toEqual(['id', 'kind', 'name', 'units']);
  });

  it('prints stats with every layer', () => {
    const s = json(['stats', 'resnet18']);
    expect(s.model).toBe('resnet18');
    expect(s.params).toBe(11_689_512);
    expect(s.layersDetail).toHaveLength(s.layers);
    expect(s.layersDetail[0]).toEqual({
      name: 'conv1',
      op: 'Conv',
      outputShape: [1, 64, 112, 112],
      params: 9408,
      macs: 118_013_952,
      outputBytes: 64 * 112 * 112 * 4,
    });
  });

  it('evaluates a plan exactly as the core does', () => {
    const out = json([
      'evaluate',
      'resnet50',
      '--platform',
      'hikey970',
      '--cuts',
      '40,120',
      '--procs',
      'big,gpu,npu',
      '--units',
      '4,1,1',
    ]);
    const net = zooNetwork('resnet50');
    const t = buildCostTables(net, platformById('hikey970'));
    const e = evaluatePlan(
      t,
      planFromSpec({ cuts: [40, 120], procs: ['big', 'gpu', 'npu'], units: [4, 1, 1] }, net.layers.length, () => 1),
    );
    expect(out.metrics.fps).toBe(e.metrics.fps);
    expect(out.metrics.energyPerFrameMj).toBe(e.metrics.energyPerFrameMj);
    expect(out.stages.map((s: { from: number; to: number }) => [s.from, s.to])).toEqual([
      [0, 40],
      [40, 120],
      [120, net.layers.length],
    ]);
    expect(Object.keys(out.metrics)).toEqual(
      expect.arrayContaining(['fps', 'periodMs', 'latencyMs', 'energyPerFrameMj', 'avgPowerW', 'bottleneck']),
    );
  });

  it("treats --cuts '' as one stage on all units by default", () => {
    const out = json(['evaluate', 'alexnet', '--platform', 'hikey970', '--cuts', '', '--procs', 'big']);
    expect(out.stages).toHaveLength(1);
    expect(out.stages[0].units).toBe(4);
  });

  it('answers a --plans file line by line, reporting bad lines without stopping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-'));
    const file = join(dir, 'plans.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ cuts: [10], procs: ['big', 'gpu'] }),
        JSON.stringify({ cuts: [], procs: ['npu'], units: [1] }),
        '{not json',
        JSON.stringify({ cuts: [5, 3], procs: ['big', 'gpu', 'npu'] }),
      ].join('\n'),
    );
    const r = run(['evaluate', 'resnet18', '--platform', 'hikey970', '--plans', file, '--json']);
    const lines = r.stdout.split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].stages).toHaveLength(2);
    expect(lines[1].stages[0].processor).toBe('npu');
    expect(lines[2]).toMatchObject({ line: 3 });
    expect(lines[3].error).toMatch(/sort/);
    expect(r.code).toBe(1);
  });

  it.each([
    [['stats', 'resnet51'], /No network with that id|resnet51/],
    [['evaluate', 'resnet50', '--platform', 'nope', '--cuts', '', '--procs', 'big'], /nope/],
    [['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '10', '--procs', 'big,tpu'], /"tpu"/],
    [['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '40,12', '--procs', 'big,gpu,npu'], /sort/],
    [['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '12,12', '--procs', 'big,gpu,npu'], /twice/],
    [['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '0', '--procs', 'big,gpu'], /outside/],
    [['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '99999', '--procs', 'big,gpu'], /outside/],
    [['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', 'x', '--procs', 'big,gpu'], /cut "x"/],
    [
      ['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '10', '--procs', 'big,gpu', '--units', 'four,1'],
      /units "four"/,
    ],
    [
      ['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '10', '--procs', 'big'],
      /2 stages need 2 processors/,
    ],
    [['frobnicate'], /unknown command/],
  ])('rejects bad input %j with a named error', (argv, message) => {
    expect(() => run(argv)).toThrow(message);
  });

  it('ends bad input with one line on stderr and a non-zero exit', () => {
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'src/cli/main.ts',
        'evaluate',
        'resnet50',
        '--platform',
        'hikey970',
        '--cuts',
        '3,2',
        '--procs',
        'big,gpu,npu',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn')),
    ).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: cut 2 comes after 3/m);
  });
});
