import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCostTables, stageComputeMs } from '../../src/core/cost/tables';
import { importOnnxBytes } from '../../src/core/onnx';
import { platformById } from '../../src/core/platform/presets';
import { createOnnxApi, importOnnx } from '../../src/workers/onnxApi';
import { createSearchApi } from '../../src/workers/searchApi';
import { searchPlan } from '../../src/core/search/searchPlan';
import { importOnnxInWorker } from '../../src/workers/onnxClient';

const file = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
/** A fresh ArrayBuffer holding exactly the file (as `File.arrayBuffer()` gives). */
const arrayBuffer = (path: string): ArrayBuffer => {
  const b = file(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('ONNX API (the worker body, run in Node)', () => {
  it('imports from an ArrayBuffer or a Uint8Array exactly like the core, with progress 0..1', () => {
    const progress: number[] = [];
    const fromBuffer = importOnnx(arrayBuffer('onnx/googlenet.onnx'), { dims: { batch: 2 } }, (f) => progress.push(f));
    const direct = importOnnxBytes(new Uint8Array(file('onnx/googlenet.onnx')), { dims: { batch: 2 } });
    expect(fromBuffer.network.layers.map((l) => [l.name, l.macs])).toEqual(
      direct.network.layers.map((l) => [l.name, l.macs]),
    );
    expect(fromBuffer.network.inputShape).toEqual([2, 3, 224, 224]);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(importOnnx(new Uint8Array(file('onnx/tiny.onnx'))).network.layers).toHaveLength(9);
  });

  it('attaches a profile text to a processor', () => {
    const api = createOnnxApi();
    const { network } = api.importOnnx(arrayBuffer('onnx/mobilenet_v2.onnx'));
    const platform = platformById('hikey970');
    const c = api.attachProfile(network, platform, 'big', file('profiles/mobilenet_v2.ort.json').toString('utf8'));
    expect(c.report.matchedLayers).toBe(network.layers.length);
    const t = buildCostTables(network, platform, { measured: new Map([[c.processorId, c.measuredMs]]) });
    const total = c.measuredMs.reduce((a, b) => a + b, 0);
    expect(stageComputeMs(t, t.processorIndex.get('big')!, 4, 0, network.layers.length)).toBeCloseTo(total, 9);
  });

  it('the client falls back to the calling thread where Worker is missing', async () => {
    const seen: number[] = [];
    const result = await importOnnxInWorker(arrayBuffer('onnx/resnet50.onnx'), {}, (f) => seen.push(f));
    expect(result.network.layers).toHaveLength(175);
    expect(seen.at(-1)).toBe(1);
  });

  it('rejects bad bytes with an ExplorerError code', () => {
    expect(() => importOnnx(new Uint8Array([1, 2, 3]))).toThrow(expect.objectContaining({ name: 'ExplorerError' }));
  });

  it('the search API searches an imported network, calibrated or not', () => {
    const { network } = importOnnx(arrayBuffer('onnx/mobilenet_v2.onnx'));
    const platform = platformById('hikey970');
    const c = createOnnxApi().attachProfile(
      network,
      platform,
      'big',
      file('profiles/mobilenet_v2.ort.json').toString('utf8'),
    );
    const api = createSearchApi();
    const options = { objective: 'fps' as const, maxStages: 1, pins: { layers: [{ layer: 0, processor: 'big' }] } };
    const plain = api.search({ model: 'ignored', network, platform, options });
    const measured = new Map([[c.processorId, c.measuredMs]]);
    const calibrated = api.search({ model: 'ignored', network, platform, options, measured });
    const direct = searchPlan(buildCostTables(network, platform, { measured }), options);
    expect(calibrated.evaluation.metrics.latencyMs).toBe(direct.evaluation.metrics.latencyMs);
    expect(calibrated.evaluation.metrics.latencyMs).not.toBeCloseTo(plain.evaluation.metrics.latencyMs, 1);
  });
});
