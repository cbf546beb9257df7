import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layerTimeMs } from '../../../src/core/cost/layerCost';
import { buildCostTables, stageComputeMs } from '../../../src/core/cost/tables';
import { ExplorerError } from '../../../src/core/errors';
import { importOnnxBytes } from '../../../src/core/onnx';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { planFromSpec } from '../../../src/core/plan/types';
import { platformById } from '../../../src/core/platform/presets';
import { calibrate } from '../../../src/core/profile/calibrate';
import { matchProfile } from '../../../src/core/profile/match';
import { parseProfile } from '../../../src/core/profile/parse';
import { zooNetwork } from '../../../src/core/zoo';

const read = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const mobilenet = () =>
  importOnnxBytes(new Uint8Array(readFileSync(new URL('../../fixtures/onnx/mobilenet_v2.onnx', import.meta.url))))
    .network;

describe('ONNX Runtime profile (real, scripts/ort_profile.mjs on MobileNet v2, default optimisation)', () => {
  const profile = parseProfile(read('profiles/mobilenet_v2.ort.json'));

  it('averages the kernel events of 5 runs into one record per kernel', () => {
    expect(profile.format).toBe('ort');
    expect(profile.runs).toBe(5);
    expect(profile.records).toHaveLength(56);
    const events = JSON.parse(read('profiles/mobilenet_v2.ort.json')) as { cat: string; name: string; dur: number }[];
    const gemm = events.filter((e) => e.cat === 'Node' && e.name === '/classifier/classifier.1/Gemm_kernel_time');
    const expected = gemm.reduce((a, e) => a + e.dur, 0) / 1000 / 5;
    expect(profile.records.find((r) => r.name === '/classifier/classifier.1/Gemm')!.ms).toBeCloseTo(expected, 12);
  });

  it('matches fused, renamed kernels to every layer; only the inserted reorder stays unmatched', () => {
    const net = mobilenet();
    const m = matchProfile(net, profile);
    expect(m.matchedLayers).toBe(net.layers.length);
    expect(m.unmatchedRecords.map((r) => r.name)).toEqual(['ReorderOutput']);
    // Conv + BN + ReLU6 run as one NCHWc kernel named after the Clip's output.
    const first = m.groups.find((g) => g.record === '/features/features.0/features.0.2/Clip_output_0_nchwc')!;
    expect(first.layers.map((l) => net.layers[l]!.name)).toEqual(['features.0.0', 'features.0.1', 'features.0.2']);
    // The residual Add is fused into the projection conv's kernel.
    const add = net.layers.find((l) => l.name === 'features.3.add')!;
    const withAdd = m.groups.find((g) => g.layers.includes(add.index))!;
    expect(withAdd.record).toBe('/features/features.3/conv/conv.3/BatchNormalization_output_0_nchwc');
    // Time is conserved: layers add up to the matched kernels.
    const matchedMs = profile.records.filter((r) => r.name !== 'ReorderOutput').reduce((a, r) => a + r.ms, 0);
    expect(m.measuredMs.reduce((a, b) => a + b, 0)).toBeCloseTo(matchedMs, 9);
  });

  it('calibrates a processor end to end: tables use measured times and evaluatePlan changes', () => {
    const net = mobilenet();
    const platform = platformById('hikey970');
    const c = calibrate(net, platform, 'big', profile);
    expect(c.report.matchedLayers).toBe(net.layers.length);
    expect(c.report.rows).toHaveLength(net.layers.length);
    expect(c.report.mapePct).toBeGreaterThan(0);
    expect(c.report.totalRatio).toBeCloseTo(c.report.modelledTotalMs / c.report.measuredTotalMs, 12);

    const analytic = buildCostTables(net, platform);
    const measured = buildCostTables(net, platform, { measured: new Map([[c.processorId, c.measuredMs]]) });
    const n = net.layers.length;
    const big = measured.processorIndex.get('big')!;
    const total = c.measuredMs.reduce((a, b) => a + b, 0);
    expect(stageComputeMs(measured, big, 4, 0, n)).toBeCloseTo(total, 9);
    // On k < all units: measured x the model's own t(k) / t(all).
    const l = net.layers[10]!;
    const proc = platform.processors[big]!;
    const ratio = layerTimeMs(l, proc, 1, net.dtype) / layerTimeMs(l, proc, 4, net.dtype);
    expect(stageComputeMs(measured, big, 1, 10, 11)).toBeCloseTo(c.measuredMs[10]! * ratio, 12);
    // Other processors keep the analytic model.
    const npu = measured.processorIndex.get('npu')!;
    expect(stageComputeMs(measured, npu, 1, 0, n)).toBe(stageComputeMs(analytic, npu, 1, 0, n));

    const plan = planFromSpec({ cuts: [], procs: ['big'] }, n, () => 4);
    const before = evaluatePlan(analytic, plan).metrics;
    const after = evaluatePlan(measured, plan).metrics;
    expect(after.latencyMs).not.toBeCloseTo(before.latencyMs, 3);
    expect(evaluatePlan(measured, plan).stages[0]!.computeMs).toBeCloseTo(total, 9);
  });
});

describe('ORT records without a name match', () => {
  it('fall back to the first free layer with the same op and output shape', () => {
    const net = zooNetwork('resnet18');
    const events = [
      { cat: 'Session', name: 'model_run', dur: 10 },
      {
        cat: 'Node',
        name: 'renamed_beyond_recognition_kernel_time',
        dur: 3000,
        args: { op_name: 'MaxPool', output_type_shape: [{ float: [1, 64, 56, 56] }] },
      },
      {
        cat: 'Node',
        name: 'another_kernel_time',
        dur: 1000,
        args: { op_name: 'MaxPool', output_type_shape: [{ float: [1, 64, 56, 56] }] },
      },
    ];
    const m = matchProfile(net, parseProfile(JSON.stringify(events)));
    const pool = net.layers.find((l) => l.name === 'maxpool')!;
    expect(m.groups.find((g) => g.record === 'renamed_beyond_recognition')!.layers).toContain(pool.index);
    // Only one MaxPool has that shape: the second record stays unmatched.
    expect(m.unmatchedRecords.map((r) => r.name)).toEqual(['another']);
    expect(m.measuredMs[pool.index]).toBeGreaterThan(0);
  });
});

describe('TFLite benchmark_model op profile', () => {
  const text = [
    'Some preamble',
    '============================== Run Order ==============================',
    '\t             [node type]\t  [start]\t  [first]\t [avg ms]\t     [%]\t  [cdf%]\t  [mem KB]\t[times called]\t[Name]',
    '\t                 CONV_2D\t    0.000\t    2.100\t    2.000\t 50.000%\t 50.000%\t     0.000\t        1\t[conv1]:0',
    '\t                 CONV_2D\t    2.000\t    1.100\t    1.000\t 25.000%\t 75.000%\t     0.000\t        1\t[layer1.0.conv1]:1',
    '\t         FULLY_CONNECTED\t    3.000\t    1.100\t    1.000\t 25.000%\t100.000%\t     0.000\t        1\tfc',
    '\t                 MYSTERY\t    4.000\t    0.100\t    0.500\t  0.000%\t100.000%\t     0.000\t        1\tnot_in_model',
    '',
    '============================== Top by Computation Time ==============================',
  ].join('\n');

  it('reads the Run Order rows (avg ms, node type, name)', () => {
    const p = parseProfile(text);
    expect(p.format).toBe('tflite');
    expect(p.records.map((r) => [r.name, r.ms, r.opType])).toEqual([
      ['conv1', 2, 'CONV_2D'],
      ['layer1.0.conv1', 1, 'CONV_2D'],
      ['fc', 1, 'FULLY_CONNECTED'],
      ['not_in_model', 0.5, 'MYSTERY'],
    ]);
  });

  it('matches layer names and absorbs the fused BN and ReLU that follow a conv', () => {
    const net = zooNetwork('resnet18');
    const p = parseProfile(text);
    const m = matchProfile(net, p);
    expect(m.unmatchedRecords.map((r) => r.name)).toEqual(['not_in_model']);
    const conv1 = m.groups.find((g) => g.record === 'conv1')!;
    expect(conv1.layers.map((l) => net.layers[l]!.name)).toEqual(['conv1', 'bn1', 'relu']);
    expect(conv1.layers.reduce((a, l) => a + m.measuredMs[l]!, 0)).toBeCloseTo(2, 12);
  });
});

describe('CSV layer,time_ms[,energy_mj]', () => {
  it('matches names and positions one layer per row, with a header', () => {
    const net = zooNetwork('resnet18');
    const p = parseProfile('layer,time_ms,energy_mj\nconv1,1.5,0.2\n3,0.25\n# comment\nnope,1\n');
    expect(p.format).toBe('csv');
    expect(p.records[0]).toEqual({ name: 'conv1', ms: 1.5, energyMj: 0.2 });
    const m = matchProfile(net, p);
    expect(m.matchedLayers).toBe(2);
    expect(m.measuredMs[0]).toBe(1.5);
    expect(m.measuredMs[3]).toBe(0.25);
    expect(Number.isNaN(m.measuredMs[1]!)).toBe(true);
    expect(m.unmatchedRecords.map((r) => r.name)).toEqual(['nope']);
  });

  it('names the bad line', () => {
    expect(() => parseProfile('conv1,1\nconv2,fast\n')).toThrow(/line 2/);
    expect(() => parseProfile('conv1,-1\n')).toThrow(ExplorerError);
  });
});

describe('parseProfile rejects what it cannot read', () => {
  it.each([
    ['JSON without kernels', '[{"cat":"Session","name":"model_run","dur":1}]'],
    ['broken JSON', '[{"cat":'],
    ['an object without traceEvents', '{"a":1}'],
    ['an empty TFLite table', '=== Run Order ===\n\n'],
    ['empty text', ''],
  ])('%s', (_, text) => {
    expect(() => parseProfile(text)).toThrow(expect.objectContaining({ code: 'PROFILE_FORMAT' }));
  });

  it('names an unknown processor', () => {
    const net = zooNetwork('resnet18');
    expect(() => calibrate(net, platformById('hikey970'), 'tpu', parseProfile('conv1,1\n'))).toThrow(/tpu/);
  });
});
