import { OP_CLASSES, type OpClass } from '../src/core/model/types';
import type { Platform, Processor } from '../src/core/platform/types';

/**
 * Eight heterogeneous single-unit processors (speeds 2-60 GMAC/s effective,
 * different efficiencies per class, powers and dtypes) on one DMA bus: the
 * synthetic platform of the search budget "2,000 layers on 8 processors".
 */
export function eightProcessors(): Platform {
  const processors: Processor[] = Array.from({ length: 8 }, (_, i) => {
    const eff = Object.fromEntries(OP_CLASSES.map((c, j) => [c, 0.2 + 0.1 * ((i + j) % 6)])) as Record<OpClass, number>;
    return {
      id: `p${i}`,
      name: `Processor ${i}`,
      kind: i < 3 ? 'cpu-cluster' : i < 5 ? 'gpu' : 'accelerator',
      units: 1,
      peakGmacsPerUnit: 5 * (i + 1) * (1 + (i % 3)),
      efficiency: eff,
      serialFraction: 0,
      memBandwidthGBs: 5 + 3 * i,
      overheadUs: 10 + 5 * i,
      supports: OP_CLASSES,
      dtype: i < 4 ? 'float32' : 'float16',
      memoryMB: 4096,
      activePowerW: 1 + 0.7 * i,
      idlePowerW: 0.05 * (i + 1),
    };
  });
  return {
    id: 'eight',
    name: 'Eight heterogeneous processors',
    description: 'synthetic benchmark platform',
    line: 'bench',
    processors,
    links: [
      {
        id: 'bus',
        name: 'Bus',
        from: '*',
        to: '*',
        bandwidthGBs: 8,
        latencyUs: 20,
        energyPjPerByte: 50,
        overlapsCompute: true,
      },
    ],
    sources: [],
  };
}

/** Three processors, one with two units, on a non-DMA link: small enough for brute force. */
export function smallPlatform(): Platform {
  const full = eightProcessors();
  return {
    ...full,
    id: 'small',
    name: 'Small',
    processors: [{ ...full.processors[0]!, units: 2, serialFraction: 0.1 }, full.processors[3]!, full.processors[6]!],
    links: [{ ...full.links[0]!, overlapsCompute: false }],
  };
}
