import { stageColor } from '../../theme';
import { transferFill } from './colors';

/** What the marks mean, in words a student can follow. */
export function GanttLegend({ stages }: { stages: number }) {
  const hatch = (i: number) => ({
    background: `repeating-linear-gradient(135deg, ${stageColor(i)} 0 1px, ${transferFill(i)} 1px 5px)`,
    borderColor: stageColor(i),
  });
  return (
    <div className="gantt-legend" aria-label="Legend">
      <span className="gantt-legend-item">
        <span className="gantt-swatch" style={{ background: stageColor(0) }} aria-hidden />
        compute: one stage working on one frame (the number is the frame)
      </span>
      <span className="gantt-legend-item">
        <span className="gantt-swatch" style={hatch(0)} aria-hidden />
        moving the tensor to the next stage: on the link&apos;s lane, and on the sender&apos;s lane too when the link
        has no DMA
      </span>
      <span className="gantt-legend-item">
        <span className="gantt-swatch gantt-swatch-bottleneck" aria-hidden />
        bottleneck: the busiest lane sets the period
      </span>
      <span className="gantt-legend-item">
        <span aria-hidden>▼</span> a frame leaves the pipeline
      </span>
      <span className="gantt-legend-item gantt-legend-stages">
        {Array.from({ length: stages }, (_, i) => (
          <span key={i} className="gantt-stage-chip">
            <span className="gantt-swatch" style={{ background: stageColor(i) }} aria-hidden />
            stage {i + 1}
          </span>
        ))}
      </span>
    </div>
  );
}
