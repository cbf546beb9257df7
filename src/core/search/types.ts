import type { Evaluation } from '../plan/evaluate';
import type { Plan } from '../plan/types';

export type Objective = 'fps' | 'latency' | 'energy';

/** Fixed parts of a plan the search must keep. */
export interface Pins {
  /** Positions that must be cuts (1..n-1). */
  readonly cuts?: readonly number[];
  /** Layers whose stage must run on a given processor (e.g. a stage's first layer). */
  readonly layers?: readonly { readonly layer: number; readonly processor: string }[];
}

export interface SearchOptions {
  readonly objective?: Objective;
  /** Lower bound on FPS for the latency and energy objectives (and optionally for fps). */
  readonly minFps?: number;
  /** At most this many stages. */
  readonly maxStages?: number;
  readonly pins?: Pins;
  /** Called now and then with a fraction in [0, 1]. */
  readonly onProgress?: (fraction: number) => void;
  /** Checked now and then; when it returns true the search stops with a CANCELLED error. */
  readonly isCancelled?: () => boolean;
}

/** A plan found by the search with its evaluation. */
export interface Found {
  readonly plan: Plan;
  readonly evaluation: Evaluation;
}
