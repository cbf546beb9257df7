import { z } from 'zod';
import { ExplorerError } from '../errors';
import type { Network } from '../model/types';
import type { EvaluateOptions } from '../plan/evaluate';
import type { Plan, PlanSpec } from '../plan/types';
import { planFromSpec } from '../plan/types';
import { platformById, PRESETS } from '../platform/presets';
import { idSchema, listOf, platformSchema, textSchema } from '../platform/schema';
import type { Platform } from '../platform/types';
import type { Objective } from '../search/types';
import { zooNetwork } from '../zoo';
import type { CompactNetwork } from './compactNetwork';
import { compactNetwork, compactNetworkSchema, NETWORK_LIMITS, networkFromCompact } from './compactNetwork';
import type { PlatformEdits } from './platformEdits';
import { applyPlatformEdits, diffPlatform, isEmptyEdits, platformEditsSchema } from './platformEdits';

/*
 * The shareable state: everything needed to reopen a scenario with the exact plan and metrics.
 *
 * Versioning: `v` is the format version. Adding an OPTIONAL field keeps the version (older
 * states stay valid); renaming, removing or changing the meaning of a field bumps it, and the
 * decoder then refuses newer versions with "made by a newer version" rather than guessing.
 * Objects are strict: an unknown key is an error, never silently dropped.
 */

/** The version this build writes and the newest it reads. */
export const SHARE_VERSION = 1;

/** Objectives of the optimizer, as in `search/types.ts`. */
export const OBJECTIVES = ['fps', 'latency', 'energy'] as const satisfies readonly Objective[];

/** Maximum stages in a shared plan (far above any platform's processors x units in practice). */
export const MAX_SHARED_STAGES = 1024;

/** Small UI bits worth restoring; all optional. The UI clamps values that no longer fit. */
export interface ShareView {
  /** Selected tab or panel id. */
  readonly tab?: string;
  /** Collapsed block names in the graph view. */
  readonly collapsed?: readonly string[];
  /** Selected stage index. */
  readonly selectedStage?: number;
  /** Frames shown in the Gantt chart. */
  readonly frames?: number;
  /** Id of the research scenario whose comparison panel is open (`SCENARIOS`). */
  readonly scenario?: string;
}

export type ModelRef = { readonly zoo: string } | { readonly inline: CompactNetwork };
export type PlatformRef = { readonly preset: string; readonly edits?: PlatformEdits } | { readonly custom: Platform };

/** Version 1 of the shareable state. */
export interface ShareState {
  readonly v: 1;
  readonly model: ModelRef;
  readonly platform: PlatformRef;
  readonly plan: PlanSpec;
  readonly objective: Objective;
  /** FPS target of the latency and energy objectives. */
  readonly minFps?: number;
  readonly view?: ShareView;
}

const intIn = (what: string, min: number, max: number) => {
  const error = `${what} must be an integer between ${min} and ${max}`;
  return z.number({ error }).int({ error }).gte(min, { error }).lte(max, { error });
};

const planSchema = z
  .strictObject({
    cuts: listOf(intIn('a cut', 1, NETWORK_LIMITS.maxLayers - 1), 'cuts', MAX_SHARED_STAGES - 1),
    procs: listOf(idSchema('a processor id'), 'procs', MAX_SHARED_STAGES, 1),
    units: listOf(intIn('units', 1, 1024), 'units', MAX_SHARED_STAGES).exactOptional(),
  })
  .refine((p) => p.procs.length === p.cuts.length + 1, {
    error: 'procs must name one processor per stage (one more than the cuts)',
    path: ['procs'],
  })
  .refine((p) => p.units === undefined || p.units.length === p.procs.length, {
    error: 'units must give one count per stage',
    path: ['units'],
  });

const viewSchema = z.strictObject({
  tab: textSchema('tab', 64).exactOptional(),
  collapsed: listOf(textSchema('a collapsed block', NETWORK_LIMITS.maxNameChars), 'collapsed', 4096).exactOptional(),
  selectedStage: intIn('selectedStage', 0, MAX_SHARED_STAGES - 1).exactOptional(),
  frames: intIn('frames', 1, 1000).exactOptional(),
  scenario: idSchema('scenario id').exactOptional(),
});

/** Schema of `ShareState` v1: strict objects, bounded arrays and strings. O(size). */
export const shareStateSchema = z.strictObject({
  v: z.literal(SHARE_VERSION, { error: `v must be ${SHARE_VERSION}` }),
  model: z.union([z.strictObject({ zoo: idSchema('model id') }), z.strictObject({ inline: compactNetworkSchema })], {
    error: 'model must be {zoo: id} or {inline: network}',
  }),
  platform: z.union(
    [
      z.strictObject({ preset: idSchema('platform id'), edits: platformEditsSchema.exactOptional() }),
      z.strictObject({ custom: platformSchema }),
    ],
    { error: 'platform must be {preset: id, edits?} or {custom: platform}' },
  ),
  plan: planSchema,
  objective: z.enum(OBJECTIVES, { error: 'objective must be fps, latency or energy' }),
  minFps: z
    .number({ error: 'minFps must be a number' })
    .gt(0, { error: 'minFps must be > 0' })
    .lte(1e6, { error: 'minFps must be <= 1000000' })
    .exactOptional(),
  view: viewSchema.exactOptional(),
});

const _schemaFitsType = (x: z.infer<typeof shareStateSchema>): ShareState => x;
void _schemaFitsType;

/** The scenario a share state stands for, rebuilt through core. */
export interface ResolvedShare {
  readonly network: Network;
  readonly platform: Platform;
  readonly plan: Plan;
  readonly objective: Objective;
  readonly minFps?: number;
  readonly view?: ShareView;
  /** How to evaluate the plan so metrics match the ones shown when it was shared (see `evaluateOptionsFor`). */
  readonly evaluateOptions: EvaluateOptions;
}

/**
 * Evaluation options implied by an objective, the same rule as `searchPlan`: under the energy
 * objective with an FPS target, frames arrive at that rate, so idle energy accrues over
 * 1000 / minFps ms per frame. O(1).
 * @example evaluateOptionsFor('energy', 20) // { inputFps: 20 }
 */
export function evaluateOptionsFor(objective: Objective, minFps: number | undefined): EvaluateOptions {
  return objective === 'energy' && minFps !== undefined ? { inputFps: minFps } : {};
}

/**
 * Rebuilds network, platform and plan from a (schema-valid) share state: zoo or inline network,
 * preset (with edits applied and re-validated) or custom platform, then the plan, checking every
 * processor exists. Throws `ExplorerError` (UNKNOWN_MODEL, BAD_NETWORK and the network codes,
 * UNKNOWN_PLATFORM, BAD_PLATFORM, UNKNOWN_PROCESSOR, BAD_CUTS, BAD_PLAN). A plan that exceeds
 * units or memory is returned as is: `evaluatePlan` reports such problems, nothing is fixed.
 * O(network size) for inline networks, O(stages) otherwise (zoo networks are cached).
 */
export function resolveShareState(state: ShareState): ResolvedShare {
  const network = 'zoo' in state.model ? zooNetwork(state.model.zoo) : networkFromCompact(state.model.inline);
  const platform =
    'custom' in state.platform
      ? state.platform.custom
      : state.platform.edits && !isEmptyEdits(state.platform.edits)
        ? applyPlatformEdits(platformById(state.platform.preset), state.platform.edits)
        : platformById(state.platform.preset);
  const procs = new Map(platform.processors.map((p) => [p.id, p]));
  for (const id of state.plan.procs) {
    if (!procs.has(id)) {
      const known = platform.processors.map((p) => p.id).join(', ');
      throw new ExplorerError('UNKNOWN_PROCESSOR', `"${id}" is not on ${platform.id} (it has ${known})`);
    }
  }
  const plan = planFromSpec(state.plan, network.layers.length, (id) => procs.get(id)!.units);
  return {
    network,
    platform,
    plan,
    objective: state.objective,
    ...(state.minFps !== undefined ? { minFps: state.minFps } : {}),
    ...(state.view !== undefined ? { view: state.view } : {}),
    evaluateOptions: evaluateOptionsFor(state.objective, state.minFps),
  };
}

const samePlatformFigures = (a: Platform, b: Platform): boolean =>
  a.name === b.name && JSON.stringify([a.processors, a.links]) === JSON.stringify([b.processors, b.links]);

/**
 * How a platform travels: the preset it came from plus a minimal diff when that reproduces it
 * exactly, otherwise the whole platform. `basePresetId` defaults to the platform's own id (an
 * edited preset keeps its id). O(P + L + sources).
 */
export function platformRef(platform: Platform, basePresetId: string = platform.id): PlatformRef {
  const preset = PRESETS.find((p) => p.id === basePresetId);
  if (!preset) return { custom: platform };
  const edits = diffPlatform(preset, platform);
  if (isEmptyEdits(edits)) return samePlatformFigures(preset, platform) ? { preset: preset.id } : { custom: platform };
  try {
    if (samePlatformFigures(applyPlatformEdits(preset, edits), platform)) return { preset: preset.id, edits };
  } catch {
    // An edit the schema refuses cannot travel as a diff; the whole platform will say why on opening.
  }
  return { custom: platform };
}

/** What the app knows when it shares. */
export interface ShareInput {
  /** A zoo id, or the network itself when it was imported (it travels inline). */
  readonly model: { readonly zoo: string } | { readonly network: Network };
  readonly platform: Platform;
  /** Preset the platform was derived from; defaults to its id. */
  readonly basePresetId?: string;
  readonly plan: Plan;
  readonly objective: Objective;
  readonly minFps?: number;
  readonly view?: ShareView;
}

/**
 * Builds the share state of a scenario. O(network size) for inline networks, O(stages + P + L) otherwise.
 * @example makeShareState({ model: { zoo: 'resnet50' }, platform: hikey970, plan, objective: 'fps' })
 */
export function makeShareState(input: ShareInput): ShareState {
  const stages = input.plan.stages;
  return {
    v: SHARE_VERSION,
    model: 'zoo' in input.model ? { zoo: input.model.zoo } : { inline: compactNetwork(input.model.network) },
    platform: platformRef(input.platform, input.basePresetId),
    plan: {
      cuts: stages.slice(1).map((s) => s.from),
      procs: stages.map((s) => s.processor),
      units: stages.map((s) => s.units),
    },
    objective: input.objective,
    ...(input.minFps !== undefined ? { minFps: input.minFps } : {}),
    ...(input.view !== undefined ? { view: input.view } : {}),
  };
}
