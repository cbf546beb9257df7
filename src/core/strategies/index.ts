/**
 * The research-line strategies beside the pipeline search, and the scenarios that compare them.
 * See ARCHITECTURE.md (src/core/strategies) for what each module models.
 */
export { describeStages, gainOver, restrictPlatform, type ComparisonRow } from './common';
export {
  capComparison,
  dataParallelRow,
  lcpComparison,
  pipeItComparison,
  pipelineComparison,
  quiltNetComparison,
  type Comparison,
} from './comparisons';
export {
  codecLayer,
  codecMs,
  codecTable,
  DEFAULT_ACCURACY_LOSS_PCT,
  DEFAULT_RATIOS,
  evaluateCompressedPlan,
  type CodecOptions,
  type CompressedEvaluation,
  type CompressedStageMetrics,
} from './quiltnet';
export { splitCodecBoxes } from './quiltnetGantt';
export { MAX_ASSIGNMENTS, searchCompressedPlan, type CompressedSearchResult } from './quiltnetSearch';
export { EXACT_MAX_PROCESSORS, searchCompressedExact } from './quiltnetExact';
export {
  CMP16_MESH,
  intraLayerParallel,
  layerTraffic,
  meshAverageHops,
  meshDirectedLinks,
  PARTITION_SCHEMES,
  wholeChip,
  type IntraLayerRun,
  type MeshNoc,
  type PartitionScheme,
} from './cap';
export { branchLayer, branchParallel, LCP_CAVEAT, mergePosition, type BranchParallel } from './lcp';
export {
  descriptorFeatures,
  fitLinear,
  fitPipeItModels,
  layerDescriptor,
  predictLayerTimes,
  predictLinear,
  type ConfigModel,
  type ConfigProfile,
  type LayerDescriptor,
  type LinearModel,
} from './pipeitModel';
export { DTYPE_ACCURACY_LOSS_PCT, DTYPE_SPEED, retypeProcessor } from './dtype';
export { runScenario, scenarioById, SCENARIOS, type PaperClaim, type Scenario, type ScenarioResult } from './scenarios';
