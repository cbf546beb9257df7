import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { model } from '../fixtures/onnxWriter';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const json = (argv: string[]) => JSON.parse(run([...argv, '--json']).stdout);
const tiny = fixture('onnx/tiny.onnx');
const mobilenet = fixture('onnx/mobilenet_v2.onnx');
const ortProfile = fixture('profiles/mobilenet_v2.ort.json');

/** A model with a custom-domain op and a symbolic image size. */
function unknownOpFile(): string {
  const bytes = model({
    nodes: [
      { name: '/relu/Relu', op: 'Relu', inputs: ['x'], outputs: ['a'] },
      { name: '/mystery/Swizzle', op: 'Swizzle', domain: 'com.example', inputs: ['a'], outputs: ['y'] },
    ],
    inputs: [{ name: 'x', dims: ['N', 3, 'size', 'size'] }],
    outputs: [{ name: 'y' }],
  });
  const path = join(mkdtempSync(join(tmpdir(), 'onnx-cli-')), 'mystery.onnx');
  writeFileSync(path, bytes);
  return path;
}

describe('cli with an .onnx file', () => {
  it('stats reads the file and reports the symbolic batch', () => {
    const s = json(['stats', tiny]);
    expect(s.model).toBe('tiny');
    expect(s.params).toBe(906);
    expect(s.onnx.symbolicDims).toEqual([{ name: 'batch', value: 1, defaulted: true }]);
    expect(s.onnx.warnings).toEqual([]);
    expect(run(['stats', tiny]).stdout).toContain('symbolic dims: batch=1 (default; set with --dim)');
  });

  it('--dim sets symbolic dims; stats prints unknown-op warnings', () => {
    const path = unknownOpFile();
    expect(() => run(['stats', path])).toThrow(/--dim size=/);
    const s = json(['stats', path, '--dim', 'size=16', '--dim', 'N=2']);
    expect(s.inputShape).toEqual([2, 3, 16, 16]);
    expect(s.onnx.symbolicDims).toEqual([
      { name: 'N', value: 2, defaulted: false },
      { name: 'size', value: 16, defaulted: false },
    ]);
    expect(s.layersDetail.map((l: { op: string; macs: number }) => [l.op, l.macs])).toEqual([
      ['Relu', 0],
      ['Swizzle', 0],
    ]);
    const text = run(['stats', path, '--dim', 'size=16,N=1']).stdout;
    expect(text).toMatch(/warning: unknown op com\.example\.Swizzle/);
    expect(() => run(['stats', path, '--dim', 'size=big'])).toThrow(/--dim "size=big"/);
  });

  it('plan takes the file like a zoo id, and --profile FILE@PROC calibrates it', () => {
    const onBig = ['--max-stages', '1', '--pin-layers', '0:big'];
    const plain = json(['plan', mobilenet, '--platform', 'hikey970', ...onBig]);
    const calibrated = json(['plan', mobilenet, '--platform', 'hikey970', ...onBig, '--profile', `${ortProfile}@big`]);
    expect(plain.model).toBe('mobilenet_v2');
    const single = json(['evaluate', mobilenet, '--platform', 'hikey970', '--cuts', '', '--procs', 'big']);
    const singleCal = json([
      'evaluate',
      mobilenet,
      '--platform',
      'hikey970',
      '--cuts',
      '',
      '--procs',
      'big',
      '--profile',
      `${ortProfile}@big`,
    ]);
    // The measured kernels of MobileNet v2 on this machine's CPU sum to ~50 ms, not the model's ~23 ms.
    expect(singleCal.stages[0].computeMs).not.toBeCloseTo(single.stages[0].computeMs, 1);
    expect(calibrated.plan.procs).toEqual(['big']);
    expect(calibrated.metrics.latencyMs).toBeCloseTo(singleCal.metrics.latencyMs, 9);
    expect(calibrated.metrics.latencyMs).not.toBeCloseTo(plain.metrics.latencyMs, 1);
    const text = run(['plan', mobilenet, '--platform', 'hikey970', '--profile', `${ortProfile}@big`]).stdout;
    expect(text).toMatch(/152 layers matched, 0 modelled, 1 profile entries unmatched/);
  });

  it('calibrate prints measured vs modelled per layer', () => {
    const c = json(['calibrate', mobilenet, '--platform', 'hikey970', '--profile', `${ortProfile}@big`]);
    expect(c.calibrations).toHaveLength(1);
    expect(c.calibrations[0].matchedLayers).toBe(152);
    expect(c.calibrations[0].unmatchedRecords).toEqual(['ReorderOutput']);
    expect(c.calibrations[0].layers).toHaveLength(152);
    expect(c.calibrations[0].mapePct).toBeGreaterThan(0);
  });

  it('names bad --profile arguments', () => {
    expect(() => run(['plan', mobilenet, '--platform', 'hikey970', '--profile', ortProfile])).toThrow(/FILE@PROCESSOR/);
    expect(() => run(['plan', mobilenet, '--platform', 'hikey970', '--profile', `${ortProfile}@tpu`])).toThrow(/tpu/);
    expect(() => run(['plan', mobilenet, '--platform', 'hikey970', '--profile', '/nonexistent.json@big'])).toThrow(
      /cannot read profile/,
    );
    expect(() => run(['stats', '/nonexistent/model.onnx'])).toThrow(/cannot read ONNX file/);
  });
});
