import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { crossings, cutsInside, edgeCutPosition, nodeStages, planCuts } from '../../../core/graph/cuts';
import { blockTree } from '../../../core/graph/blocks';
import { defaultExpansion, expansionKey } from '../../../core/graph/expansion';
import { nodeSizes, type GraphLayout } from '../../../core/graph/geometry';
import { collapsedView, relativeName } from '../../../core/graph/view';
import { nearestCut } from '../../../core/plan/edit';
import { layoutClient } from '../../../state/layoutClient';
import { selectLayerTimes, selectNetwork, selectPlan, selectPlatform } from '../../../state/selectors';
import { useStore } from '../../../state/store';
import { setGraphProbe } from '../../../state/testApi';
import { useZoom } from '../../interaction/useZoom';
import type { ViewTransform } from '../../interaction/zoom';
import { stageColor } from '../../theme';
import { DETAIL_SCALE, drawGraph, type DrawStats } from './draw';
import { registerGraphPainter } from './exportGraph';
import { GraphTooltip, type TooltipTarget } from './GraphTooltip';
import './LayerGraph.css';
import { buildScene, edgeAt, edgeMaskOf, midpoint, nodeAt, type Scene } from './scene';

const SCALE_EXTENT: readonly [number, number] = [0.02, 4];
/** Fit-to-view never magnifies beyond this: a 5-node graph should not fill the panel with giant boxes. */
const FIT_MAX_SCALE = 1.1;
/**
 * A new layout of up to READABLE_FIT_NODES nodes opens at READABLE_SCALE at
 * least (11 px labels) and starts at the network's input when it does not fit:
 * a reader pans along it. Larger graphs open fully fitted (an overview). "Fit"
 * and the 0 key always show everything.
 */
const READABLE_SCALE = 0.62;
const READABLE_FIT_NODES = 160;
const PAN_STEP_PX = 80;
/** Found by eye on ResNet-50 and DenseNet-121 at 1280 x 720: rows then fill the panel's width. */
const ASPECT_BOOST = 1.5;
const ZOOM_STEP = 1.25;
/** Pointer tolerance for edges, in screen px. */
const EDGE_HIT_PX = 6;

interface Toggle {
  readonly id: string;
  readonly path: string;
  readonly open: boolean;
  readonly label: string;
  readonly aria: string;
  /** World anchor: right edge (expand) or top-left (collapse) of a node. */
  readonly node: number;
  /** Horizontal offset (screen px) among chips sharing a node. */
  readonly offset: number;
}

type LayoutState =
  | { readonly key: string; readonly layout: GraphLayout; readonly error?: undefined }
  | { readonly key: string; readonly error: string; readonly layout?: undefined };

/**
 * The network as a graph: nodes coloured by stage, cut markers on the edges
 * each cut crosses, collapsible blocks, a hover card, pan and zoom, and a
 * click on an edge moving the nearest cut there. Layout runs in a worker;
 * drawing is one canvas redrawn at most once per frame, culled to the view.
 */
export function LayerGraph() {
  const network = useStore(selectNetwork);
  const plan = useStore(selectPlan);
  const platform = useStore(selectPlatform);
  const times = useStore(selectLayerTimes);
  const hoveredStage = useStore((s) => s.hoveredStage);
  const setHoveredStage = useStore((s) => s.setHoveredStage);
  const moveSplit = useStore((s) => s.moveSplit);

  // Expansion belongs to the network it was made for; another network starts from its default.
  const [expansion, setExpansion] = useState<{ id: string; set: ReadonlySet<string> } | null>(null);
  const defaultSet = useMemo(() => defaultExpansion(network), [network]);
  const expanded = expansion?.id === network.id ? expansion.set : defaultSet;
  const view = useMemo(() => collapsedView(network, expanded), [network, expanded]);
  const mask = useMemo(() => edgeMaskOf(view), [view]);

  const viewportRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The viewport's width / height in steps of 1/4 (a layout wraps its rows to match); null until measured.
  const [aspect, setAspect] = useState<number | null>(null);
  const key = `${network.id}#${expansionKey(expanded)}#${aspect ?? 0}`;
  const [layoutState, setLayoutState] = useState<LayoutState | null>(null);

  useEffect(() => {
    if (aspect === null) return;
    const { widths, heights } = nodeSizes(view);
    const edges = view.edges.flatMap((e, i) => (mask[i] ? [e.source, e.target] : []));
    let live = true;
    layoutClient
      // ELK's rows come out narrower than asked (wrap edges and spacing): ask for wider ones.
      .layout({ key, widths, heights, edges, aspectRatio: aspect * ASPECT_BOOST })
      .then((layout) => live && setLayoutState({ key, layout }))
      .catch((e: unknown) => {
        if (!live || (e as { code?: string }).code === 'LAYOUT_SUPERSEDED') return;
        setLayoutState({ key, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [key, view, mask, aspect]);

  const scene = useMemo<Scene | null>(
    () => (layoutState?.key === key && layoutState.layout ? buildScene(view, mask, layoutState.layout) : null),
    [layoutState, key, view, mask],
  );

  // Per-plan decorations: stage shares per node, cuts per edge and per node.
  const decorations = useMemo(() => {
    const cuts = planCuts(plan);
    const edgeCuts: number[][] = view.edges.map(() => []);
    for (const c of crossings(view, cuts)) edgeCuts[c.edge]!.push(c.cut);
    return {
      stages: view.nodes.map((node) => nodeStages(node, plan)),
      edgeCuts,
      nodeCuts: view.nodes.map((node) => cutsInside(node, cuts)),
    };
  }, [view, plan]);

  const toggles = useMemo<Toggle[]>(() => {
    if (!scene) return [];
    const tree = blockTree(network);
    const out: Toggle[] = [];
    view.nodes.forEach((node, i) => {
      if (node.kind !== 'block') return;
      out.push({
        id: node.id,
        path: node.block,
        open: false,
        label: '+',
        aria: `Expand ${node.title} (${node.count} layers)`,
        node: i,
        offset: 0,
      });
    });
    const used = new Map<number, number>();
    for (const path of [...expanded].sort((a, b) => (tree.get(a)?.depth ?? 0) - (tree.get(b)?.depth ?? 0))) {
      const b = tree.get(path);
      if (!b) continue;
      // The first visible node inside the block carries its collapse chip.
      const first = view.nodeOfLayer[b.from]!;
      const label = `− ${relativeName(path, b.parent)}`;
      const offset = used.get(first) ?? 0;
      used.set(first, offset + label.length * 6.6 + 18);
      out.push({ id: `chip:${path}`, path, open: true, label, aria: `Collapse ${path}`, node: first, offset });
    }
    return out;
  }, [scene, view, network, expanded]);

  // Drawing: everything a frame needs lives in refs; a frame is scheduled at most once per animation frame.
  const transformRef = useRef<ViewTransform>({ x: 0, y: 0, k: 1 });
  const sizeRef = useRef({ width: 0, height: 0 });
  const hoverRef = useRef({ node: -1, edge: -1 });
  const toggleEls = useRef(new Map<string, HTMLButtonElement>());
  const placed = useRef(new WeakMap<HTMLButtonElement, string>());
  const frame = useRef(0);
  const stats = useRef<DrawStats>({ nodes: 0, edges: 0, detail: false });
  const latest = useRef({ scene, decorations, hoveredStage, toggles });
  useEffect(() => {
    latest.current = { scene, decorations, hoveredStage, toggles };
  });
  const [drawnKey, setDrawnKey] = useState('');
  const drawnRef = useRef('');
  // A tooltip belongs to the scene it was made on: after a new layout the pointer is over something else.
  const [tooltip, setTooltip] = useState<{ target: TooltipTarget; x: number; y: number; scene: Scene } | null>(null);

  const drawNow = useCallback((): number => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    const canvas = canvasRef.current;
    const { scene: sc, decorations: d, hoveredStage: hs, toggles: tg } = latest.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !sc) return 0;
    const started = performance.now();
    const { width, height } = sizeRef.current;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const t = transformRef.current;
    stats.current = drawGraph(ctx, {
      scene: sc,
      transform: t,
      width,
      height,
      dpr,
      ...d,
      hoveredStage: hs,
      hoveredNode: hoverRef.current.node,
      hoveredEdge: hoverRef.current.edge,
    });
    // Block buttons follow their nodes; hidden when off screen or too small to use. Styles are
    // written only when they change: hundreds of hidden buttons then cost nothing per frame.
    const l = sc.layout;
    const scale = Math.max(0.6, Math.min(1, t.k));
    for (const toggle of tg) {
      const el = toggleEls.current.get(toggle.id);
      if (!el) continue;
      const i = toggle.node;
      const sx = toggle.open ? l.x[i]! * t.k + t.x + toggle.offset : (l.x[i]! + l.widths[i]!) * t.k + t.x - 24;
      const sy = toggle.open ? l.y[i]! * t.k + t.y - 22 : (l.y[i]! + l.heights[i]! / 2) * t.k + t.y - 10;
      const show = t.k >= DETAIL_SCALE && sx > -40 && sy > -30 && sx < width && sy < height;
      // Buttons shrink with the nodes down to 60 % so they never hide a node's text.
      const style = show ? `translate(${Math.round(sx)}px, ${Math.round(sy)}px) scale(${scale})` : 'hidden';
      if (placed.current.get(el) === style) continue;
      placed.current.set(el, style);
      el.style.visibility = show ? 'visible' : 'hidden';
      if (show) el.style.transform = style;
    }
    // React hears about the first frame of each layout only (data-state="ready").
    if (drawnRef.current !== key) {
      drawnRef.current = key;
      setDrawnKey(key);
    }
    return performance.now() - started;
  }, [key]);

  // Exports (File menu) draw the same picture through the same renderer, at any pixel ratio.
  useEffect(() => {
    registerGraphPainter((ctx, dpr) => {
      const { scene: sc, decorations: d } = latest.current;
      const { width, height } = sizeRef.current;
      if (sc) {
        drawGraph(ctx, {
          scene: sc,
          transform: transformRef.current,
          width,
          height,
          dpr,
          ...d,
          hoveredStage: null,
          hoveredNode: -1,
          hoveredEdge: -1,
        });
      }
      return { width, height, title: `Layer graph of ${network.name}` };
    });
    return () => registerGraphPainter(null);
  }, [network.name]);

  const requestDraw = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      drawNow();
    });
  }, [drawNow]);

  const zoom = useZoom(viewportRef, SCALE_EXTENT, (t) => {
    transformRef.current = t;
    requestDraw();
  });

  /** Shows the whole graph; `legible` keeps labels readable for graphs a reader can take in (see READABLE_FIT_NODES). */
  const fit = useCallback(
    (legible = false) => {
      if (!zoom || !scene) return;
      const min = legible && scene.view.nodes.length <= READABLE_FIT_NODES ? READABLE_SCALE : 0;
      zoom.fit({ x: 0, y: 0, width: scene.layout.width, height: scene.layout.height }, 12, FIT_MAX_SCALE, min);
    },
    [zoom, scene],
  );

  // Fit every new layout (another network, or blocks opened or closed); what was under the pointer moved away.
  useEffect(() => {
    hoverRef.current = { node: -1, edge: -1 };
    fit(true);
    requestDraw();
  }, [fit, requestDraw]);
  useEffect(() => requestDraw(), [decorations, hoveredStage, toggles, requestDraw]);

  useEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const measure = () => {
      sizeRef.current = { width: el.clientWidth, height: el.clientHeight };
      if (el.clientWidth > 0 && el.clientHeight > 0) setAspect(Math.round((4 * el.clientWidth) / el.clientHeight) / 4);
      requestDraw();
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, [requestDraw]);
  useEffect(
    () => () => {
      // Reset too: StrictMode remounts, and a stale frame id would block every later request.
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );

  const setOpen = useCallback(
    (path: string, open: boolean) => {
      const next = new Set(expanded);
      if (open) next.add(path);
      else for (const p of [...next]) if (p === path || p.startsWith(`${path}.`)) next.delete(p);
      setExpansion({ id: network.id, set: next });
    },
    [expanded, network.id],
  );

  // Hover and click.
  const stageOfNode = (i: number) => {
    const shares = decorations.stages[i] ?? [];
    return shares.reduce((best, s) => (s.share > best.share ? s : best), shares[0] ?? { stage: -1, share: 0 }).stage;
  };
  const pick = (event: { clientX: number; clientY: number }) => {
    const el = viewportRef.current;
    if (!el || !scene) return { node: -1, edge: -1, x: 0, y: 0 };
    const r = el.getBoundingClientRect();
    const t = transformRef.current;
    const x = event.clientX - r.left;
    const y = event.clientY - r.top;
    const wx = (x - t.x) / t.k;
    const wy = (y - t.y) / t.k;
    const node = nodeAt(scene, wx, wy);
    const edge = node >= 0 ? -1 : edgeAt(scene, wx, wy, EDGE_HIT_PX / t.k);
    return { node, edge, x, y };
  };
  const describe = (node: number, edge: number): TooltipTarget | null => {
    if (node >= 0) {
      const n = view.nodes[node]!;
      let ms = 0;
      for (let p = Math.max(0, n.from); p < Math.min(times.ms.length, n.to); p++) ms += times.ms[p]!;
      const shares = decorations.stages[node] ?? [];
      const names = shares.map((s) => {
        const id = plan.stages[s.stage]?.processor;
        return platform.processors.find((p) => p.id === id)?.name ?? id ?? '?';
      });
      const where =
        names.length === 1
          ? `on ${names[0]} (stage ${shares[0]!.stage + 1})`
          : `over stages ${shares.map((s) => s.stage + 1).join(', ')}`;
      return { kind: 'node', node: n, ms, where };
    }
    if (edge >= 0) {
      const e = view.edges[edge]!;
      const c = edgeCutPosition(e, view.layers);
      const i = nearestCut(plan, c);
      const before = network.layers[c]?.name ?? c;
      const hint =
        i < 0 ? 'One stage: add a cut to split the network.' : `Click to move cut ${i + 1} here (before ${before}).`;
      return { kind: 'edge', edge: e, cutHint: hint };
    }
    return null;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.buttons) return; // panning
    const hit = pick(event);
    const changed = hit.node !== hoverRef.current.node || hit.edge !== hoverRef.current.edge;
    hoverRef.current = { node: hit.node, edge: hit.edge };
    const target = describe(hit.node, hit.edge);
    // Beside the pointer, flipped to its left near the right border.
    const x = hit.x + 330 > sizeRef.current.width ? hit.x - 316 : hit.x + 14;
    setTooltip(target && scene ? { target, x, y: hit.y + 14, scene } : null);
    if (changed) {
      const stage = hit.node >= 0 ? stageOfNode(hit.node) : -1;
      setHoveredStage(stage >= 0 ? stage : null);
      requestDraw();
    }
  };
  const onPointerLeave = () => {
    hoverRef.current = { node: -1, edge: -1 };
    setTooltip(null);
    setHoveredStage(null);
    requestDraw();
  };
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('button')) return;
    const hit = pick(event);
    if (hit.node >= 0) {
      const n = view.nodes[hit.node]!;
      if (n.kind === 'block') setOpen(n.block, true);
      return;
    }
    if (hit.edge >= 0) {
      const c = edgeCutPosition(view.edges[hit.edge]!, view.layers);
      const i = nearestCut(plan, c);
      if (i >= 0) moveSplit(i, c);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!zoom) return;
    const moves: Record<string, () => void> = {
      '+': () => zoom.zoomBy(ZOOM_STEP),
      '=': () => zoom.zoomBy(ZOOM_STEP),
      '-': () => zoom.zoomBy(1 / ZOOM_STEP),
      _: () => zoom.zoomBy(1 / ZOOM_STEP),
      '0': () => fit(),
      ArrowLeft: () => zoom.panBy(PAN_STEP_PX, 0),
      ArrowRight: () => zoom.panBy(-PAN_STEP_PX, 0),
      ArrowUp: () => zoom.panBy(0, PAN_STEP_PX),
      ArrowDown: () => zoom.panBy(0, -PAN_STEP_PX),
    };
    const move = moves[event.key];
    if (move && (event.target === event.currentTarget || !event.key.startsWith('Arrow'))) {
      event.preventDefault();
      move();
    }
  };

  // The probe lets end-to-end tests and the browser benchmark find nodes and edges on the canvas.
  useEffect(() => {
    const client = (wx: number, wy: number) => {
      const r = viewportRef.current!.getBoundingClientRect();
      const t = transformRef.current;
      return { x: r.left + wx * t.k + t.x, y: r.top + wy * t.k + t.y };
    };
    setGraphProbe({
      nodeIds: () => view.nodes.map((n) => n.id),
      nodeCenter: (id) => {
        const i = view.nodes.findIndex((n) => n.id === id);
        if (!scene || i < 0) return null;
        const l = scene.layout;
        return client(l.x[i]! + l.widths[i]! / 2, l.y[i]! + l.heights[i]! / 2);
      },
      edgePoint: (sourceId, targetId) => {
        const e = view.edges.findIndex(
          (x) => view.nodes[x.source]!.id === sourceId && view.nodes[x.target]!.id === targetId,
        );
        if (!scene || e < 0) return null;
        const m = midpoint(scene.paths[e]!.points);
        return client(m.x, m.y);
      },
      expand: (paths) =>
        setExpansion({ id: network.id, set: new Set(paths === 'all' ? blockTree(network).keys() : paths) }),
      step: (dx, dy, factor) => {
        zoom?.panBy(dx, dy);
        if (factor !== 1) zoom?.zoomBy(factor);
        return drawNow();
      },
      drawn: () => stats.current,
      nodeRange: (id) => {
        const n = view.nodes.find((x) => x.id === id);
        return n ? [n.from, n.to] : null;
      },
    });
    return () => setGraphProbe(null);
  }, [view, scene, network, zoom, drawNow]);

  const state =
    layoutState?.key === key && layoutState.error ? 'error' : scene && drawnKey === key ? 'ready' : 'loading';
  const stageNames = plan.stages.map((s) => platform.processors.find((p) => p.id === s.processor)?.name ?? s.processor);

  return (
    <section className="panel graph-panel" aria-labelledby="graph-title">
      <div className="graph-head">
        <h2 id="graph-title">Layer graph</h2>
        <ul className="graph-legend" aria-label="Stages">
          {stageNames.map((name, i) => (
            <li
              key={i}
              onPointerEnter={() => setHoveredStage(i)}
              onPointerLeave={() => setHoveredStage(null)}
              className={hoveredStage === i ? 'active' : undefined}
            >
              <span className="stage-dot" style={{ background: stageColor(i) }} />
              Stage {i + 1} · {name}
            </li>
          ))}
        </ul>
        <div className="graph-tools">
          <button type="button" onClick={() => zoom?.zoomBy(ZOOM_STEP)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoom?.zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => fit()} aria-label="Fit the graph to the view">
            Fit
          </button>
          <button type="button" onClick={() => setExpansion(null)} aria-label="Reset blocks to the default view">
            Reset blocks
          </button>
        </div>
      </div>
      <p className="muted">
        {view.nodes.length - 2} nodes for {network.layers.length} layers. Stacked cards are blocks: click one (or its +)
        to open it. Black bars mark the edges a cut crosses; click an edge to move the nearest cut there. Drag to pan,
        wheel or +/− to zoom, arrows to pan. Block buttons appear from {Math.round(DETAIL_SCALE * 100)} % zoom, where
        Tab reaches them.
      </p>
      <div
        ref={viewportRef}
        className="graph-viewport"
        data-testid="layer-graph"
        data-state={state}
        data-nodes={view.nodes.length}
        tabIndex={0}
        role="application"
        aria-label={`Layer graph of ${network.name}: ${view.nodes.length - 2} nodes, ${plan.stages.length} stages`}
        aria-busy={state === 'loading'}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
      >
        <canvas ref={canvasRef} className="graph-canvas" aria-hidden="true" />
        {toggles.map((t) => (
          <button
            key={t.id}
            type="button"
            className={t.open ? 'graph-chip' : 'graph-toggle'}
            aria-label={t.aria}
            title={t.aria}
            data-testid={t.open ? 'graph-collapse' : 'graph-expand'}
            data-block={t.path}
            ref={(el) => {
              if (el) toggleEls.current.set(t.id, el);
              else toggleEls.current.delete(t.id);
            }}
            onClick={() => setOpen(t.path, !t.open)}
          >
            {t.label}
          </button>
        ))}
        {state === 'loading' && (
          <div className="graph-status" role="status">
            Laying out {network.layers.length} layers…
          </div>
        )}
        {state === 'error' && (
          <div className="graph-status error" role="alert">
            {layoutState?.error}
          </div>
        )}
        {tooltip && tooltip.scene === scene && (
          <GraphTooltip target={tooltip.target} x={tooltip.x} y={tooltip.y} network={network} />
        )}
      </div>
    </section>
  );
}
