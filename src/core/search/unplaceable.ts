import { stageMemoryBudgetBytes, stageMemoryBytes, type CostTables } from '../cost/tables';

/**
 * Names a layer no processor can hold on its own (unsupported everywhere, or
 * too big for every processor's whole memory), the usual reason a search
 * finds nothing. O(n * P).
 */
export function unplaceableLayer(t: CostTables): string | undefined {
  for (let i = 0; i < t.n; i++) {
    const fits = t.processors.some(
      (proc, p) =>
        t.unsupportedPrefix[p]![i + 1]! === t.unsupportedPrefix[p]![i]! &&
        stageMemoryBytes(t, p, i, i + 1) <= stageMemoryBudgetBytes(proc, proc.units),
    );
    if (!fits) {
      const layer = t.network.layers[i]!;
      return `layer ${i} "${layer.name}" (${layer.op}, ${(layer.weightBytes / 1e6).toFixed(1)} MB of weights) fits on no processor`;
    }
  }
  return undefined;
}
