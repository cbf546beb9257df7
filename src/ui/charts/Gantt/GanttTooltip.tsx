import { formatBytes, formatMs } from '../../../core/format';
import { EVENT_KIND } from '../../../core/schedule/simulate';
import { stageColor } from '../../theme';
import type { GanttHit } from './hitTest';
import type { GanttModel } from './model';

const TOOLTIP_W = 300;

/** HTML tooltip for the hovered box: stage, processor, frame, layers, times, and for transfers bytes and link. */
export function GanttTooltip({
  model,
  hit,
  x,
  y,
  width,
}: {
  model: GanttModel;
  hit: GanttHit;
  x: number;
  y: number;
  width: number;
}) {
  const s = model.schedule;
  const info = model.stages[hit.stage];
  if (!info) return null;
  const start = s.start[hit.row]!;
  const end = s.end[hit.row]!;
  const count = info.to - info.from;
  const next = model.stages[hit.stage + 1];
  const what =
    hit.kind === EVENT_KIND.compute
      ? 'compute'
      : hit.kind === EVENT_KIND.transfer
        ? `transfer on ${info.link || 'the link'}${info.transferOverlaps ? ' (DMA, beside compute)' : ''}`
        : `sending to ${next?.processor ?? 'the next stage'} (no DMA: ${info.processor} is busy)`;
  const left = x + 16 + TOOLTIP_W > width ? Math.max(0, x - 16 - TOOLTIP_W) : x + 16;
  return (
    <div
      className="gantt-tooltip"
      role="tooltip"
      data-testid="gantt-tooltip"
      style={{ left, top: y + 14, width: TOOLTIP_W }}
    >
      <div className="gantt-tooltip-head">
        <span className="gantt-chip" style={{ background: stageColor(hit.stage) }} aria-hidden />
        Stage {hit.stage + 1} on {info.processor}
        {info.units > 1 ? ` ×${info.units}` : ''}
      </div>
      <div>
        frame {hit.frame + 1} · {what}
      </div>
      <div className="gantt-tooltip-layers">
        {count} layer{count === 1 ? '' : 's'} ({info.from}–{info.to - 1}): <code>{info.firstLayer}</code>
        {count > 1 && (
          <>
            {' '}
            … <code>{info.lastLayer}</code>
          </>
        )}
      </div>
      <div className="gantt-tooltip-times">
        {formatMs(start)} → {formatMs(end)} ms · <strong>{formatMs(end - start)} ms</strong>
      </div>
      {hit.kind !== EVENT_KIND.compute && (
        <div>
          {formatBytes(info.transferBytes)} over {info.link || 'the link'}
        </div>
      )}
    </div>
  );
}
