import { z } from 'zod';
import { OP_CLASSES } from '../model/types';
import type { Link, Platform, Processor } from './types';
import { PROCESSOR_KINDS } from './types';

/*
 * Bounds of every platform figure. They refuse NaN, infinities, negatives and absurd values (a
 * typo of three orders of magnitude) while leaving room for any real device: the largest figures
 * of today's hardware sit one to two orders of magnitude below each maximum.
 *
 * - units 1..1024 (cores or chips of one processor)
 * - peakGmacsPerUnit 0 < x <= 1,000,000 (1 P MAC/s per unit; an H100 is ~1,000 T int8 ops/s in total)
 * - efficiency per op class 0 < e <= 1 (a fraction of peak)
 * - serialFraction 0..1 (Amdahl)
 * - memBandwidthGBs 0 < x <= 10,000 (10 TB/s; HBM3 stacks reach ~3-5 TB/s)
 * - overheadUs 0..1,000,000 (1 s per layer)
 * - memoryMB 0 < x <= 10,000,000 (10 TB)
 * - activePowerW, idlePowerW 0..1000, idle <= active
 * - link bandwidthGBs 0 < x <= 10,000; latencyUs 0..10,000,000 (10 s); energyPjPerByte 0..1,000,000
 * - ids 1..64 characters of [A-Za-z0-9_.-], unique; names 1..120 characters of anything (names are data)
 * - at most 64 processors, 1024 links, 4096 sources
 */
export const PLATFORM_LIMITS = {
  maxProcessors: 64,
  maxLinks: 1024,
  maxSources: 4096,
  maxIdChars: 64,
  maxNameChars: 120,
  maxDescriptionChars: 2000,
  maxSourceChars: 500,
} as const;

/** Numeric bounds of one figure; `minExclusive` means the value must be strictly above `min`. */
export interface FieldBounds {
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  /** Unit shown in messages and editor labels. */
  readonly unit: string;
}

/** Bounds of the numeric processor figures (the editor can show them beside each input). */
export const PROCESSOR_BOUNDS = {
  units: { min: 1, max: 1024, integer: true, unit: '' },
  peakGmacsPerUnit: { min: 0, max: 1e6, minExclusive: true, unit: 'GMAC/s' },
  serialFraction: { min: 0, max: 1, unit: '' },
  memBandwidthGBs: { min: 0, max: 1e4, minExclusive: true, unit: 'GB/s' },
  overheadUs: { min: 0, max: 1e6, unit: 'µs' },
  memoryMB: { min: 0, max: 1e7, minExclusive: true, unit: 'MB' },
  activePowerW: { min: 0, max: 1000, unit: 'W' },
  idlePowerW: { min: 0, max: 1000, unit: 'W' },
} as const satisfies Record<string, FieldBounds>;

/** Bounds of every op class efficiency. */
export const EFFICIENCY_BOUNDS: FieldBounds = { min: 0, max: 1, minExclusive: true, unit: '' };

/** Bounds of the numeric link figures. */
export const LINK_BOUNDS = {
  bandwidthGBs: { min: 0, max: 1e4, minExclusive: true, unit: 'GB/s' },
  latencyUs: { min: 0, max: 1e7, unit: 'µs' },
  energyPjPerByte: { min: 0, max: 1e6, unit: 'pJ/B' },
} as const satisfies Record<string, FieldBounds>;

/** Keys that could reach an object's prototype if ever used as property names. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A finite number within bounds; every failure (type, NaN, range) gives the same readable message. */
export function boundedNumber(label: string, b: FieldBounds) {
  const unit = b.unit ? ` ${b.unit}` : '';
  const lower = `${b.minExclusive ? '>' : '>='} ${b.min}`;
  const error = `${label} must be ${b.integer ? 'an integer' : 'a number'} ${lower} and <= ${b.max}${unit}`;
  let s = z.number({ error });
  if (b.integer) s = s.int({ error });
  s = b.minExclusive ? s.gt(b.min, { error }) : s.gte(b.min, { error });
  return s.lte(b.max, { error });
}

/**
 * A list of at most `max` (and at least `min`) elements. The length is checked BEFORE the
 * elements: zod checks `.max()` after validating every element, so a hostile 100,000-element
 * list would cost a second of validation before being refused. O(min(length, max)).
 */
export function listOf<T extends z.ZodType>(element: T, what: string, max: number, min = 0) {
  const error =
    min > 0 ? `${what} must be a list of ${min} to ${max} items` : `${what} must be a list of at most ${max} items`;
  return z
    .custom<unknown[]>((v) => Array.isArray(v) && v.length >= min && v.length <= max, { error })
    .pipe(z.array(element));
}

/** A stable id: short, URL-safe, never a reserved key. */
export function idSchema(label: string) {
  const error = `${label} must be 1-${PLATFORM_LIMITS.maxIdChars} characters of letters, digits, '_', '.' or '-'`;
  return z
    .string({ error })
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error })
    .refine((s) => !RESERVED_KEYS.has(s), { error: `${label} may not be a reserved word` });
}

/** Free text (a name, a description): any characters, bounded length. */
export function textSchema(label: string, max: number, min = 1) {
  const error = `${label} must be text of ${min}-${max} characters`;
  return z.string({ error }).min(min, { error }).max(max, { error });
}

const efficiencySchema = z.strictObject(
  Object.fromEntries(OP_CLASSES.map((c) => [c, boundedNumber(`efficiency.${c}`, EFFICIENCY_BOUNDS)])) as Record<
    (typeof OP_CLASSES)[number],
    ReturnType<typeof boundedNumber>
  >,
  { error: `efficiency must give exactly ${OP_CLASSES.join(', ')}` },
);

const supportsSchema = listOf(
  z.enum(OP_CLASSES, { error: `supports may only list ${OP_CLASSES.join(', ')}` }),
  'supports',
  OP_CLASSES.length,
  1,
).refine((a) => new Set(a).size === a.length, { error: 'supports lists an op class twice' });

/** Field schemas of a processor, one per key, so the editor can check one field at a time. */
export const processorFields = {
  id: idSchema('id'),
  name: textSchema('name', PLATFORM_LIMITS.maxNameChars),
  kind: z.enum(PROCESSOR_KINDS, { error: `kind must be one of ${PROCESSOR_KINDS.join(', ')}` }),
  units: boundedNumber('units', PROCESSOR_BOUNDS.units),
  peakGmacsPerUnit: boundedNumber('peakGmacsPerUnit', PROCESSOR_BOUNDS.peakGmacsPerUnit),
  efficiency: efficiencySchema,
  serialFraction: boundedNumber('serialFraction', PROCESSOR_BOUNDS.serialFraction),
  // Pipe-it's per-op-class scaling (strategies/): optional, same bounds as the overall fraction.
  serialFractionByClass: z
    .partialRecord(
      z.enum(OP_CLASSES, { error: `serialFractionByClass keys must be ${OP_CLASSES.join(', ')}` }),
      boundedNumber('serialFractionByClass', PROCESSOR_BOUNDS.serialFraction),
    )
    .exactOptional(),
  memBandwidthGBs: boundedNumber('memBandwidthGBs', PROCESSOR_BOUNDS.memBandwidthGBs),
  overheadUs: boundedNumber('overheadUs', PROCESSOR_BOUNDS.overheadUs),
  supports: supportsSchema,
  dtype: z.enum(['float32', 'float16', 'int8'], { error: 'dtype must be float32, float16 or int8' }),
  memoryMB: boundedNumber('memoryMB', PROCESSOR_BOUNDS.memoryMB),
  activePowerW: boundedNumber('activePowerW', PROCESSOR_BOUNDS.activePowerW),
  idlePowerW: boundedNumber('idlePowerW', PROCESSOR_BOUNDS.idlePowerW),
};

/** Field schemas of a link. */
export const linkFields = {
  id: idSchema('id'),
  name: textSchema('name', PLATFORM_LIMITS.maxNameChars),
  from: z.union([z.literal('*'), idSchema('from')], { error: "from must be a processor id or '*'" }),
  to: z.union([z.literal('*'), idSchema('to')], { error: "to must be a processor id or '*'" }),
  bandwidthGBs: boundedNumber('bandwidthGBs', LINK_BOUNDS.bandwidthGBs),
  latencyUs: boundedNumber('latencyUs', LINK_BOUNDS.latencyUs),
  energyPjPerByte: boundedNumber('energyPjPerByte', LINK_BOUNDS.energyPjPerByte),
  overlapsCompute: z.boolean({ error: 'overlapsCompute must be true or false' }),
};

/** A processor; idle power may not exceed active power. */
export const processorSchema = z.strictObject(processorFields).refine((p) => p.idlePowerW <= p.activePowerW, {
  error: 'idlePowerW must not exceed activePowerW',
  path: ['idlePowerW'],
});

/** A link; it joins two different processors (or uses the '*' wildcard). */
export const linkSchema = z.strictObject(linkFields).refine((l) => l.from === '*' || l.to === '*' || l.from !== l.to, {
  error: 'a link must join two different processors',
  path: ['to'],
});

const sourceSchema = z.strictObject({
  path: textSchema('path', 200),
  status: z.enum(['spec', 'measured', 'estimate', 'derived'], {
    error: 'status must be spec, measured, estimate or derived',
  }),
  source: textSchema('source', PLATFORM_LIMITS.maxSourceChars, 0),
});

/**
 * A whole platform: bounded figures, unique processor and link ids, links that name existing
 * processors. Validation is O(processors + links + sources).
 */
export const platformSchema = z
  .strictObject({
    id: idSchema('id'),
    name: textSchema('name', PLATFORM_LIMITS.maxNameChars),
    description: textSchema('description', PLATFORM_LIMITS.maxDescriptionChars, 0),
    line: textSchema('line', PLATFORM_LIMITS.maxNameChars, 0),
    processors: listOf(processorSchema, 'processors', PLATFORM_LIMITS.maxProcessors, 1),
    links: listOf(linkSchema, 'links', PLATFORM_LIMITS.maxLinks),
    sources: listOf(sourceSchema, 'sources', PLATFORM_LIMITS.maxSources),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.processors.forEach((q, i) => {
      if (ids.has(q.id))
        ctx.addIssue({
          code: 'custom',
          message: `processor id "${q.id}" is used twice`,
          path: ['processors', i, 'id'],
        });
      ids.add(q.id);
    });
    const linkIds = new Set<string>();
    p.links.forEach((l, i) => {
      if (linkIds.has(l.id))
        ctx.addIssue({ code: 'custom', message: `link id "${l.id}" is used twice`, path: ['links', i, 'id'] });
      linkIds.add(l.id);
      for (const end of ['from', 'to'] as const) {
        if (l[end] !== '*' && !ids.has(l[end])) {
          ctx.addIssue({
            code: 'custom',
            message: `${end} "${l[end]}" is not a processor of this platform`,
            path: ['links', i, end],
          });
        }
      }
    });
  });

/** One problem found by validation: a dotted path (`processors.big.units`) and a message. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export type PlatformValidation =
  { readonly ok: true; readonly platform: Platform } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * Dotted path of a zod issue; list entries are named by their `id` when the input has one, so
 * paths match the provenance paths of `FigureSource` (`processors.big.units`, `links.gige.latencyUs`).
 */
export function issuePath(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (const key of path) {
    let part = String(key);
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = child !== null && typeof child === 'object' ? (child as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(id)) part = id;
    }
    parts.push(part);
    node = child;
  }
  return parts.join('.');
}

/** Converts zod issues to `FieldIssue`s. O(issues x path depth). */
export function fieldIssues(input: unknown, error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: issuePath(input, i.path), message: i.message }));
}

/**
 * Validates an untrusted platform. Never throws; the issues name each offending field.
 * O(processors + links + sources).
 * @example validatePlatform({ ...hikey970, processors: [] }) // { ok: false, issues: [{ path: 'processors', ... }] }
 */
export function validatePlatform(input: unknown): PlatformValidation {
  const r = platformSchema.safeParse(input);
  return r.success ? { ok: true, platform: r.data as Platform } : { ok: false, issues: fieldIssues(input, r.error) };
}

/** One-line summary of issues for an error message: `processors.big.units: units must be ...; ...`. */
export function describeIssues(issues: readonly FieldIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return shown.join('; ') + (issues.length > max ? `; and ${issues.length - max} more` : '');
}

/**
 * Checks one processor field as the editor changes it; returns the message or null when valid.
 * Whole-processor rules (idle <= active power) are checked by `validatePlatform`. O(1).
 * @example checkProcessorField('units', 0) // 'units must be an integer >= 1 and <= 1024 units'
 */
export function checkProcessorField<K extends keyof Processor>(field: K, value: unknown): string | null {
  if (!Object.hasOwn(processorFields, field)) return `unknown processor field "${String(field)}"`;
  const r = processorFields[field as keyof typeof processorFields].safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
}

/** Checks one link field as the editor changes it; returns the message or null when valid. O(1). */
export function checkLinkField<K extends keyof Link>(field: K, value: unknown): string | null {
  if (!Object.hasOwn(linkFields, field)) return `unknown link field "${String(field)}"`;
  const r = linkFields[field as keyof typeof linkFields].safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
}
