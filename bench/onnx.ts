/**
 * ONNX import benchmarks: a synthetic VGG-like file of ~100 MB (weights as
 * raw_data) written to os.tmpdir() at bench time and deleted afterwards, and
 * the committed ResNet-50 export. Budget (DESIGN.md): a 100 MB file in < 2 s,
 * with extra memory well under the file size.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { importOnnxBytes } from '../src/core/onnx';
import { model, type NodeDesc, type TensorDesc } from '../test/fixtures/onnxWriter';

export interface OnnxBenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'MB';
  budget?: number;
}

/** VGG-16's convolutions, then a narrower classifier so the weights total ~100 MB. */
/** A VGG-like ONNX model of about 113 MB, weights as raw_data. */
export function vggLike(): Uint8Array {
  const plan = [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'] as const;
  const nodes: NodeDesc[] = [];
  const inits: TensorDesc[] = [];
  const weight = (name: string, dims: number[]): string => {
    const bytes = dims.reduce((a, b) => a * b, 1) * 4;
    inits.push({ name, dims, raw: new Uint8Array(bytes) });
    return name;
  };
  let x = 'input';
  let c = 3;
  plan.forEach((v, i) => {
    const out = `/features/features.${i}/${v === 'M' ? 'MaxPool' : 'Conv'}_output_0`;
    if (v === 'M') {
      nodes.push({
        name: `/features/features.${i}/MaxPool`,
        op: 'MaxPool',
        inputs: [x],
        outputs: [out],
        attrs: { kernel_shape: [2, 2], strides: [2, 2] },
      });
    } else {
      const w = weight(`features.${i}.weight`, [v, c, 3, 3]);
      const b = weight(`features.${i}.bias`, [v]);
      nodes.push({
        name: `/features/features.${i}/Conv`,
        op: 'Conv',
        inputs: [x, w, b],
        outputs: [out],
        attrs: { pads: [1, 1, 1, 1] },
      });
      c = v;
    }
    x = out;
  });
  nodes.push({ name: '/Flatten', op: 'Flatten', inputs: [x], outputs: ['flat'] });
  x = 'flat';
  let inF = 512 * 7 * 7;
  [512, 512, 1000].forEach((outF, i) => {
    const w = weight(`classifier.${i}.weight`, [outF, inF]);
    const b = weight(`classifier.${i}.bias`, [outF]);
    const out = `/classifier/classifier.${i}/Gemm_output_0`;
    nodes.push({
      name: `/classifier/classifier.${i}/Gemm`,
      op: 'Gemm',
      inputs: [x, w, b],
      outputs: [out],
      attrs: { transB: 1 },
    });
    x = out;
    inF = outF;
  });
  return model({
    nodes,
    initializers: inits,
    inputs: [{ name: 'input', dims: [1, 3, 224, 224] }],
    outputs: [{ name: x }],
  });
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** A forced GC, for memory figures (V8's flag set at run time). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const extraMb = (before: NodeJS.MemoryUsage): number => {
  const after = process.memoryUsage();
  return (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1e6;
};

export function onnxBenchmarks(): OnnxBenchResult[] {
  const path = join(tmpdir(), `explorer-bench-${process.pid}.onnx`);
  writeFileSync(path, vggLike());
  try {
    // Read once, as the CLI does; the import itself must not copy the weights.
    const bytes = new Uint8Array(readFileSync(path));
    const mb = bytes.length / 1e6;
    collect();
    const before = process.memoryUsage();
    const t0 = now();
    // Peak: sampled at every progress report during the import, and once after it.
    let peak = 0;
    const first = importOnnxBytes(bytes, {}, () => (peak = Math.max(peak, extraMb(before))));
    const firstMs = now() - t0;
    const extra = Math.max(peak, extraMb(before));
    const samples = [firstMs];
    for (let i = 0; i < 4; i++) {
      const t = now();
      importOnnxBytes(bytes);
      samples.push(now() - t);
    }
    samples.sort((a, b) => a - b);
    const resnet = new Uint8Array(readFileSync(new URL('../test/fixtures/onnx/resnet50.onnx', import.meta.url)));
    // Warm up first: a cold import of a small model mostly measures the JIT.
    for (let i = 0; i < 20; i++) importOnnxBytes(resnet);
    const rs: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = now();
      importOnnxBytes(resnet);
      rs.push(now() - t);
    }
    rs.sort((a, b) => a - b);
    const chain: NodeDesc[] = Array.from({ length: 100_000 }, (_, i) => ({
      name: `/block${Math.floor(i / 100)}/relu${i % 100}/Relu`,
      op: 'Relu',
      inputs: [i === 0 ? 'x' : `t${i - 1}`],
      outputs: [`t${i}`],
    }));
    const big = model({ nodes: chain, inputs: [{ name: 'x', dims: [1, 64] }], outputs: [{ name: 't99999' }] });
    const tc = now();
    importOnnxBytes(big);
    const chainMs = now() - tc;
    return [
      {
        name: `import a ${mb.toFixed(0)} MB VGG-like ONNX file (${first.network.layers.length} layers), first run`,
        value: firstMs,
        unit: 'ms',
        budget: 2000,
      },
      { name: '  the same file, median of 5', value: samples[2]!, unit: 'ms', budget: 2000 },
      {
        name: `  peak extra heap + ArrayBuffer memory during that import (file: ${mb.toFixed(0)} MB)`,
        value: extra,
        unit: 'MB',
        budget: Math.round(mb / 10),
      },
      { name: 'import the ResNet-50 torch export (375 nodes), warm median', value: rs[10]!, unit: 'ms' },
      { name: 'import a 100,000-node chain (one run)', value: chainMs, unit: 'ms' },
    ];
  } finally {
    rmSync(path, { force: true });
  }
}
