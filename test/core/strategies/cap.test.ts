import { describe, expect, it } from 'vitest';
import {
  CMP16_MESH,
  intraLayerParallel,
  layerTraffic,
  meshAverageHops,
  meshDirectedLinks,
  wholeChip,
} from '../../../src/core/strategies/cap';
import { platformById } from '../../../src/core/platform/presets';
import { layerTimeMs } from '../../../src/core/cost/layerCost';
import { NetBuilder } from '../../../src/core/zoo/builder';
import { zooNetwork } from '../../../src/core/zoo';

/** image [1,2,8,8] -> conv (2->4, 3x3, pad 1) -> fc (256 -> 3). */
function tinyConv() {
  const b = new NetBuilder('tiny', 'Tiny', [1, 2, 8, 8], 'fixture');
  let x = b.conv('conv', b.input, { out: 4, k: 3, p: 1, bias: false });
  x = b.flatten('flatten', x);
  x = b.linear('fc', x, 3);
  b.output(x);
  return b.build();
}

const mesh2 = { side: 2, linkGBs: 1, pjPerBitHop: 1 };
const int8Core = { dtype: 'int8' as const };

describe('cap intra-layer partitions', () => {
  it('mesh figures: average distance and directed links', () => {
    expect(meshAverageHops(4)).toBeCloseTo(2.5, 12);
    expect(meshAverageHops(2)).toBeCloseTo(1, 12);
    expect(meshDirectedLinks(4)).toBe(48);
    expect(meshDirectedLinks(2)).toBe(8);
  });

  it('traffic per scheme on a hand-sized conv over a 2x2 mesh (int8 cores, float32 network)', () => {
    const net = tinyConv();
    const conv = net.layers[0]!;
    // Input 2x8x8 = 128 elements = 128 B at int8; output 4x8x8 = 256 elements; weights 4x2x3x3 = 72 B.
    const oc = layerTraffic(net, conv, 'output-channels', int8Core, mesh2);
    expect(oc.bytes).toBe(3 * 128);
    expect(oc.byteHops).toBe(3 * 128 * 1);
    const ic = layerTraffic(net, conv, 'input-channels', int8Core, mesh2);
    expect(ic.bytes).toBe(3 * 256 * 4); // int32 partial sums
    const sp = layerTraffic(net, conv, 'spatial', int8Core, mesh2);
    // One row boundary x 2 halo rows x 8 wide + one column boundary x 2 columns x 8 high, 2 channels.
    const halo = (2 * 8 + 2 * 8) * 2;
    expect(sp.bytes).toBe(halo + 3 * 72);
    expect(sp.byteHops).toBe(halo + 3 * 72 * 1);
    // Spatial does not apply to the fully connected layer.
    expect(layerTraffic(net, net.layers[2]!, 'spatial', int8Core, mesh2).bytes).toBe(Infinity);
  });

  it('a depthwise conv moves nothing under channel partitions (each core keeps its channels)', () => {
    const b = new NetBuilder('dw', 'Depthwise', [1, 8, 8, 8], 'fixture');
    b.output(b.conv('dw', b.input, { out: 8, k: 3, p: 1, groups: 8 }));
    const net = b.build();
    const dw = net.layers[0]!;
    expect(layerTraffic(net, dw, 'output-channels', int8Core, mesh2).bytes).toBe(0);
    expect(layerTraffic(net, dw, 'input-channels', int8Core, mesh2).bytes).toBe(0);
    // 2 groups on 4 cores: each core needs the other half of its group's input (n/g - 1 = 1 x input).
    const b2 = new NetBuilder('g2', 'Grouped', [1, 8, 8, 8], 'fixture');
    b2.output(b2.conv('g2', b2.input, { out: 8, k: 3, p: 1, groups: 2 }));
    const net2 = b2.build();
    expect(layerTraffic(net2, net2.layers[0]!, 'output-channels', int8Core, mesh2).bytes).toBe(8 * 8 * 8);
  });

  it('comm-aware picks the least traffic per layer and is never slower than a fixed scheme', () => {
    const chip = wholeChip(platformById('cmp16'));
    expect(chip.units).toBe(16);
    for (const id of ['mobilenet_v2', 'densenet121']) {
      const net = zooNetwork(id);
      const aware = intraLayerParallel(net, chip, CMP16_MESH, 'comm-aware');
      for (const fixed of ['output-channels', 'input-channels', 'spatial'] as const) {
        const run = intraLayerParallel(net, chip, CMP16_MESH, fixed);
        expect(aware.latencyMs).toBeLessThanOrEqual(run.latencyMs + 1e-12);
        expect(aware.nocByteHops).toBeLessThanOrEqual(run.nocByteHops + 1e-6);
      }
      expect(aware.computeMs).toBeCloseTo(intraLayerParallel(net, chip, CMP16_MESH, 'output-channels').computeMs, 9);
    }
  });

  it('time and energy: compute + byte-hops / mesh capacity; active power x time + pJ/bit/hop', () => {
    const net = tinyConv();
    const chip = { ...wholeChip(platformById('cmp16')), units: 4 };
    const run = intraLayerParallel(net, chip, mesh2, 'output-channels');
    // OC on conv (384 B-hops) and fc (input 256 elements: 3 x 256 B-hops); 8 links x 1 GB/s.
    const byteHops = 3 * 128 + 3 * 256;
    expect(run.nocByteHops).toBe(byteHops);
    expect(run.nocMs).toBeCloseTo((byteHops / 8e9) * 1000, 12);
    expect(run.nocEnergyMj).toBeCloseTo((byteHops * 8 * 1) / 1e9, 12);
    expect(run.energyPerFrameMj).toBeCloseTo(chip.activePowerW * run.latencyMs + run.nocEnergyMj, 12);
    expect(run.fps).toBeCloseTo(1000 / run.latencyMs, 9);
  });

  it('on one core nothing crosses the NoC and the time is the cost model’s', () => {
    const net = zooNetwork('squeezenet1_1');
    const core = { ...platformById('cmp16').processors[0]!, units: 1, serialFraction: 0 };
    const run = intraLayerParallel(net, core, { side: 1, linkGBs: 16, pjPerBitHop: 0.5 }, 'comm-aware');
    expect(run.nocByteHops).toBe(0);
    expect(run.nocMs).toBe(0);
    const sum = net.layers.reduce((a, l) => a + layerTimeMs(l, core, 1, net.dtype), 0);
    expect(run.latencyMs).toBeCloseTo(sum, 9);
  });
});
