import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinTrees } from '../../../src/core/search/minTree';

/** A query or a change on one of two trees sharing a buffer: values from a small set, so ties are common. */
const op = (positions: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      tree: fc.nat(1),
      i: fc.nat(positions - 1),
      v: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(Infinity)),
    }),
    fc
      .tuple(fc.nat(1), fc.nat(positions), fc.nat(positions))
      .map(([tree, a, b]) => ({ kind: 'min' as const, tree, lo: Math.min(a, b), hi: Math.max(a, b) })),
  );

describe('MinTrees', () => {
  it('answers range minima and a position holding them like a scan, after builds and sets, trees apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((positions) =>
          fc.record({
            positions: fc.constant(positions),
            initial: fc.array(
              fc.array(fc.integer({ min: -3, max: 3 }), { minLength: positions, maxLength: positions }),
              {
                minLength: 2,
                maxLength: 2,
              },
            ),
            ops: fc.array(op(positions), { maxLength: 60 }),
          }),
        ),
        ({ positions, initial, ops }) => {
          const trees = new MinTrees(positions);
          // Two trees side by side, the second one not at offset 0: each must stay within its own numbers.
          const buf = new Float64Array(3 * trees.width).fill(Infinity);
          const at = [0, 2 * trees.width];
          const plain = initial.map((values) => [...values]);
          for (let t = 0; t < 2; t++) {
            for (let i = 0; i < positions; i++) buf[at[t]! + trees.size + i] = plain[t]![i]!;
            trees.build(buf, at[t]!);
          }
          for (const o of ops) {
            if (o.kind === 'set') {
              trees.set(buf, at[o.tree]!, o.i, o.v);
              plain[o.tree]![o.i] = o.v;
              continue;
            }
            const values = plain[o.tree]!.slice(o.lo, o.hi);
            const best = Math.min(Infinity, ...values);
            expect(trees.min(buf, at[o.tree]!, o.lo, o.hi)).toBe(best);
            if (best === Infinity) continue;
            // A position in the range holding the minimum (which of equal ones: see `min`).
            const where = trees.argmin(buf, at[o.tree]!);
            expect(where).toBeGreaterThanOrEqual(o.lo);
            expect(where).toBeLessThan(o.hi);
            expect(plain[o.tree]![where]).toBe(best);
          }
          // The root holds each tree's minimum over all positions.
          for (let t = 0; t < 2; t++) expect(buf[at[t]! + 1]).toBe(Math.min(...plain[t]!));
        },
      ),
      { numRuns: 300 },
    );
  });
});
