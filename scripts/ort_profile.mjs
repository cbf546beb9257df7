#!/usr/bin/env node
/**
 * Runs an ONNX model with ONNX Runtime's profiler (default graph optimisation,
 * so kernels are fused and renamed) and writes the profile JSON.
 *
 * onnxruntime-node is not a dependency of this project: install it outside the
 * repository, e.g.
 *
 *   mkdir /tmp/ort && cd /tmp/ort && npm_config_onnxruntime_node_install=skip npm install onnxruntime-node
 *
 * then, with a model that has its real (random) weights
 * (`/usr/bin/python3 scripts/make_onnx_fixtures.py --full /tmp/onnx-full`):
 *
 *   ORT_DIR=/tmp/ort node scripts/ort_profile.mjs /tmp/onnx-full/mobilenet_v2.onnx \
 *     test/fixtures/profiles/mobilenet_v2.ort.json [runs=5]
 *
 * The committed profile keeps only the Session and Node events (the kernel
 * timings), one warm-up run is dropped, so the file stays small.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [modelPath, outPath, runsText] = process.argv.slice(2);
if (!modelPath || !outPath) {
  console.error('usage: ORT_DIR=/tmp/ort node scripts/ort_profile.mjs model.onnx out.json [runs]');
  process.exit(2);
}
const runs = Number(runsText ?? 5);
const require = createRequire(join(process.env.ORT_DIR ?? '/tmp/ort', 'package.json'));
const ort = require('onnxruntime-node');

// The profiler writes <prefix>_<date>.json; a fresh directory makes it easy to find.
const dir = mkdtempSync(join(tmpdir(), 'ort-'));
const session = await ort.InferenceSession.create(modelPath, {
  enableProfiling: true,
  profileFilePrefix: join(dir, 'ort_profile'),
  intraOpNumThreads: 1,
  executionProviders: ['cpu'],
});
const input = session.inputNames[0];
const dims = [1, 3, 224, 224];
const meta = session.inputMetadata?.[0];
if (meta && Array.isArray(meta.shape)) {
  meta.shape.forEach((d, i) => {
    if (typeof d === 'number' && d > 0) dims[i] = d;
  });
  dims.length = meta.shape.length;
}
const size = dims.reduce((a, b) => a * b, 1);
const data = Float32Array.from({ length: size }, (_, i) => Math.sin(i));
for (let r = 0; r < runs + 1; r++) await session.run({ [input]: new ort.Tensor('float32', data, dims) });
session.endProfiling();
await session.release?.();
const file = readdirSync(dir).find((f) => f.endsWith('.json'));
const events = JSON.parse(readFileSync(join(dir, file), 'utf8'));
rmSync(dir, { recursive: true });
// Drop the first (warm-up) run's kernel events: they include one-time allocations.
const firstRun = events.find((e) => e.cat === 'Session' && e.name === 'model_run');
const kept = events.filter(
  (e) =>
    (e.cat === 'Node' && e.name.endsWith('_kernel_time') && (!firstRun || e.ts > firstRun.ts + firstRun.dur)) ||
    (e.cat === 'Session' && (e.name !== 'model_run' || e !== firstRun)),
);
// Keep the fields a matcher reads; memory statistics would triple the size.
const ARGS = ['op_name', 'provider', 'node_index', 'input_type_shape', 'output_type_shape'];
const trimmed = kept.map((e) => ({
  ...e,
  args: Object.fromEntries(ARGS.filter((k) => k in (e.args ?? {})).map((k) => [k, e.args[k]])),
}));
writeFileSync(outPath, '[\n' + trimmed.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n');
console.log(`${outPath}: ${kept.length} events from ${runs} runs`);
