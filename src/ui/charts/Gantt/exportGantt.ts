import { selectSchedule } from '../../../state/schedule';
import { useStore } from '../../../state/store';
import { SvgContext } from '../svgContext';
import { drawGantt, type GanttContext } from './draw';
import { buildGanttModel, LAYOUT } from './model';
import { timeScale } from './scale';

/** Width of exported Gantt images, CSS pixels. */
export const EXPORT_WIDTH = 1200;

function drawInto(ctx: GanttContext, width: number): { height: number; summary: string } {
  const s = useStore.getState();
  const model = buildGanttModel(selectSchedule(s), s.evaluation, s.network);
  const scale = timeScale([0, model.endMs], [LAYOUT.gutter, width - LAYOUT.rightPad]);
  drawGantt(ctx, model, scale, { width, height: model.height });
  return { height: model.height, summary: model.summary };
}

/** The current Gantt as a standalone SVG document (same renderer as the screen). */
export function ganttSvg(width = EXPORT_WIDTH): string {
  const ctx = new SvgContext();
  const { height, summary } = drawInto(ctx as unknown as GanttContext, width);
  return ctx.toSvg(width, height, summary);
}

/** The current Gantt as a PNG at twice the CSS resolution. */
export function ganttPng(width = EXPORT_WIDTH): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const probe = new SvgContext();
  const { height } = drawInto(probe as unknown as GanttContext, width);
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  drawInto(ctx, width);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}
