import { useStore } from '../state/store';
import { selectError } from '../state/selectors';
import { Gantt } from './charts/Gantt/Gantt';
import { LayerStrip } from './charts/LayerStrip/LayerStrip';
import { CalibrationPanel } from './components/CalibrationPanel';
import { Tour } from './classroom/Tour';
import { Header } from './components/Header';
import { FrontPanel } from './components/FrontPanel';
import { ImportNotesBanner } from './components/OnnxImport';
import { MetricsPanel } from './components/MetricsPanel';
import { PlatformEditor } from './components/PlatformEditor';
import { RestoreBanner } from './components/RestoreBanner';
import { openPlanFileFromDisk } from './components/ShareMenu';
import { ScenarioPanel } from './components/ScenarioPanel';
import { SearchSummary } from './components/SearchSummary';
import { StagePlan } from './components/StagePlan';
import { LayerGraph } from './charts/LayerGraph/LayerGraph';

/** The app shell. `data-state="ready"` tells tests no search or cost-table build is running and the views show the store's plan. */
export function App() {
  const error = useStore(selectError);
  const dismiss = useStore((s) => s.dismissError);
  const busy = useStore(
    (s) =>
      s.search.state === 'running' ||
      s.front.state === 'running' ||
      s.loading ||
      s.booting ||
      s.research.state === 'running' ||
      s.importing !== null,
  );
  const presentation = useStore((s) => s.presentation);
  return (
    <div
      className={presentation ? 'app presentation' : 'app'}
      data-state={busy ? 'busy' : 'ready'}
      data-testid="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        if (/\.onnx$/i.test(file.name)) void useStore.getState().importOnnxFile(file);
        else void openPlanFileFromDisk(file);
      }}
    >
      <Header />
      <RestoreBanner />
      <ImportNotesBanner />
      {error && (
        <div role="alert" className="alert" data-testid="app-error">
          {error}
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      <main className="main">
        <ScenarioPanel />
        <MetricsPanel />
        <SearchSummary />
        <LayerStrip />
        <Gantt />
        <LayerGraph />
        <StagePlan />
        <FrontPanel />
        <PlatformEditor />
        <CalibrationPanel />
        <footer className="footnote">
          Every figure comes from the analytic cost model over the platform&apos;s figures; figures marked{' '}
          <span className="badge estimate">est.</span> are estimates, not measurements.
        </footer>
      </main>
      <Tour />
    </div>
  );
}
