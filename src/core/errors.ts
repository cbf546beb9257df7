/**
 * The error catalogue. Every user-facing failure has a stable code and a
 * message that says what went wrong and what to do next.
 */
export const ERROR_CODES = {
  EMPTY_GRAPH: 'The network has no layers. Pick a network with at least one layer.',
  CYCLE: 'The network graph has a cycle, so it has no layer order. Check the listed layers.',
  DANGLING_TENSOR: 'A layer reads a tensor that nothing produces and that is not a network input.',
  UNKNOWN_TENSOR: 'A layer refers to a tensor id that does not exist.',
  DUPLICATE_PRODUCER: 'A tensor is written by more than one layer.',
  DUPLICATE_NAME: 'Two layers share one name; names must be unique.',
  BAD_SHAPE: 'A tensor shape has a non-positive or non-integer dimension.',
  BAD_NUMBER: 'A count must be a finite, non-negative number.',
  SHAPE_MISMATCH: 'Layer inputs have incompatible shapes.',
  UNKNOWN_MODEL: 'No network with that id. Run `models` to list them.',
  UNKNOWN_PLATFORM: 'No platform with that id. Run `platforms` to list them.',
  UNKNOWN_PROCESSOR: 'The platform has no processor with that id.',
  BAD_PLATFORM: 'The platform description is invalid.',
  BAD_CUTS: 'Cuts must be distinct integers in increasing order, each between 1 and the layer count - 1.',
  BAD_PLAN: 'The plan does not fit the network or platform.',
  BAD_ARGUMENT: 'A command-line argument is missing or malformed.',
  CANCELLED: 'The search was cancelled by a newer request.',
  SEARCH_TOO_LARGE:
    'The exact search would track too many unit combinations (the product of units + 1 over the processors). Lower some unit counts, for instance model a many-core processor as fewer, larger units.',
  INFEASIBLE: 'No plan satisfies the constraints. Relax the FPS target, the stage limit, the pins or the memory.',
  SHARE_EMPTY: 'The link holds no plan after "#s=". Copy the whole link again.',
  SHARE_TOO_LONG: 'The shared link is longer than this app accepts. Share the plan as a .plan.json file instead.',
  SHARE_CORRUPT:
    'The shared link is damaged (not valid compressed data). Copy the whole link again or use the plan file.',
  SHARE_TOO_LARGE: 'The shared plan expands to more data than this app accepts. Share it as a .plan.json file instead.',
  SHARE_NOT_JSON: 'The shared plan is not valid JSON. Copy the whole link or file again.',
  SHARE_UNSAFE_KEY: 'The shared plan contains a reserved key (__proto__, constructor or prototype) and was refused.',
  SHARE_NEWER_VERSION:
    'This plan was made by a newer version of the app. Reload or update the app, then open it again.',
  SHARE_INVALID: 'The shared plan does not match the expected format. Ask for a new link or plan file.',
  PLAN_FILE_TOO_LARGE: 'The plan file is larger than this app accepts. Check that you picked a .plan.json file.',
  PLAN_FILE_KIND: 'This file is not a DNN Partition Explorer plan. Pick a .plan.json file saved by the app.',
  BAD_NETWORK: 'The embedded network description is invalid. Import the model again and share a new link.',
  UNKNOWN_SCENARIO: 'No scenario with that id. Run `scenarios` to list them.',
  ONNX_NOT_MODEL:
    'The file is not an ONNX model (no graph found). Export the network with torch.onnx.export or pick a .onnx file.',
  ONNX_TRUNCATED: 'The ONNX file ends in the middle of a record: it is truncated. Copy or download the file again.',
  ONNX_MALFORMED: 'The ONNX file is not valid protobuf. Re-export the model or check that the file is really .onnx.',
  ONNX_LIMIT: 'The ONNX model exceeds a safety limit of the importer (nodes, rank, dimension or element count).',
  ONNX_SYMBOLIC_DIM: 'A symbolic dimension has no value. Give it one (CLI: --dim name=value).',
  ONNX_SHAPE:
    "A node's output shape cannot be inferred. Check its inputs and attributes, or add value_info to the model.",
  PROFILE_FORMAT:
    'The profile file is not in a known format: ONNX Runtime profiling JSON, a TFLite benchmark_model op profile or CSV layer,time_ms[,energy_mj].',
  LAYOUT_SUPERSEDED: 'The graph layout was replaced by a newer one (blocks expanded or another network opened).',
  LAYOUT_FAILED: 'The layer graph could not be laid out. Collapse some blocks or reopen the network.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a stable code from the catalogue plus specific detail. */
export class ExplorerError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${detail} (${ERROR_CODES[code]})` : ERROR_CODES[code]);
    this.code = code;
    this.name = 'ExplorerError';
  }
}
