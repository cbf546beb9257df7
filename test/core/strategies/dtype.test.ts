import { describe, expect, it } from 'vitest';
import { layerTimeMs } from '../../../src/core/cost/layerCost';
import { platformById } from '../../../src/core/platform/presets';
import { DTYPE_SPEED, retypeProcessor } from '../../../src/core/strategies/dtype';
import { zooNetwork } from '../../../src/core/zoo';

describe('per-processor data types', () => {
  it('retyping scales the peak by the kind’s speed ratio', () => {
    const hikey = platformById('hikey970');
    const big = hikey.processors.find((p) => p.id === 'big')!;
    const gpu = hikey.processors.find((p) => p.id === 'gpu')!;
    expect(retypeProcessor(big, 'int8').peakGmacsPerUnit).toBeCloseTo(big.peakGmacsPerUnit * 4, 9);
    expect(retypeProcessor(gpu, 'int8').peakGmacsPerUnit).toBeCloseTo(gpu.peakGmacsPerUnit * 2, 9); // fp16 -> int8
    expect(retypeProcessor(gpu, 'float16')).toEqual(gpu);
    for (const kind of Object.keys(DTYPE_SPEED) as (keyof typeof DTYPE_SPEED)[]) {
      expect(DTYPE_SPEED[kind].float32).toBe(1);
      expect(DTYPE_SPEED[kind].int8).toBeGreaterThanOrEqual(DTYPE_SPEED[kind].float16);
    }
  });

  it('an int8 CPU runs a compute-bound conv faster and moves a quarter of the bytes', () => {
    const net = zooNetwork('vgg16');
    const conv = net.layers.find((l) => l.opClass === 'conv')!;
    const big = platformById('hikey970').processors[0]!;
    const fp32 = layerTimeMs(conv, big, 4, net.dtype);
    const int8 = layerTimeMs(conv, retypeProcessor(big, 'int8'), 4, net.dtype);
    expect(int8).toBeLessThan(fp32 / 2);
  });
});
