import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import {
  checkField,
  duplicateProcessor,
  LINK_FIELDS,
  PROCESSOR_FIELDS,
  removeProcessor,
  replaceProcessor,
} from '../../../src/core/platform/fields';
import { platformById, PRESETS } from '../../../src/core/platform/presets';
import { zooNetwork } from '../../../src/core/zoo';

const units = PROCESSOR_FIELDS.find((f) => f.key === 'units')!;
const bw = PROCESSOR_FIELDS.find((f) => f.key === 'memBandwidthGBs')!;

describe('platform editor fields', () => {
  it('accept every figure of every preset', () => {
    for (const p of PRESETS) {
      for (const proc of p.processors)
        for (const f of PROCESSOR_FIELDS)
          expect(checkField(f, String(f.get(proc))), `${p.id}.${proc.id}.${f.key}`).toMatchObject({ ok: true });
      for (const l of p.links)
        for (const f of LINK_FIELDS)
          expect(checkField(f, String(f.get(l))), `${p.id}.${l.id}.${f.key}`).toMatchObject({ ok: true });
    }
  });
  it('refuse NaN, empty, infinite, negative, zero where it must be positive, absurd and fractional counts', () => {
    for (const raw of ['NaN', '', '  ', 'abc', 'Infinity', '-1', '0', '1e9', '1e400'])
      expect(checkField(bw, raw).ok, raw).toBe(false);
    expect(checkField(units, '2.5')).toEqual({ ok: false, message: 'Units (cores/chips): must be a whole number.' });
    expect(checkField(units, '0').ok).toBe(false);
    expect(checkField(bw, ' 12.5 ')).toEqual({ ok: true, value: 12.5 });
    const bad = checkField(bw, '-3');
    expect(bad.ok === false && bad.message).toMatch(
      /Memory bandwidth: -3 is out of range; it must be > 0 and ≤ 10000 GB\/s/,
    );
  });
  it('an edited figure changes the cost tables built from the platform', () => {
    const hikey = platformById('hikey970');
    const npu = hikey.processors.find((p) => p.id === 'npu')!;
    const faster = replaceProcessor(
      hikey,
      'npu',
      PROCESSOR_FIELDS.find((f) => f.key === 'peakGmacsPerUnit')!.set(npu, npu.peakGmacsPerUnit * 2),
    );
    const net = zooNetwork('resnet18');
    const i = hikey.processors.indexOf(npu);
    expect(buildCostTables(net, faster).singleProcessorMs[i]!).toBeLessThan(
      buildCostTables(net, hikey).singleProcessorMs[i]!,
    );
  });
  it('duplicate adds a fresh id with links and sources; remove drops links and sources', () => {
    const pi = platformById('rpi4x4');
    const id = pi.processors[0]!.id;
    const two = duplicateProcessor(pi, id);
    expect(two.processors).toHaveLength(pi.processors.length + 1);
    const copy = two.processors.at(-1)!;
    expect(copy.id).toBe(`${id}-2`);
    expect(two.sources.some((s) => s.path.startsWith(`processors.${copy.id}.`))).toBe(true);
    expect(duplicateProcessor(two, id).processors.at(-1)!.id).toBe(`${id}-3`);
    const gone = removeProcessor(two, id);
    expect(gone.processors.map((p) => p.id)).not.toContain(id);
    expect(gone.links.some((l) => l.from === id || l.to === id)).toBe(false);
    expect(gone.sources.some((s) => s.path.startsWith(`processors.${id}.`))).toBe(false);
  });
});
