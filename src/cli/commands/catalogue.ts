import { PRESETS } from '../../core/platform/presets';
import { ZOO, zooNetwork } from '../../core/zoo';
import { formatCount } from '../../core/format';
import { table } from '../table';

/** `models`: the zoo. */
export function models(json: boolean): string {
  const rows = ZOO.map((e) => {
    const net = zooNetwork(e.id);
    return {
      id: e.id,
      name: e.name,
      family: e.family,
      layers: net.layers.length,
      params: net.layers.reduce((a, l) => a + l.params, 0),
      macs: net.layers.reduce((a, l) => a + l.macs, 0),
      inputShape: net.inputShape,
    };
  });
  if (json) return JSON.stringify(rows);
  return table(
    ['id', 'name', 'layers', 'params', 'MACs', 'input'],
    rows.map((r) => [r.id, r.name, r.layers, formatCount(r.params), formatCount(r.macs), r.inputShape.join('x')]),
  );
}

/** `platforms`: the presets with their processors. */
export function platforms(json: boolean): string {
  const rows = PRESETS.map((p) => ({
    id: p.id,
    name: p.name,
    processors: p.processors.map((q) => ({ id: q.id, name: q.name, kind: q.kind, units: q.units })),
  }));
  if (json) return JSON.stringify(rows);
  return PRESETS.map(
    (p) =>
      `${p.id}: ${p.name}\n` +
      table(
        ['processor', 'name', 'kind', 'units', 'peak GMAC/s/unit', 'dtype', 'active W', 'idle W'],
        p.processors.map((q) => [
          q.id,
          q.name,
          q.kind,
          q.units,
          q.peakGmacsPerUnit,
          q.dtype,
          q.activePowerW,
          q.idlePowerW,
        ]),
      ),
  ).join('\n\n');
}
