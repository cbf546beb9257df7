import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossingBytes, crossingTensors } from '../../../src/core/model/crossing';
import type { Network } from '../../../src/core/model/types';
import { arbNetwork } from '../../fixtures/arbitraries';
import { chain, residual } from '../../fixtures/networks';

/** The definition, checked directly: tensors produced before c and read at or after c. O(n * tensors * uses). */
function bruteForceCrossing(net: Network, c: number): number {
  let sum = 0;
  net.tensors.forEach((t) => {
    const producedAt = net.layers.findIndex((l) => l.outputs.includes(t.id));
    const producer = net.inputs.includes(t.id) ? -1 : producedAt;
    const readers = net.layers.filter((l) => l.inputs.includes(t.id)).map((l) => l.index);
    if (net.outputs.includes(t.id)) readers.push(net.layers.length);
    if (producer < c && readers.some((r) => r >= c)) sum += t.bytes;
  });
  return sum;
}

describe('crossingBytes', () => {
  it('is the tensor between layers on a chain, with input at 0 and output at n', () => {
    expect([...crossingBytes(chain())]).toEqual([40, 80, 120, 160]);
  });

  it('counts both the main path and the skip inside a residual block', () => {
    const x = crossingBytes(residual());
    // Cut 2 (before conv2): conv1's output (128 B) and the stem output held for the add (64 B).
    expect(x[2]).toBe(128 + 64);
    // Cut 3 (before add): conv2's output (256 B) and the skip (64 B).
    expect(x[3]).toBe(256 + 64);
    expect(x[4]).toBe(64);
  });

  it('matches the definition on random DAGs', () => {
    fc.assert(
      fc.property(arbNetwork(), (net) => {
        const x = crossingBytes(net);
        for (let c = 0; c <= net.layers.length; c++) expect(x[c]).toBe(bruteForceCrossing(net, c));
      }),
    );
  });

  it('agrees with crossingTensors', () => {
    fc.assert(
      fc.property(arbNetwork(), (net) => {
        const x = crossingBytes(net);
        for (let c = 0; c <= net.layers.length; c++) {
          const sum = crossingTensors(net, c).reduce((a, t) => a + net.tensors[t]!.bytes, 0);
          expect(sum).toBe(x[c]);
        }
      }),
    );
  });
});
