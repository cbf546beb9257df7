/**
 * Safety limits of the ONNX importer. A file beyond one fails with a clear
 * ONNX_LIMIT error instead of exhausting memory or time. The largest real
 * exports have a few tens of thousands of nodes and rank <= 6.
 */
export const ONNX_LIMITS = {
  /** Nodes in the main graph (a 100,000-node graph imports in well under a second). */
  maxNodes: 300_000,
  /** Initializers plus inputs, outputs and value_info entries, each. */
  maxValues: 1_000_000,
  /** Tensor rank. */
  maxRank: 8,
  /** One dimension: ONNX runtimes index with int32. */
  maxDim: 2 ** 31 - 1,
  /** Elements of one tensor: keeps byte counts exact in doubles (2^53). */
  maxElements: 2 ** 48,
  /** Values of one repeated attribute (ints, floats) or dims list. */
  maxListValues: 1 << 20,
  /** Elements decoded from a constant tensor (shape arithmetic only needs a few). */
  maxDecodedElements: 4096,
} as const;
