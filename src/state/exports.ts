import { chromeTrace } from '../core/export/chromeTrace';
import { stagesCsv } from '../core/export/stagesCsv';
import { selectSchedule } from './schedule';
import { useStore } from './store';

/** Chrome Trace Event JSON of the Gantt's simulated schedule (opens in Perfetto). */
export function currentTraceJson(): string {
  const s = useStore.getState();
  const trace = chromeTrace({
    network: s.network,
    platform: s.platform,
    evaluation: s.evaluation,
    schedule: selectSchedule(s),
  });
  return JSON.stringify(trace);
}

/** CSV of the current plan's stages. */
export function currentStagesCsv(): string {
  const s = useStore.getState();
  return stagesCsv(s.network, s.evaluation);
}

/** A file name stem for the current scenario: `resnet50-hikey970`. */
export function scenarioFileStem(): string {
  const s = useStore.getState();
  return `${s.network.id}-${s.platform.id}`.replace(/[^a-zA-Z0-9_.-]+/g, '_').slice(0, 80);
}
