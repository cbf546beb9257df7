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
  INFEASIBLE: 'No plan satisfies the constraints. Relax the FPS target, the stage limit, the pins or the memory.',
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
