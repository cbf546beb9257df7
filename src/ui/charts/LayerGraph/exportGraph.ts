import { SvgContext } from '../svgContext';

/** Draws the graph as it is on screen onto a context at a pixel ratio; registered by the mounted view. */
type GraphPainter = (ctx: CanvasRenderingContext2D, dpr: number) => { width: number; height: number; title: string };

let painter: GraphPainter | null = null;

/** Called by `LayerGraph` while it is mounted (null on unmount). */
export function registerGraphPainter(p: GraphPainter | null): void {
  painter = p;
}

/** The graph view (current zoom and pan) as an SVG document, or null when no graph is shown. */
export function graphSvg(): string | null {
  if (!painter) return null;
  const ctx = new SvgContext();
  const { width, height, title } = painter(ctx as unknown as CanvasRenderingContext2D, 1);
  return ctx.toSvg(width, height, title);
}

/** The graph view as a PNG at twice the CSS resolution, or null when no graph is shown. */
export function graphPng(): Promise<Blob> | null {
  if (!painter) return null;
  const p = painter;
  const canvas = document.createElement('canvas');
  const probe = p(new SvgContext() as unknown as CanvasRenderingContext2D, 1);
  canvas.width = probe.width * 2;
  canvas.height = probe.height * 2;
  p(canvas.getContext('2d')!, 2);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}
