import * as Comlink from 'comlink';
import { ExplorerError } from '../core/errors';
import { createResearchApi, type ResearchApi, type ScenarioOpening } from './researchApi';

interface ResearchEndpoint {
  open(id: string): Promise<ScenarioOpening> | ScenarioOpening;
}

function workerEndpoint(): ResearchEndpoint | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const worker = new Worker(new URL('./research.worker.ts', import.meta.url), { type: 'module' });
  return Comlink.wrap<ResearchApi>(worker);
}

/**
 * Runs research scenarios off the main thread (same thread where `Worker` does not exist).
 * Newest request wins: an answer a newer request superseded rejects with CANCELLED.
 */
export class ResearchClient {
  private endpoint: ResearchEndpoint | undefined;
  private latest = 0;

  constructor(private readonly spawn: () => ResearchEndpoint = () => workerEndpoint() ?? createResearchApi()) {}

  async open(id: string): Promise<ScenarioOpening> {
    const ticket = ++this.latest;
    this.endpoint ??= this.spawn();
    const opening = await this.endpoint.open(id);
    if (ticket !== this.latest) throw new ExplorerError('CANCELLED');
    return opening;
  }

  /** Drops whatever is in flight (its promise rejects with CANCELLED when it answers). */
  cancel(): void {
    this.latest++;
  }
}
