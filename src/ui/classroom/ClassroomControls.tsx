import { useStore } from '../../state/store';
import { ScenarioPicker } from '../components/ScenarioPicker';
import './classroom.css';
import './presentation.css';

/** Header controls for teaching: research scenarios, the guided tour and presentation mode. */
export function ClassroomControls() {
  const touring = useStore((s) => s.tourStep !== null);
  const setTourStep = useStore((s) => s.setTourStep);
  const presentation = useStore((s) => s.presentation);
  const setPresentation = useStore((s) => s.setPresentation);
  return (
    <div className="classroom-controls" role="group" aria-label="Research and classroom">
      <ScenarioPicker />
      <button type="button" data-testid="tour" aria-expanded={touring} onClick={() => setTourStep(touring ? null : 0)}>
        Tour
      </button>
      <button
        type="button"
        data-testid="presentation"
        aria-pressed={presentation}
        title="Larger type, thicker lines and high contrast, for a projector"
        onClick={() => setPresentation(!presentation)}
      >
        Present
      </button>
    </div>
  );
}
