import { useStore } from '../state/store';
import { selectError } from '../state/selectors';
import { Header } from './components/Header';
import { MetricsPanel } from './components/MetricsPanel';
import { ProcessorList } from './components/ProcessorList';
import { SearchSummary } from './components/SearchSummary';
import { StagePlan } from './components/StagePlan';
import { ZooList } from './components/ZooList';
import { LayerStripPreview } from './charts/LayerStripPreview';
import { LayerGraph } from './charts/LayerGraph/LayerGraph';

/** The app shell. `data-state="ready"` tells tests no search is running and the views show the store's plan. */
export function App() {
  const error = useStore(selectError);
  const searching = useStore((s) => s.search.state === 'running');
  return (
    <div className="app" data-state={searching ? 'busy' : 'ready'} data-testid="app">
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
          <LayerGraph />
          <SearchSummary />
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
