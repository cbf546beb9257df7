import type { CostTables } from '../cost/tables';
import { ExplorerError } from '../errors';
import { EnergySweep, type EnergySweepOptions } from './energySweep';
import { MinTrees } from './minTree';
import { SweepShell, sweepLayout } from './sweepShell';
import { SweepSpace } from './sweepSpace';

/**
 * The parts of the WebAssembly JavaScript API the sweep uses. Why declared here: the core has no
 * DOM or Node types, and every place it runs (Node, workers, browsers) has this global.
 */
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Instance: new (module: unknown, imports: object) => { exports: object };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The exports of wasm/energySweep.ts (AssemblyScript). */
interface Kernel {
  init(header: number): void;
  setup(): void;
  beginLimit(T: number): void;
  /** 1 when cancelled. */
  settleFinal(key: number, T: number): number;
  getRecomputed(): number;
}

let kernelModule: unknown;
/**
 * One memory and instance for every sweep up to `KEEP_BYTES` (the newest sweep owns them): grown,
 * never shrunk. Why: a fresh memory costs about 25 ms per front in page faults; larger sweeps
 * (a 16-core chip on ResNet-152 takes 176 MB) get their own, released with the sweep.
 */
let shared: { memory: WasmMemory; kernel: Kernel } | undefined;
const KEEP_BYTES = 64 * 2 ** 20;
let owner = 0;
let cancelCheck: (() => boolean) | undefined;

/**
 * Gives the core the compiled sweep kernel (wasm/build/energySweep.wasm as a WebAssembly.Module),
 * or takes it away (undefined): `createEnergySweep` then falls back to JavaScript. Called by the
 * search worker, the CLI, the benches and the test set-up; the core never loads files itself.
 */
export function setSweepKernel(module: unknown): void {
  kernelModule = module;
  shared = undefined;
}

/** Whether `createEnergySweep` will use the WebAssembly kernel. */
export function hasSweepKernel(): boolean {
  return kernelModule !== undefined;
}

/**
 * An energy sweep: `EnergySweepWasm` when the kernel was given, else the JavaScript `EnergySweep`.
 * Both give the same answers, plans and recomputation counts.
 */
export function createEnergySweep(t: CostTables, options: EnergySweepOptions = {}): SweepShell {
  return kernelModule === undefined ? new EnergySweep(t, options) : new EnergySweepWasm(t, options);
}

/** A kernel instance on a memory of its own, of `pages` 64 KB pages. */
function instantiate(pages: number): { memory: WasmMemory; kernel: Kernel } {
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const memory = new api.Memory({ initial: pages });
  const cancelled = (): number => (cancelCheck?.() ? 1 : 0);
  const { exports } = new api.Instance(kernelModule, { env: { memory, cancelled } });
  return { memory, kernel: exports as Kernel };
}

/** Bytes alignment of every column in the kernel's memory. */
const ALIGN = 16;
/** Where the header (scalars, then column offsets) starts; the columns start at 1 KB. */
const HEADER_AT = 8;

/**
 * `EnergySweep` with its set-up (`prefixEnergy`, the tree build) and hot loop (settle, scan,
 * pick, resolve, publish, the trees, the reach) compiled from wasm/energySweep.ts: the same DP, the
 * same floating-point operations in the same order, so the same answers, plans and work. The
 * finals heap, the solve loop and the plans stay in JavaScript (`SweepShell`), reading the
 * kernel's columns through typed-array views of its memory.
 * Why: V8's code for the JavaScript sweep spends about half its instructions on checks (bounds,
 * overflow, maps) and spills; compiled, a ResNet-50 / Snapdragon 855 front runs about 1.7-2x
 * faster (see README, Benchmarks).
 * Only the newest sweep on the shared memory may run: a new one takes it over, and an older one's
 * `solve` then throws CANCELLED (sweeps above 64 MB have their own memory and no such limit).
 */
export class EnergySweepWasm extends SweepShell {
  protected override readonly treeAt: Int32Array;
  protected override readonly via: Int32Array;
  protected override readonly finalValue: Float64Array;
  protected override readonly finalExact: Int32Array;
  protected override readonly finalTheta: Float64Array;
  protected override readonly finalFrom: Int32Array;
  private readonly kernel: Kernel;
  private readonly id: number;
  /** Whether this sweep has a memory of its own (above 64 MB) rather than the shared one. */
  readonly ownsMemory: boolean;

  constructor(
    t: CostTables,
    private readonly options: EnergySweepOptions = {},
  ) {
    super(new SweepSpace(t, options.maxStages, options.pins));
    if (kernelModule === undefined) throw new ExplorerError('BAD_ARGUMENT', 'no WebAssembly sweep kernel was given');
    const sp = this.sp;
    const { n, P, K, NU, nStates, weight, prefixes, units, limited, links, starts } = sp;
    const trees = new MinTrees(n + 1);
    const keys = nStates * K;
    const slots = t.processors.reduce((sum, p) => sum + p.units, 0);
    const layout = sweepLayout(sp, trees.width);
    const count = layout.trees;
    // Settle's stack never holds more frames than positions: each frame's position is below the one under it.
    const frames = n + 2;
    const F8 = 8;
    const I4 = 4;
    // In the order the kernel's `init` reads their offsets.
    const columns: [string, number][] = [
      ['starts', starts.length * I4],
      ['weight', P * K * F8],
      ['prefix', P * K * (n + 1) * F8],
      ['lat', P * P * F8],
      ['msPB', P * P * F8],
      ['mjPB', P * P * F8],
      ['overlaps', P * P * I4],
      ['crossing', (n + 1) * F8],
      ['units', P * I4],
      ['room', NU * P * I4],
      ['stride', P * I4],
      ['buf', count * trees.width * F8],
      ['treeAt', keys * I4],
      ['rootMin', keys * F8],
      ['theta', n * nStates * F8],
      ['via', 2 * n * nStates * I4],
      ['finalValue', keys * F8],
      ['finalExact', keys * I4],
      ['finalTheta', keys * F8],
      ['finalFrom', keys * I4],
      ['candStart', (nStates + 1) * I4],
      ['cand', layout.cand.length * I4],
      ['reach', NU * I4],
      ['loCache', 2 * (n + 1) * P * K * P * I4],
      ['stackId', frames * I4],
      ['frameKey', frames * I4],
      ['frameLo', frames * I4],
      ['frameHi', frames * I4],
      ['frameSend', frames * F8],
      ['frameX', frames * F8],
      ['frameExtra', frames * F8],
      ['frameSecond', frames * F8],
      ['frameCount', frames * I4],
      ['frameBest', frames * I4],
      ['cBound', frames * slots * F8],
      ['cOrder', frames * slots * I4],
      ['cKey', frames * slots * I4],
      ['cLo', frames * slots * I4],
      ['cHi', frames * slots * I4],
      ['cExtra', frames * slots * F8],
      ['cSend', frames * slots * F8],
      ['cX', frames * slots * F8],
      // The set-up's own columns (`prefixEnergy`'s values and staircases).
      ['reachE', n * nStates * F8],
      ['slotOf', keys * I4],
      ['stPos', count * n * I4],
      ['stVal', count * n * F8],
      ['stLen', count * I4],
      ['stPtr', count * I4],
      ['stSk', count * I4],
      ['stNext', count * I4],
      ['stTo', count * I4],
      ['sendAt', P * P * F8],
      ['linkAt', P * P * F8],
    ];
    const at: Record<string, number> = {};
    let end = 1024;
    for (const [name, bytes] of columns) {
      end = Math.ceil(end / ALIGN) * ALIGN;
      at[name] = end;
      end += bytes;
    }
    if (end > 2 ** 31) throw new ExplorerError('SEARCH_TOO_LARGE');
    const pages = Math.ceil(end / 65536);
    const own = end > KEEP_BYTES ? instantiate(pages) : undefined;
    if (!own && !shared) shared = instantiate(pages);
    const { memory, kernel } = own ?? shared!;
    const have = memory.buffer.byteLength / 65536;
    if (have < pages) memory.grow(pages - have);
    this.kernel = kernel;
    this.id = own ? -1 : ++owner;
    this.ownsMemory = own !== undefined;
    cancelCheck = options.isCancelled;
    const mem = memory.buffer;
    const f64 = (name: string, length: number): Float64Array => new Float64Array(mem, at[name]!, length);
    const i32 = (name: string, length: number): Int32Array => new Int32Array(mem, at[name]!, length);
    i32('starts', starts.length).set(starts);
    f64('weight', P * K).set(weight);
    const prefixFlat = f64('prefix', P * K * (n + 1));
    for (let sk = 0; sk < P * K; sk++) prefixFlat.set(prefixes[sk]!, sk * (n + 1));
    f64('lat', P * P).set(links.latencyMs);
    f64('msPB', P * P).set(links.msPerByte);
    f64('mjPB', P * P).set(links.mjPerByte);
    i32('overlaps', P * P).set(links.overlaps);
    f64('crossing', n + 1).set(t.crossing.subarray(0, n + 1));
    i32('units', P).set(units.units);
    i32('room', NU * P).set(units.room);
    i32('stride', P).set(units.stride);
    this.treeAt = i32('treeAt', keys);
    this.treeAt.set(layout.treeAt);
    f64('rootMin', keys).fill(Infinity);
    this.finalValue = f64('finalValue', keys).fill(Infinity);
    this.finalExact = i32('finalExact', keys).fill(0);
    this.finalTheta = f64('finalTheta', keys);
    this.finalFrom = i32('finalFrom', keys);
    const theta = f64('theta', n * nStates).fill(NaN);
    for (let r = 0; r < P; r++) theta[r * n] = -Infinity; // position 0: exact under every limit
    this.via = i32('via', 2 * n * nStates);
    i32('candStart', nStates + 1).set(layout.candStart);
    i32('cand', layout.cand.length).set(layout.cand);
    i32('reach', NU).fill(n);
    i32('loCache', 2 * (n + 1) * P * K * P).fill(0);
    const scalars = [n, P, K, NU, slots, trees.size, frames, options.isCancelled ? 1 : 0];
    // The kernel reads the hot loop's offsets, four set-up scalars, then the set-up's offsets.
    const setupFrom = columns.findIndex(([name]) => name === 'reachE');
    const loop = columns.slice(0, setupFrom).map(([name]) => at[name]!);
    const setup = columns.slice(setupFrom).map(([name]) => at[name]!);
    const header = [...scalars, ...loop, nStates, sp.S, limited ? 1 : 0, count, ...setup];
    new Int32Array(mem, HEADER_AT, header.length).set(header);
    kernel.init(HEADER_AT);
    kernel.setup();
    this.pushFinals();
  }

  override get recomputed(): number {
    return this.kernel.getRecomputed();
  }

  protected override beginLimit(T: number): void {
    this.checkOwner();
    this.kernel.beginLimit(T);
  }

  protected override settleFinal(key: number, T: number): void {
    cancelCheck = this.options.isCancelled;
    if (this.kernel.settleFinal(key, T) !== 0) throw new ExplorerError('CANCELLED');
  }

  /** A sweep on the shared memory runs only while no newer one took it over. */
  private checkOwner(): void {
    if (this.id < 0) return;
    if (this.id !== owner || !shared || shared.kernel !== this.kernel) throw new ExplorerError('CANCELLED');
  }
}
