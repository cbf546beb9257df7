import { describe, expect, it } from 'vitest';
import { layerTimeMs, unitSpeedup } from '../../../src/core/cost/layerCost';
import type { Layer } from '../../../src/core/model/types';
import { proc } from '../../fixtures/platforms';

const layer = (opClass: Layer['opClass']): Layer => ({
  index: 0,
  name: opClass,
  op: 'Conv',
  opClass,
  inputs: [],
  outputs: [],
  params: 0,
  macs: 4e6,
  ops: 0,
  bytesRead: 0,
  bytesWritten: 0,
  weightBytes: 0,
  block: [],
  attrs: {},
});

describe('per-op-class serial fraction (Pipe-it scaling model)', () => {
  it('a class with its own serial fraction scales by it; the others by the processor’s', () => {
    const p = proc('cpu', { units: 4, serialFraction: 0.1, serialFractionByClass: { depthwise: 0.5 } });
    expect(unitSpeedup(p, 4, 'depthwise')).toBeCloseTo(1 / (0.5 + 0.5 / 4), 12); // 1.6x
    expect(unitSpeedup(p, 4, 'conv')).toBeCloseTo(1 / (0.1 + 0.9 / 4), 12);
    expect(unitSpeedup(p, 4)).toBeCloseTo(1 / (0.1 + 0.9 / 4), 12);
    // 4e6 MACs at 1 GMAC/s = 4 ms on one unit; on 4 units 2.5 ms (depthwise) vs 1.3 ms (conv).
    expect(layerTimeMs(layer('depthwise'), p, 4, 'float32')).toBeCloseTo(2.5, 6);
    expect(layerTimeMs(layer('conv'), p, 4, 'float32')).toBeCloseTo(4 * (0.1 + 0.9 / 4), 6);
  });
});
