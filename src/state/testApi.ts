import { buildCostTables } from '../core/cost/tables';
import { buildNetwork } from '../core/model/build';
import type { NetworkSpec } from '../core/model/types';
import { evaluatePlan } from '../core/plan/evaluate';
import { planFromSpec, specOfPlan, type PlanSpec } from '../core/plan/types';
import { selectSchedule } from './schedule';
import { useStore } from './store';

/** Screen geometry of the layer graph, registered by the graph view while it is mounted (client px). */
export interface GraphProbe {
  /** Ids of the graph's nodes (`layer:<name>`, `block:<path>`, `input`, `output`). */
  nodeIds(): string[];
  /** Centre of a node in client coordinates, or null if unknown. */
  nodeCenter(id: string): { x: number; y: number } | null;
  /** Midpoint of the edge between two nodes in client coordinates, or null. */
  edgePoint(sourceId: string, targetId: string): { x: number; y: number } | null;
  /** Expands the given block paths, or every block with 'all'. */
  expand(paths: readonly string[] | 'all'): void;
  /** Pans by screen px and zooms by a factor around the centre, then draws synchronously; returns the draw time (ms). */
  step(dx: number, dy: number, zoom: number): number;
  /** Layer positions [from, to) a node covers, or null. */
  nodeRange(id: string): [number, number] | null;
  /** Nodes and edges drawn by the last frame. */
  drawn(): { nodes: number; edges: number; detail: boolean };
}

let graphProbe: GraphProbe | null = null;
/** Called by the layer graph on mount (with its probe) and unmount (with null). */
export function setGraphProbe(probe: GraphProbe | null): void {
  graphProbe = probe;
}

/**
 * A typed window API for end-to-end tests: read the scenario, set plans and
 * ask the core for an independent evaluation without scraping the DOM.
 * Installed in every build; it exposes nothing the UI cannot already do.
 */
export interface ExplorerTestApi {
  scenario(): {
    model: string;
    platform: string;
    plan: Required<PlanSpec>;
    fps: number;
    periodMs: number;
    latencyMs: number;
    energyPerFrameMj: number;
    valid: boolean;
    problems: string[];
    layers: number;
  };
  setPlan(spec: PlanSpec): void;
  selectModel(id: string): Promise<void>;
  selectPlatform(id: string): Promise<void>;
  /** Evaluates a plan on the current network and platform from freshly built cost tables (not the store's). */
  evaluate(spec: PlanSpec): { fps: number; latencyMs: number; energyPerFrameMj: number; valid: boolean };
  undoDepth(): number;
  /** Imports an ONNX file as the Open ONNX button does; resolves when the network is open (benchmarks). */
  importOnnxFile(file: File): Promise<void>;
  /** The Gantt's schedule: lane labels and every box (times in ms, frames and stages from 0). */
  schedule(): {
    lanes: string[];
    boxes: { lane: number; stage: number; frame: number; kind: number; start: number; end: number }[];
  };
  /** Opens a network given as a spec (benchmarks inject synthetic networks), split in two halves over the first two processors. */
  loadNetworkSpec(spec: NetworkSpec): void;
  /** The layer graph's probe, while the graph is mounted. */
  graph(): GraphProbe | null;
}

const unitsOf = (id: string) => useStore.getState().platform.processors.find((p) => p.id === id)?.units ?? 1;

export function installTestApi(target: { __explorer?: ExplorerTestApi }): void {
  target.__explorer = {
    scenario: () => {
      const s = useStore.getState();
      const m = s.evaluation.metrics;
      return {
        model: s.modelId,
        platform: s.platform.id,
        plan: specOfPlan(s.plan),
        fps: m.fps,
        periodMs: m.periodMs,
        latencyMs: m.latencyMs,
        energyPerFrameMj: m.energyPerFrameMj,
        valid: s.evaluation.valid,
        problems: s.evaluation.problems.map((p) => p.message),
        layers: s.network.layers.length,
      };
    },
    setPlan: (spec) => {
      const s = useStore.getState();
      s.setPlan(planFromSpec(spec, s.network.layers.length, unitsOf));
    },
    selectModel: (id) => useStore.getState().selectModel(id),
    selectPlatform: (id) => useStore.getState().selectPlatform(id),
    evaluate: (spec) => {
      const s = useStore.getState();
      const tables = buildCostTables(s.network, s.platform);
      const e = evaluatePlan(tables, planFromSpec(spec, s.network.layers.length, unitsOf));
      const m = e.metrics;
      return { fps: m.fps, latencyMs: m.latencyMs, energyPerFrameMj: m.energyPerFrameMj, valid: e.valid };
    },
    undoDepth: () => useStore.getState().past.length,
    importOnnxFile: (file) => useStore.getState().importOnnxFile(file),
    schedule: () => {
      const s = selectSchedule(useStore.getState());
      return {
        lanes: s.lanes.map((l) => l.label),
        boxes: Array.from(s.start, (start, i) => ({
          lane: s.lane[i]!,
          stage: s.stage[i]!,
          frame: s.frame[i]!,
          kind: s.kind[i]!,
          start,
          end: s.end[i]!,
        })),
      };
    },
    loadNetworkSpec: (spec) => {
      const s = useStore.getState();
      const network = buildNetwork(spec);
      const tables = buildCostTables(network, s.platform);
      const procs = s.platform.processors.slice(0, 2).map((p) => p.id);
      const cuts = procs.length > 1 ? [Math.floor(network.layers.length / 2)] : [];
      const plan = planFromSpec(
        { cuts, procs },
        network.layers.length,
        (id) => s.platform.processors.find((p) => p.id === id)?.units ?? 1,
      );
      useStore.setState({ modelId: network.id, network, tables, plan, evaluation: evaluatePlan(tables, plan) });
    },
    graph: () => graphProbe,
  };
}
