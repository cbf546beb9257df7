import { z } from 'zod';
import { ExplorerError } from '../errors';
import type { OpClass } from '../model/types';
import { OP_CLASSES } from '../model/types';
import {
  describeIssues,
  idSchema,
  linkFields,
  linkSchema,
  listOf,
  processorFields,
  processorSchema,
  textSchema,
  validatePlatform,
  PLATFORM_LIMITS,
} from '../platform/schema';
import type { FigureSource, Link, Platform, Processor } from '../platform/types';

/*
 * How an edited preset travels in a URL: as a minimal diff against the preset, not the whole
 * platform (a preset with its cited sources is ~10 KB of JSON; one changed bandwidth is ~40 bytes).
 *
 *   { name?, processors?: [{ id, ...changed fields, efficiency?: { changed classes } }],
 *     links?: [{ id, ...changed fields }], removeProcessors?: [id], removeLinks?: [id],
 *     addProcessors?: [Processor], addLinks?: [Link] }
 *
 * Applying it: remove, patch, then append additions, in that order; the result is validated with
 * the platform schema, so a diff can never produce a platform the editor would refuse. Patches
 * are lists keyed by `id` rather than records so no user text ever becomes a property name.
 * Sources: a patched figure's citation is replaced by "edited by the user" (status `estimate`);
 * sources of removed processors or links are dropped. The diff ignores sources and descriptions.
 */

export type ProcessorPatch = { readonly id: string } & Partial<Omit<Processor, 'id' | 'efficiency'>> & {
    readonly efficiency?: Partial<Record<OpClass, number>>;
  };
export type LinkPatch = { readonly id: string } & Partial<Omit<Link, 'id'>>;

export interface PlatformEdits {
  readonly name?: string;
  readonly processors?: readonly ProcessorPatch[];
  readonly links?: readonly LinkPatch[];
  readonly removeProcessors?: readonly string[];
  readonly removeLinks?: readonly string[];
  readonly addProcessors?: readonly Processor[];
  readonly addLinks?: readonly Link[];
}

/** The citation a figure gets once a user has changed it. */
export const EDITED_SOURCE = 'edited by the user';

const optionalFields = <T extends Record<string, z.ZodType>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.exactOptional()])) as {
    [K in keyof T]: z.ZodExactOptional<T[K]>;
  };

const processorPatchSchema = z.strictObject({
  ...optionalFields(processorFields),
  id: processorFields.id,
  efficiency: z
    .strictObject(
      optionalFields(
        Object.fromEntries(
          OP_CLASSES.map((c) => [c, processorFields.efficiency.shape[c]]),
        ) as typeof processorFields.efficiency.shape,
      ),
    )
    .exactOptional(),
});
const linkPatchSchema = z.strictObject({ ...optionalFields(linkFields), id: linkFields.id });
const idList = (what: string) => listOf(idSchema(what), what, PLATFORM_LIMITS.maxLinks);

/** Schema of `PlatformEdits`: every patched figure within the platform bounds. O(size). */
export const platformEditsSchema = z.strictObject({
  name: textSchema('name', PLATFORM_LIMITS.maxNameChars).exactOptional(),
  processors: listOf(processorPatchSchema, 'processors', PLATFORM_LIMITS.maxProcessors).exactOptional(),
  links: listOf(linkPatchSchema, 'links', PLATFORM_LIMITS.maxLinks).exactOptional(),
  removeProcessors: idList('removeProcessors').exactOptional(),
  removeLinks: idList('removeLinks').exactOptional(),
  addProcessors: listOf(processorSchema, 'addProcessors', PLATFORM_LIMITS.maxProcessors).exactOptional(),
  addLinks: listOf(linkSchema, 'addLinks', PLATFORM_LIMITS.maxLinks).exactOptional(),
});

const _schemaFitsType = (x: z.infer<typeof platformEditsSchema>): PlatformEdits => x;
void _schemaFitsType;

const PROCESSOR_KEYS = Object.keys(processorFields).filter((k) => k !== 'id' && k !== 'efficiency') as (keyof Omit<
  Processor,
  'id' | 'efficiency'
>)[];
const LINK_KEYS = Object.keys(linkFields).filter((k) => k !== 'id') as (keyof Omit<Link, 'id'>)[];

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

/** The fields of `next` that differ from `base`, or undefined when none. O(fields). */
function processorPatch(base: Processor, next: Processor): ProcessorPatch | undefined {
  const patch: Record<string, unknown> = {};
  for (const k of PROCESSOR_KEYS)
    if (!same(base[k], next[k])) patch[k] = Array.isArray(next[k]) ? [...(next[k] as string[])] : next[k];
  const eff: Partial<Record<OpClass, number>> = {};
  for (const c of OP_CLASSES) if (base.efficiency[c] !== next.efficiency[c]) eff[c] = next.efficiency[c];
  if (Object.keys(eff).length > 0) patch.efficiency = eff;
  return Object.keys(patch).length > 0 ? ({ id: next.id, ...patch } as ProcessorPatch) : undefined;
}

function linkPatch(base: Link, next: Link): LinkPatch | undefined {
  const patch: Record<string, unknown> = {};
  for (const k of LINK_KEYS) if (base[k] !== next[k]) patch[k] = next[k];
  return Object.keys(patch).length > 0 ? ({ id: next.id, ...patch } as LinkPatch) : undefined;
}

/**
 * The minimal edits turning `preset` into `platform` (processors and links matched by id; the
 * platform keeps the preset's order for kept items and appends new ones). O(P + L).
 * Check `applyPlatformEdits(preset, diff)` against `platform` when order may have changed:
 * `platformRef` in state.ts does, and falls back to the whole platform.
 */
export function diffPlatform(preset: Platform, platform: Platform): PlatformEdits {
  const nextProcs = new Map(platform.processors.map((p) => [p.id, p]));
  const baseProcs = new Map(preset.processors.map((p) => [p.id, p]));
  const nextLinks = new Map(platform.links.map((l) => [l.id, l]));
  const baseLinks = new Map(preset.links.map((l) => [l.id, l]));
  const processors = preset.processors.flatMap((p) => {
    const n = nextProcs.get(p.id);
    const patch = n && processorPatch(p, n);
    return patch ? [patch] : [];
  });
  const links = preset.links.flatMap((l) => {
    const n = nextLinks.get(l.id);
    const patch = n && linkPatch(l, n);
    return patch ? [patch] : [];
  });
  const removeProcessors = preset.processors.filter((p) => !nextProcs.has(p.id)).map((p) => p.id);
  const removeLinks = preset.links.filter((l) => !nextLinks.has(l.id)).map((l) => l.id);
  const addProcessors = platform.processors.filter((p) => !baseProcs.has(p.id));
  const addLinks = platform.links.filter((l) => !baseLinks.has(l.id));
  return {
    ...(platform.name !== preset.name ? { name: platform.name } : {}),
    ...(processors.length ? { processors } : {}),
    ...(links.length ? { links } : {}),
    ...(removeProcessors.length ? { removeProcessors } : {}),
    ...(removeLinks.length ? { removeLinks } : {}),
    ...(addProcessors.length ? { addProcessors } : {}),
    ...(addLinks.length ? { addLinks } : {}),
  };
}

/** True when the edits change nothing. O(1). */
export function isEmptyEdits(e: PlatformEdits): boolean {
  return Object.keys(e).length === 0;
}

/**
 * Applies edits to a preset and validates the result. Throws BAD_PLATFORM naming the unknown id
 * or the first invalid fields. O(P + L + sources).
 * @example applyPlatformEdits(hikey970, { processors: [{ id: 'big', units: 2 }] }).processors[0].units === 2
 */
export function applyPlatformEdits(preset: Platform, edits: PlatformEdits): Platform {
  const removedP = new Set(edits.removeProcessors ?? []);
  const removedL = new Set(edits.removeLinks ?? []);
  for (const id of removedP) {
    if (!preset.processors.some((p) => p.id === id)) {
      throw new ExplorerError('BAD_PLATFORM', `the edits remove processor "${id}", which ${preset.id} does not have`);
    }
  }
  for (const id of removedL) {
    if (!preset.links.some((l) => l.id === id)) {
      throw new ExplorerError('BAD_PLATFORM', `the edits remove link "${id}", which ${preset.id} does not have`);
    }
  }
  const edited = new Set<string>();
  let processors: Processor[] = preset.processors.filter((p) => !removedP.has(p.id));
  for (const patch of edits.processors ?? []) {
    const i = processors.findIndex((p) => p.id === patch.id);
    if (i < 0) throw new ExplorerError('BAD_PLATFORM', `the edits change processor "${patch.id}", which is not there`);
    const base = processors[i]!;
    const { id: _id, efficiency, ...fields } = patch;
    for (const k of Object.keys(fields)) edited.add(`processors.${base.id}.${k}`);
    for (const k of Object.keys(efficiency ?? {})) edited.add(`processors.${base.id}.efficiency.${k}`);
    processors = processors.with(i, { ...base, ...fields, efficiency: { ...base.efficiency, ...efficiency } });
  }
  let links: Link[] = preset.links.filter((l) => !removedL.has(l.id));
  for (const patch of edits.links ?? []) {
    const i = links.findIndex((l) => l.id === patch.id);
    if (i < 0) throw new ExplorerError('BAD_PLATFORM', `the edits change link "${patch.id}", which is not there`);
    const { id: _id, ...fields } = patch;
    for (const k of Object.keys(fields)) edited.add(`links.${patch.id}.${k}`);
    links = links.with(i, { ...links[i]!, ...fields });
  }
  processors = [...processors, ...(edits.addProcessors ?? [])];
  links = [...links, ...(edits.addLinks ?? [])];

  const gone = (path: string): boolean => {
    const [kind, id] = path.split('.');
    return (kind === 'processors' && removedP.has(id!)) || (kind === 'links' && removedL.has(id!));
  };
  const sources: FigureSource[] = preset.sources
    .filter((s) => !gone(s.path))
    .map((s) => (edited.has(s.path) ? { path: s.path, status: 'estimate', source: EDITED_SOURCE } : s));
  const known = new Set(sources.map((s) => s.path));
  for (const path of edited) {
    if (!known.has(path)) sources.push({ path, status: 'estimate', source: EDITED_SOURCE });
  }

  const result = validatePlatform({
    ...preset,
    ...(edits.name !== undefined ? { name: edits.name } : {}),
    processors,
    links,
    sources,
  });
  if (!result.ok) throw new ExplorerError('BAD_PLATFORM', `after the edits: ${describeIssues(result.issues)}`);
  return result.platform;
}
