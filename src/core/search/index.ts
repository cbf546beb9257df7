export { searchPlan, type SearchResult } from './searchPlan';
export { paretoFront, nonDominated } from './pareto';
export { searchMinPeriod, searchMinPeriodFast } from './minPeriod';
export { searchMinCost } from './minCost';
export {
  dataParallelBaseline,
  equalMacsBaseline,
  singleBestBaseline,
  type Baselines,
  type DataParallel,
} from './baselines';
export type { Found, Objective, Pins, SearchOptions } from './types';
