import { OP_CLASSES, type OpClass } from '../model/types';
import { EFFICIENCY_BOUNDS, LINK_BOUNDS, PROCESSOR_BOUNDS, type FieldBounds } from './schema';
import type { Link, Platform, Processor } from './types';

/** An editable numeric figure of a processor or link, with the range the editor accepts. */
export interface NumericField<T> {
  /** Field name; efficiencies are `efficiency.<class>`. */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Whether the minimum itself is allowed (false: strictly greater). */
  readonly minInclusive: boolean;
  readonly integer: boolean;
  get(item: T): number;
  set(item: T, value: number): T;
}

const field = <T>(
  key: string,
  label: string,
  b: FieldBounds,
  get: (x: T) => number,
  set: (x: T, v: number) => T,
): NumericField<T> => ({
  key,
  label,
  unit: b.unit,
  min: b.min,
  max: b.max,
  integer: b.integer ?? false,
  minInclusive: !b.minExclusive,
  get,
  set,
});

// Bounds come from the platform schema, so whatever the editor accepts a shared link carries too.
const P = PROCESSOR_BOUNDS;
export const PROCESSOR_FIELDS: readonly NumericField<Processor>[] = [
  field(
    'units',
    'Units (cores/chips)',
    P.units,
    (p) => p.units,
    (p, v) => ({ ...p, units: v, serialFraction: v === 1 ? 0 : p.serialFraction }),
  ),
  field(
    'peakGmacsPerUnit',
    'Peak per unit',
    P.peakGmacsPerUnit,
    (p) => p.peakGmacsPerUnit,
    (p, v) => ({ ...p, peakGmacsPerUnit: v }),
  ),
  ...OP_CLASSES.map((c: OpClass) =>
    field<Processor>(
      `efficiency.${c}`,
      `Efficiency: ${c}`,
      { ...EFFICIENCY_BOUNDS, unit: '×peak' },
      (p) => p.efficiency[c],
      (p, v) => ({ ...p, efficiency: { ...p.efficiency, [c]: v } }),
    ),
  ),
  field(
    'serialFraction',
    'Serial fraction',
    P.serialFraction,
    (p) => p.serialFraction,
    (p, v) => ({ ...p, serialFraction: v }),
  ),
  field(
    'memBandwidthGBs',
    'Memory bandwidth',
    P.memBandwidthGBs,
    (p) => p.memBandwidthGBs,
    (p, v) => ({ ...p, memBandwidthGBs: v }),
  ),
  field(
    'overheadUs',
    'Overhead per layer',
    P.overheadUs,
    (p) => p.overheadUs,
    (p, v) => ({ ...p, overheadUs: v }),
  ),
  field(
    'memoryMB',
    'Memory',
    P.memoryMB,
    (p) => p.memoryMB,
    (p, v) => ({ ...p, memoryMB: v }),
  ),
  field(
    'activePowerW',
    'Active power',
    P.activePowerW,
    (p) => p.activePowerW,
    (p, v) => ({ ...p, activePowerW: v }),
  ),
  field(
    'idlePowerW',
    'Idle power',
    P.idlePowerW,
    (p) => p.idlePowerW,
    (p, v) => ({ ...p, idlePowerW: v }),
  ),
];

export const LINK_FIELDS: readonly NumericField<Link>[] = [
  field(
    'bandwidthGBs',
    'Bandwidth',
    LINK_BOUNDS.bandwidthGBs,
    (l) => l.bandwidthGBs,
    (l, v) => ({ ...l, bandwidthGBs: v }),
  ),
  field(
    'latencyUs',
    'Latency',
    LINK_BOUNDS.latencyUs,
    (l) => l.latencyUs,
    (l, v) => ({ ...l, latencyUs: v }),
  ),
  field(
    'energyPjPerByte',
    'Energy',
    LINK_BOUNDS.energyPjPerByte,
    (l) => l.energyPjPerByte,
    (l, v) => ({ ...l, energyPjPerByte: v }),
  ),
];

export type FieldCheck = { ok: true; value: number } | { ok: false; message: string };

/**
 * Parses what a user typed into a numeric field: refuses empty, NaN,
 * infinite, out-of-range and (for counts) fractional values with a message
 * that says what is allowed. O(1).
 * @example checkField(PROCESSOR_FIELDS[0], '4') // { ok: true, value: 4 }
 */
export function checkField<T>(f: NumericField<T>, raw: string): FieldCheck {
  const text = raw.trim();
  const value = Number(text);
  const range = `${f.minInclusive ? '≥' : '>'} ${f.min} and ≤ ${f.max}${f.unit ? ` ${f.unit}` : ''}`;
  if (text === '' || !Number.isFinite(value)) return { ok: false, message: `${f.label}: enter a number ${range}.` };
  if (value < f.min || (value === f.min && !f.minInclusive) || value > f.max) {
    return { ok: false, message: `${f.label}: ${text} is out of range; it must be ${range}.` };
  }
  if (f.integer && !Number.isInteger(value)) return { ok: false, message: `${f.label}: must be a whole number.` };
  return { ok: true, value };
}

/** The platform with one processor replaced (by id). O(P). */
export function replaceProcessor(platform: Platform, id: string, next: Processor): Platform {
  return { ...platform, processors: platform.processors.map((p) => (p.id === id ? next : p)) };
}

/** The platform with one link replaced (by id). O(links). */
export function replaceLink(platform: Platform, id: string, next: Link): Platform {
  return { ...platform, links: platform.links.map((l) => (l.id === id ? next : l)) };
}

/**
 * Removes a processor and the links that name it; its figures' sources go
 * too. A plan that used it becomes invalid and says so. O(P + links + sources).
 */
export function removeProcessor(platform: Platform, id: string): Platform {
  return {
    ...platform,
    processors: platform.processors.filter((p) => p.id !== id),
    links: platform.links.filter((l) => l.from !== id && l.to !== id),
    sources: platform.sources.filter((s) => !s.path.startsWith(`processors.${id}.`)),
  };
}

/**
 * Adds a copy of processor `id` under a fresh id (`gpu-2`, `gpu-3`...), with
 * its explicit links copied too, so "one more of these" is one click. The
 * copy's figures inherit the original's sources. O(P + links + sources).
 */
export function duplicateProcessor(platform: Platform, id: string): Platform {
  const original = platform.processors.find((p) => p.id === id);
  if (!original) return platform;
  const taken = new Set(platform.processors.map((p) => p.id));
  let k = 2;
  while (taken.has(`${id}-${k}`)) k++;
  const copyId = `${id}-${k}`;
  const copy: Processor = { ...original, id: copyId, name: `${original.name} (copy ${k})` };
  const links = platform.links
    .filter((l) => l.from === id || l.to === id)
    .map((l) => ({
      ...l,
      id: `${l.id}-${copyId}`,
      from: l.from === id ? copyId : l.from,
      to: l.to === id ? copyId : l.to,
    }));
  const sources = platform.sources
    .filter((s) => s.path.startsWith(`processors.${id}.`))
    .map((s) => ({ ...s, path: `processors.${copyId}.${s.path.slice(`processors.${id}.`.length)}` }));
  return {
    ...platform,
    processors: [...platform.processors, copy],
    links: [...platform.links, ...links],
    sources: [...platform.sources, ...sources],
  };
}
