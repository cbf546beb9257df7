import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import { TOUR_STEPS } from './tourSteps';

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** Outlines the step's target and scrolls it into view while the step is shown. */
function useHighlight(target: string | undefined) {
  useEffect(() => {
    if (!target) return;
    const el = byTestId(target);
    if (!el) return;
    el.classList.add('tour-target');
    el.scrollIntoView({ block: 'start' });
    return () => el.classList.remove('tour-target');
  }, [target]);
}

/**
 * The guided tour: a non-modal dialog that walks through stages, the pipeline, the bottleneck,
 * crossing tensors and energy on whatever the explorer shows, with live numbers. Keyboard:
 * each step focuses its title, Tab reaches its buttons, Escape closes, Alt+T brings focus back from the page.
 */
export function Tour() {
  const step = useStore((s) => s.tourStep);
  const setStep = useStore((s) => s.setTourStep);
  const state = useStore((s) => s);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // FPS when the step opened (adjusted during render when the step changes: React's "previous state" pattern).
  const [opened, setOpened] = useState({ step, fps: state.evaluation.metrics.fps });
  if (opened.step !== step) setOpened({ step, fps: state.evaluation.metrics.fps });
  const fpsAtStart = opened.fps;
  const current = step === null ? undefined : TOUR_STEPS[step];
  useHighlight(current?.target);

  const open = step !== null;
  // Each new step moves focus to its title, so a screen reader reads it and Tab leads to its buttons.
  useEffect(() => {
    if (step !== null) headingRef.current?.focus();
  }, [step]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === 't') {
        e.preventDefault();
        headingRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  if (step === null || !current) return null;
  const close = () => {
    setStep(null);
    byTestId('tour')?.focus();
  };
  const last = step === TOUR_STEPS.length - 1;
  return (
    <div
      className="tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby="tour-title"
      aria-describedby="tour-body"
      data-testid="tour-dialog"
      data-step={step}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <p className="tour-count">
        Guided tour · step {step + 1} of {TOUR_STEPS.length}
      </p>
      <h2 id="tour-title" ref={headingRef} tabIndex={-1}>
        {current.title}
      </h2>
      <div id="tour-body" className="tour-body">
        {current.body({ s: state, fpsAtStart })}
      </div>
      <div className="tour-buttons">
        {current.act && (
          <button type="button" onClick={() => byTestId(current.act!.focus)?.focus()} data-testid="tour-act">
            {current.act.label}
          </button>
        )}
        <span className="tour-spacer" />
        <button type="button" onClick={() => setStep(step - 1)} disabled={step === 0} data-testid="tour-back">
          Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => (last ? close() : setStep(step + 1))}
          data-testid="tour-next"
        >
          {last ? 'Finish' : 'Next'}
        </button>
        <button type="button" onClick={close} aria-label="Close the tour (Escape)" data-testid="tour-close">
          ×
        </button>
      </div>
    </div>
  );
}
