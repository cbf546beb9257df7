import type { ReactNode } from 'react';
import { formatBytes, formatFps, formatMj, formatMs } from '../../core/format';
import type { AppState } from '../../state/store';

/** What a step's text may quote: the live store (so the numbers are the ones on screen). */
export interface TourContext {
  readonly s: AppState;
  /** FPS when the step opened, to show what the learner's action changed. */
  readonly fpsAtStart: number;
}

/** One step of the guided tour: what it teaches and which element it points at. */
export interface TourStep {
  readonly title: string;
  /** `data-testid` of the element to highlight. */
  readonly target: string;
  readonly body: (c: TourContext) => ReactNode;
  /** A button that moves focus to where the learner acts (keyboard-only users). */
  readonly act?: { readonly label: string; readonly focus: string };
}

const stageList = (s: AppState) =>
  s.plan.stages
    .map((st, i) => `${i + 1}: layers ${st.from}–${st.to - 1} on ${st.processor}${st.units > 1 ? ` ×${st.units}` : ''}`)
    .join('; ');

/** The tour: stages, the pipeline, the bottleneck, an action, crossing tensors, energy, research scenarios. */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'Stages',
    target: 'layer-strip',
    body: ({ s }) => (
      <>
        <p>
          A network is a chain of layers: each bar is one of the {s.network.layers.length} layers of {s.network.name},
          as tall as its time. The explorer <strong>cuts</strong> the chain into <strong>stages</strong> (the colours);
          each stage runs on its own processor of the {s.platform.name}.
        </p>
        <p className="tour-live">
          This plan has {s.plan.stages.length} stages — {stageList(s)}.
        </p>
      </>
    ),
  },
  {
    title: 'A pipeline, like an assembly line',
    target: 'gantt',
    body: () => (
      <p>
        Each row is a processor running one stage (or a link carrying data between two); each box is one frame in one
        stage. While stage 2 works on frame 1, stage 1 already starts frame 2: the processors work{' '}
        <strong>at the same time on different frames</strong>.
      </p>
    ),
  },
  {
    title: 'The bottleneck sets the pace',
    target: 'bottleneck',
    body: ({ s }) => {
      const m = s.evaluation.metrics;
      return (
        <>
          <p>
            A frame can only leave as fast as the slowest stage or link lets it: the <strong>bottleneck</strong>. Its
            time per frame is the <strong>period</strong>, and FPS = 1000 / period.
          </p>
          <p className="tour-live">
            Here: {m.bottleneck.label}, {formatMs(m.bottleneck.ms)} ms → 1000 / {formatMs(m.periodMs)} ={' '}
            {formatFps(m.fps)} FPS. Making any other stage faster changes nothing; balancing the stages does.
          </p>
        </>
      );
    },
  },
  {
    title: 'Your turn: move a split',
    target: 'split-handle',
    act: { label: 'Go to split 1', focus: 'split-handle' },
    body: ({ s, fpsAtStart }) => (
      <>
        <p>
          Press <strong>Go to split 1</strong>, then <kbd>→</kbd> twice: split 1 moves two layers right, so stage 1
          takes two more layers and stage 2 two fewer. Watch the FPS. Press <kbd>Alt</kbd>+<kbd>T</kbd> to come back
          here. (<kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes.)
        </p>
        <p className="tour-live" aria-live="polite" data-testid="tour-fps">
          FPS when this step opened: {formatFps(fpsAtStart)} · now: {formatFps(s.evaluation.metrics.fps)}
          {s.evaluation.metrics.fps > fpsAtStart ? ' — faster: the stages are better balanced' : ''}
          {s.evaluation.metrics.fps < fpsAtStart ? ' — slower: the bottleneck got more work' : ''}
        </p>
      </>
    ),
  },
  {
    title: 'Crossing tensors',
    target: 'strip-canvas',
    body: ({ s }) => {
      const sends = s.evaluation.stages.slice(0, -1);
      return (
        <>
          <p>
            At each cut, the tensor between the two stages must <strong>travel over a link</strong> from one processor
            to the next. The grey curve under the bars is how many bytes would cross a cut at each position: cut where
            it is low, or the link becomes the bottleneck.
          </p>
          <p className="tour-live">
            {sends.length === 0
              ? 'This plan has no cut, so nothing crosses.'
              : `Your cuts move ${sends
                  .map((st) => `${formatBytes(st.transferBytes)} (${formatMs(st.transferMs)} ms)`)
                  .join(', ')} per frame.`}
          </p>
        </>
      );
    },
  },
  {
    title: 'Energy per frame',
    target: 'metric-energy',
    body: ({ s }) => (
      <>
        <p>
          Energy per frame = every processor&apos;s <strong>idle power</strong> over one period + each stage&apos;s
          extra <strong>active power</strong> while busy + <strong>link energy</strong> per byte sent. A faster pipeline
          shortens the period, so idle energy per frame drops too; a fast processor may still cost more per frame.
        </p>
        <p className="tour-live">
          Now {formatMj(s.evaluation.metrics.energyPerFrameMj)} mJ per frame at{' '}
          {s.evaluation.metrics.avgPowerW.toFixed(2)} W. Try the optimizer with the objective “min energy”.
        </p>
      </>
    ),
  },
  {
    title: 'Research scenarios',
    target: 'scenario-picker',
    act: { label: 'Go to the scenarios', focus: 'scenario-picker' },
    body: () => (
      <p>
        Each research scenario opens a network, a platform and a strategy from a paper, redoes the paper&apos;s
        comparison with this cost model, and shows the paper&apos;s own headline figure beside it — labelled as theirs:
        their hardware, their measurements. Every “?” explains a figure; the Presentation button enlarges everything for
        a projector.
      </p>
    ),
  },
];
