/** One timed entry of a measured profile, averaged over runs. */
export interface ProfileRecord {
  /** Kernel, node, layer or tensor name as the profiler printed it. */
  readonly name: string;
  /** Milliseconds per inference (average over runs). */
  readonly ms: number;
  /** Operator type when the profiler gives one (ORT `op_name`, TFLite node type). */
  readonly opType?: string;
  /** First output shape when given. */
  readonly outputShape?: readonly number[];
  /** Millijoules per inference (CSV only). */
  readonly energyMj?: number;
}

/** A parsed measured profile. */
export interface Profile {
  readonly format: 'ort' | 'tflite' | 'csv';
  readonly records: readonly ProfileRecord[];
  /** Inference runs the averages come from (1 when unknown). */
  readonly runs: number;
}
