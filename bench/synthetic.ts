import { buildNetwork } from '../src/core/model/build';
import type { LayerSpec, Network, NetworkSpec, TensorSpec } from '../src/core/model/types';

/**
 * A deterministic synthetic CNN-like network of n layers: conv / relu / add
 * triples with a residual skip every third layer, shrinking feature maps.
 * Uses a fixed linear congruential generator so every run measures the same thing.
 */
export function syntheticNetwork(n: number): Network {
  return buildNetwork(syntheticSpec(n));
}

/** The spec `syntheticNetwork` builds (plain JSON, so a browser benchmark can hand it to the page). */
export function syntheticSpec(n: number): NetworkSpec {
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const tensors: TensorSpec[] = [{ name: 'input', shape: [1, 64, 56, 56], dtype: 'float32' }];
  const layers: LayerSpec[] = [];
  let prev = 0;
  let skip = 0;
  for (let i = 0; i < n; i++) {
    const c = 64 * (1 + Math.floor((4 * i) / n));
    const hw = Math.max(7, 56 >> Math.floor((3 * i) / n));
    tensors.push({ name: `t${i + 1}`, shape: [1, c, hw, hw], dtype: 'float32' });
    const out = i + 1;
    const kind = i % 3;
    const elements = c * hw * hw;
    const inputs = kind === 2 ? [prev, skip] : [prev];
    layers.push({
      name: `block${Math.floor(i / 3)}.${['conv', 'relu', 'add'][kind]}`,
      op: ['Conv', 'Relu', 'Add'][kind]!,
      opClass: kind === 0 ? 'conv' : 'elementwise',
      inputs,
      outputs: [out],
      params: kind === 0 ? c * c * 9 : 0,
      macs: kind === 0 ? Math.round(elements * c * 9 * (0.5 + rand())) : 0,
      ops: kind === 0 ? 0 : elements,
      weightBytes: kind === 0 ? c * c * 9 * 4 : 0,
    });
    if (kind === 2) skip = out;
    prev = out;
  }
  return {
    id: `synthetic${n}`,
    name: `Synthetic ${n}`,
    dtype: 'float32',
    tensors,
    layers,
    inputs: [0],
    outputs: [prev],
  };
}
