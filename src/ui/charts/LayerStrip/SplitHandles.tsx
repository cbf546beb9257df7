import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { cutRange } from '../../../core/plan/edit';
import { useStore } from '../../../state/store';
import { selectNetwork, selectPlan } from '../../../state/selectors';
import { createSplitDrag, type SplitDrag } from '../../interaction/splitDrag';
import type { StripScale } from './stripScale';

/** Pixels above or below the strip beyond which releasing a dragged handle removes its split. */
const REMOVE_DISTANCE_PX = 48;

interface Props {
  scale: StripScale;
  height: number;
  boxRef: RefObject<HTMLDivElement | null>;
}

/**
 * One focusable slider per split. Pointer drags go through the d3-drag
 * controller (one undo step per drag, Escape cancels); keys move by one
 * layer (Shift: ten), Home/End jump to the ends, Delete removes.
 */
export function SplitHandles({ scale, height, boxRef }: Props) {
  const plan = useStore(selectPlan);
  const network = useStore(selectNetwork);
  const dragRef = useRef<SplitDrag | null>(null);
  const scaleRef = useRef(scale);
  useLayoutEffect(() => {
    scaleRef.current = scale;
  }, [scale]);

  useEffect(() => {
    const st = useStore.getState;
    const drag = createSplitDrag({
      positionAt: (clientX) => {
        const left = boxRef.current?.getBoundingClientRect().left ?? 0;
        return scaleRef.current.cutAt(clientX - left);
      },
      isOutside: (clientY) => {
        const r = boxRef.current?.getBoundingClientRect();
        return !!r && (clientY < r.top - REMOVE_DISTANCE_PX || clientY > r.bottom + REMOVE_DISTANCE_PX);
      },
      onStart: () => st().beginGesture(),
      onMove: (i, position) => st().moveSplit(i, position),
      onEnd: (i, removed) => {
        if (removed) st().removeSplit(i);
        st().endGesture();
      },
      onCancel: () => st().cancelGesture(),
    });
    dragRef.current = drag;
    // Handles rendered before this effect ran have not been bound yet.
    boxRef.current
      ?.querySelectorAll<HTMLElement>('.split-handle')
      .forEach((el) => drag.attach(el, Number(el.dataset.index)));
    return () => drag.destroy();
  }, [boxRef]);

  const cuts = plan.stages.slice(1).map((s) => s.from);
  return (
    <>
      {cuts.map((c, i) => {
        const [min, max] = cutRange(plan, i);
        const layer = network.layers[c];
        const move = (to: number) => useStore.getState().moveSplit(i, to);
        return (
          <div
            key={i}
            ref={(el) => {
              if (el && dragRef.current) dragRef.current.attach(el, i);
            }}
            className="split-handle"
            role="slider"
            tabIndex={0}
            aria-label={`Split ${i + 1} between stage ${i + 1} and stage ${i + 2}`}
            aria-valuemin={min}
            aria-valuemax={max}
            aria-valuenow={c}
            aria-valuetext={`before layer ${c}${layer ? ` (${layer.name})` : ''}`}
            data-testid="split-handle"
            data-position={c}
            data-index={i}
            style={{ left: scale.x(c), height }}
            onKeyDown={(e) => {
              const step = e.shiftKey ? 10 : 1;
              if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') move(c - step);
              else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') move(c + step);
              else if (e.key === 'Home') move(min);
              else if (e.key === 'End') move(max);
              else if (e.key === 'Delete' || e.key === 'Backspace') useStore.getState().removeSplit(i);
              else return;
              e.preventDefault();
            }}
          >
            <span className="split-grip" aria-hidden>
              {i + 1}
            </span>
          </div>
        );
      })}
    </>
  );
}
