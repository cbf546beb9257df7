import { useStore } from '../state/store';
import { selectError } from '../state/selectors';
import { Header } from './components/Header';
import { MetricsPanel } from './components/MetricsPanel';
import { ProcessorList } from './components/ProcessorList';
import { StagePlan } from './components/StagePlan';
import { ZooList } from './components/ZooList';
import { LayerStripPreview } from './charts/LayerStripPreview';

/** The app shell. `data-state="ready"` tells tests the store has settled (all work is synchronous for now). */
export function App() {
  const error = useStore(selectError);
  return (
    <div className="app" data-state="ready" data-testid="app">
      <Header />
      {error && (
        <div role="alert" className="alert">
          {error}
        </div>
      )}
      <div className="layout">
        <aside className="sidebar" aria-label="Network zoo">
          <ZooList />
        </aside>
        <main className="main">
          <MetricsPanel />
          <StagePlan />
          <LayerStripPreview />
          <ProcessorList />
          <footer className="footnote">
            Every figure comes from the analytic cost model over the preset&apos;s figures; figures marked{' '}
            <span className="badge estimate">est.</span> are estimates, not measurements.
          </footer>
        </main>
      </div>
    </div>
  );
}
