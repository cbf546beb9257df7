import { ExplorerError } from '../errors';
import { ONNX_LIMITS } from './limits';
import { WIRE_I32, WIRE_LEN, WIRE_VARINT, WireReader } from './wire';

/**
 * The parts of an ONNX ModelProto the explorer needs, read by hand from the
 * protobuf wire format. Field numbers are those of onnx/onnx.proto (IR v3-v10).
 * Weight payloads are never copied: a tensor keeps its dims, type and, when
 * small, its decoded values (shape constants).
 */

/** TensorProto.DataType values used here. */
export const ONNX_DTYPE = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  BFLOAT16: 16,
} as const;

/** A TensorProto without its payload. */
export interface OnnxTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly dataType: number;
  /** Decoded values when numeric and at most ONNX_LIMITS.maxDecodedElements. */
  readonly values?: readonly number[];
  /** Data lives in an external file (only dims are read). */
  readonly external: boolean;
}

/** An AttributeProto: the scalar or list field that is set (graphs, strings lists and tensors lists are skipped). */
export interface OnnxAttribute {
  readonly name: string;
  readonly i?: number;
  readonly f?: number;
  readonly s?: string;
  readonly ints?: readonly number[];
  readonly floats?: readonly number[];
  readonly t?: OnnxTensor;
}

/** A NodeProto: op, tensor names in and out ('' = omitted optional), attributes by name. */
export interface OnnxNode {
  readonly name: string;
  readonly opType: string;
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: ReadonlyMap<string, OnnxAttribute>;
}

/** A dimension: a number, a symbolic name, or unknown. */
export type OnnxDim = number | string | undefined;

/** A ValueInfoProto of a tensor type: element type and (possibly symbolic) dims. */
export interface OnnxValueInfo {
  readonly name: string;
  readonly elemType: number;
  /** Undefined when the type has no shape. */
  readonly dims?: readonly OnnxDim[];
}

/** The main GraphProto (subgraphs of If / Loop are not read). */
export interface OnnxGraph {
  readonly name: string;
  readonly nodes: readonly OnnxNode[];
  readonly initializers: readonly OnnxTensor[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  readonly valueInfo: readonly OnnxValueInfo[];
}

/** The ModelProto fields the importer uses. */
export interface OnnxModel {
  readonly irVersion: number;
  readonly producerName: string;
  readonly producerVersion: string;
  /** Opset version of the default (ai.onnx) domain; 0 when absent. */
  readonly opset: number;
  readonly graph: OnnxGraph;
}

const badWire = (what: string, wire: number): ExplorerError =>
  new ExplorerError('ONNX_MALFORMED', `${what} has wire type ${wire}`);

function expectWire(wire: number, want: number, what: string): void {
  if (wire !== want) throw badWire(what, wire);
}

/**
 * Parses a ModelProto. `onProgress(fraction)` is called as the graph is read
 * (by byte position), at most every 1,024 records. Throws ExplorerError
 * ONNX_NOT_MODEL, ONNX_TRUNCATED, ONNX_MALFORMED or ONNX_LIMIT.
 *
 * Complexity: O(bytes of everything except weight payloads, which are skipped
 * by offset); memory O(nodes + attributes + dims).
 * @example const model = parseOnnxModel(new Uint8Array(fileBytes));
 */
export function parseOnnxModel(bytes: Uint8Array, onProgress?: (fraction: number) => void): OnnxModel {
  const r = new WireReader(bytes);
  let irVersion = 0;
  let producerName = '';
  let producerVersion = '';
  let opset = 0;
  let graph: OnnxGraph | undefined;
  while (r.more()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        expectWire(wire, WIRE_VARINT, 'ir_version');
        irVersion = r.varint();
        break;
      case 2:
        expectWire(wire, WIRE_LEN, 'producer_name');
        producerName = r.string();
        break;
      case 3:
        expectWire(wire, WIRE_LEN, 'producer_version');
        producerVersion = r.string();
        break;
      case 7:
        expectWire(wire, WIRE_LEN, 'graph');
        graph = parseGraph(r.child(), bytes.length, onProgress);
        break;
      case 8: {
        expectWire(wire, WIRE_LEN, 'opset_import');
        const o = r.child();
        let domain = '';
        let version = 0;
        while (o.more()) {
          const [f, w] = o.tag();
          if (f === 1 && w === WIRE_LEN) domain = o.string();
          else if (f === 2 && w === WIRE_VARINT) version = o.varint();
          else o.skip(w);
        }
        if (domain === '' || domain === 'ai.onnx') opset = version;
        break;
      }
      default:
        r.skip(wire);
    }
  }
  if (!graph) throw new ExplorerError('ONNX_NOT_MODEL', `${bytes.length} bytes without a graph`);
  return { irVersion, producerName, producerVersion, opset, graph };
}

function parseGraph(r: WireReader, total: number, onProgress?: (fraction: number) => void): OnnxGraph {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  const inputs: OnnxValueInfo[] = [];
  const outputs: OnnxValueInfo[] = [];
  const valueInfo: OnnxValueInfo[] = [];
  let name = '';
  let records = 0;
  const checkValues = (list: readonly unknown[], what: string): void => {
    if (list.length > ONNX_LIMITS.maxValues) {
      throw new ExplorerError('ONNX_LIMIT', `more than ${ONNX_LIMITS.maxValues} ${what}`);
    }
  };
  while (r.more()) {
    const [field, wire] = r.tag();
    if (onProgress && (++records & 1023) === 0) onProgress(r.pos / Math.max(1, total));
    switch (field) {
      case 1:
        expectWire(wire, WIRE_LEN, 'node');
        nodes.push(parseNode(r.child()));
        if (nodes.length > ONNX_LIMITS.maxNodes) {
          throw new ExplorerError('ONNX_LIMIT', `more than ${ONNX_LIMITS.maxNodes} nodes`);
        }
        break;
      case 2:
        expectWire(wire, WIRE_LEN, 'graph name');
        name = r.string();
        break;
      case 5:
        expectWire(wire, WIRE_LEN, 'initializer');
        initializers.push(parseTensor(r.child()));
        checkValues(initializers, 'initializers');
        break;
      case 11:
        expectWire(wire, WIRE_LEN, 'input');
        inputs.push(parseValueInfo(r.child()));
        checkValues(inputs, 'inputs');
        break;
      case 12:
        expectWire(wire, WIRE_LEN, 'output');
        outputs.push(parseValueInfo(r.child()));
        checkValues(outputs, 'outputs');
        break;
      case 13:
        expectWire(wire, WIRE_LEN, 'value_info');
        valueInfo.push(parseValueInfo(r.child()));
        checkValues(valueInfo, 'value_info entries');
        break;
      case 15: {
        expectWire(wire, WIRE_LEN, 'sparse_initializer');
        const sparse = parseSparseTensor(r.child());
        if (sparse) initializers.push(sparse);
        checkValues(initializers, 'initializers');
        break;
      }
      default:
        r.skip(wire);
    }
  }
  return { name, nodes, initializers, inputs, outputs, valueInfo };
}

/** Shared by the many nodes without attributes (Relu, Add...): one Map less per node. */
const NO_ATTRIBUTES: ReadonlyMap<string, OnnxAttribute> = new Map();

function parseNode(r: WireReader): OnnxNode {
  const inputs: string[] = [];
  const outputs: string[] = [];
  let attrs: Map<string, OnnxAttribute> | undefined;
  let name = '';
  let opType = '';
  let domain = '';
  while (r.more()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        expectWire(wire, WIRE_LEN, 'node input');
        inputs.push(r.string());
        break;
      case 2:
        expectWire(wire, WIRE_LEN, 'node output');
        outputs.push(r.string());
        break;
      case 3:
        expectWire(wire, WIRE_LEN, 'node name');
        name = r.string();
        break;
      case 4:
        expectWire(wire, WIRE_LEN, 'op_type');
        opType = r.string();
        break;
      case 5: {
        expectWire(wire, WIRE_LEN, 'attribute');
        const a = parseAttribute(r.child());
        (attrs ??= new Map()).set(a.name, a);
        break;
      }
      case 7:
        expectWire(wire, WIRE_LEN, 'domain');
        domain = r.string();
        break;
      default:
        r.skip(wire);
    }
    if (inputs.length + outputs.length > ONNX_LIMITS.maxListValues) {
      throw new ExplorerError('ONNX_LIMIT', `node "${name}" has too many inputs or outputs`);
    }
  }
  return { name, opType, domain, inputs, outputs, attrs: attrs ?? NO_ATTRIBUTES };
}

function parseAttribute(r: WireReader): OnnxAttribute {
  let name = '';
  const a: { i?: number; f?: number; s?: string; ints?: number[]; floats?: number[]; t?: OnnxTensor } = {};
  while (r.more()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        expectWire(wire, WIRE_LEN, 'attribute name');
        name = r.string();
        break;
      case 2:
        expectWire(wire, WIRE_I32, 'attribute f');
        a.f = r.float32();
        break;
      case 3:
        expectWire(wire, WIRE_VARINT, 'attribute i');
        a.i = r.int64();
        break;
      case 4:
        expectWire(wire, WIRE_LEN, 'attribute s');
        a.s = r.string();
        break;
      case 5:
        expectWire(wire, WIRE_LEN, 'attribute t');
        a.t = parseTensor(r.child());
        break;
      case 7:
        r.floats(wire, (a.floats ??= []), ONNX_LIMITS.maxListValues);
        break;
      case 8:
        r.int64s(wire, (a.ints ??= []), ONNX_LIMITS.maxListValues);
        break;
      default:
        // Subgraphs (6, 11), strings (9), tensors (10) and the rest are not needed:
        // skipping them also means no recursion, so nesting depth cannot blow the stack.
        r.skip(wire);
    }
  }
  return { name, ...a };
}

const ELEMENT_BYTES: Readonly<Record<number, number>> = {
  [ONNX_DTYPE.FLOAT]: 4,
  [ONNX_DTYPE.UINT8]: 1,
  [ONNX_DTYPE.INT8]: 1,
  [ONNX_DTYPE.UINT16]: 2,
  [ONNX_DTYPE.INT16]: 2,
  [ONNX_DTYPE.INT32]: 4,
  [ONNX_DTYPE.INT64]: 8,
  [ONNX_DTYPE.BOOL]: 1,
  [ONNX_DTYPE.DOUBLE]: 8,
  [ONNX_DTYPE.UINT32]: 4,
};

/**
 * Checked dims: each in [0, maxDim], rank <= maxRank, element count <= maxElements.
 * `describe` names the tensor, built only on error (this runs once per tensor). O(rank).
 */
export function checkDims(dims: readonly number[], describe: () => string): number {
  if (dims.length > ONNX_LIMITS.maxRank) {
    throw new ExplorerError('ONNX_LIMIT', `${describe()} has rank ${dims.length} > ${ONNX_LIMITS.maxRank}`);
  }
  let n = 1;
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0 || d > ONNX_LIMITS.maxDim) {
      throw new ExplorerError('ONNX_LIMIT', `${describe()} has dimension ${d} (allowed 0..${ONNX_LIMITS.maxDim})`);
    }
    n *= d;
  }
  if (n > ONNX_LIMITS.maxElements) {
    throw new ExplorerError('ONNX_LIMIT', `${describe()} has ${n} elements > ${ONNX_LIMITS.maxElements}`);
  }
  return n;
}

function parseTensor(r: WireReader): OnnxTensor {
  const dims: number[] = [];
  let dataType = 0;
  let name = '';
  let external = false;
  let raw: [number, number] | undefined;
  let typed: number[] | undefined;
  let typedTooLong = false;
  const limit = ONNX_LIMITS.maxDecodedElements;
  const collect = (wire: number, read: () => number, fixed: number): void => {
    // Why: only small constants are decoded; a packed run longer than the limit is skipped by offset.
    if (wire === WIRE_LEN) {
      const [s, e] = r.span();
      if (typedTooLong || (fixed > 0 ? (e - s) / fixed : e - s) > limit * 10) {
        typedTooLong = true;
        return;
      }
      const c = new WireReader(r.buf, s, e);
      const out = (typed ??= []);
      while (c.more()) out.push(read.call(c));
      if (out.length > limit) typedTooLong = true;
    } else {
      const v = read.call(r);
      const out = (typed ??= []);
      if (out.length <= limit) out.push(v);
      else typedTooLong = true;
    }
  };
  while (r.more()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        r.int64s(wire, dims, ONNX_LIMITS.maxRank);
        break;
      case 2:
        expectWire(wire, WIRE_VARINT, 'data_type');
        dataType = r.varint();
        break;
      case 4:
        if (wire !== WIRE_LEN && wire !== WIRE_I32) throw badWire('float_data', wire);
        collect(wire, WireReader.prototype.float32, 4);
        break;
      case 5:
      case 7:
        if (wire !== WIRE_LEN && wire !== WIRE_VARINT) throw badWire('int_data', wire);
        collect(wire, WireReader.prototype.int64, 0);
        break;
      case 8:
        expectWire(wire, WIRE_LEN, 'tensor name');
        name = r.string();
        break;
      case 9:
        expectWire(wire, WIRE_LEN, 'raw_data');
        raw = r.span();
        break;
      case 13:
        expectWire(wire, WIRE_LEN, 'external_data');
        external = true;
        r.skip(wire);
        break;
      case 14:
        expectWire(wire, WIRE_VARINT, 'data_location');
        if (r.varint() === 1) external = true;
        break;
      default:
        r.skip(wire);
    }
  }
  const count = checkDims(dims, () => `tensor "${name}"`);
  let values: number[] | undefined;
  if (count <= limit && !external) {
    if (raw) values = decodeRaw(r.buf, raw[0], raw[1], dataType, count);
    else if (typed && !typedTooLong && typed.length === count) values = typed;
  }
  return { name, dims, dataType, external, ...(values ? { values } : {}) };
}

/** Little-endian raw_data of a small numeric tensor; undefined for other types or a size mismatch. O(count). */
function decodeRaw(buf: Uint8Array, start: number, end: number, dataType: number, count: number): number[] | undefined {
  const size = ELEMENT_BYTES[dataType];
  if (size === undefined || end - start !== size * count) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset + start, end - start);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const o = i * size;
    switch (dataType) {
      case ONNX_DTYPE.FLOAT:
        out[i] = view.getFloat32(o, true);
        break;
      case ONNX_DTYPE.DOUBLE:
        out[i] = view.getFloat64(o, true);
        break;
      case ONNX_DTYPE.INT64:
        out[i] = view.getInt32(o + 4, true) * 4294967296 + view.getUint32(o, true);
        break;
      case ONNX_DTYPE.INT32:
        out[i] = view.getInt32(o, true);
        break;
      case ONNX_DTYPE.UINT32:
        out[i] = view.getUint32(o, true);
        break;
      case ONNX_DTYPE.INT16:
        out[i] = view.getInt16(o, true);
        break;
      case ONNX_DTYPE.UINT16:
        out[i] = view.getUint16(o, true);
        break;
      case ONNX_DTYPE.INT8:
        out[i] = view.getInt8(o);
        break;
      default:
        out[i] = view.getUint8(o);
    }
  }
  return out;
}

/** A SparseTensorProto as a dense tensor description (dims only). */
function parseSparseTensor(r: WireReader): OnnxTensor | undefined {
  let values: OnnxTensor | undefined;
  const dims: number[] = [];
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) values = parseTensor(r.child());
    else if (field === 3) r.int64s(wire, dims, ONNX_LIMITS.maxRank);
    else r.skip(wire);
  }
  if (!values) return undefined;
  checkDims(dims, () => `sparse tensor "${values.name}"`);
  return { name: values.name, dims, dataType: values.dataType, external: values.external };
}

function parseValueInfo(r: WireReader): OnnxValueInfo {
  let name = '';
  let elemType = 0;
  let dims: OnnxDim[] | undefined;
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LEN) name = r.string();
    else if (field === 2 && wire === WIRE_LEN) {
      const type = r.child();
      while (type.more()) {
        const [tf, tw] = type.tag();
        if (tf !== 1 || tw !== WIRE_LEN) {
          type.skip(tw);
          continue;
        }
        // TypeProto.Tensor: elem_type (1), shape (2).
        const tensor = type.child();
        while (tensor.more()) {
          const [f, w] = tensor.tag();
          if (f === 1 && w === WIRE_VARINT) elemType = tensor.varint();
          else if (f === 2 && w === WIRE_LEN) dims = parseShape(tensor.child(), name);
          else tensor.skip(w);
        }
      }
    } else r.skip(wire);
  }
  return { name, elemType, ...(dims ? { dims } : {}) };
}

function parseShape(r: WireReader, name: string): OnnxDim[] {
  const dims: OnnxDim[] = [];
  while (r.more()) {
    const [field, wire] = r.tag();
    if (field !== 1 || wire !== WIRE_LEN) {
      r.skip(wire);
      continue;
    }
    const d = r.child();
    let dim: OnnxDim;
    while (d.more()) {
      const [f, w] = d.tag();
      if (f === 1 && w === WIRE_VARINT) dim = d.int64();
      else if (f === 2 && w === WIRE_LEN) dim = d.string();
      else d.skip(w);
    }
    dims.push(dim);
    if (dims.length > ONNX_LIMITS.maxRank) {
      throw new ExplorerError('ONNX_LIMIT', `value "${name}" has rank > ${ONNX_LIMITS.maxRank}`);
    }
  }
  return dims;
}

/** Bytes per element of an ONNX data type (0 when unknown or variable). O(1). */
export function onnxElementBytes(dataType: number): number {
  if (dataType === ONNX_DTYPE.FLOAT16 || dataType === ONNX_DTYPE.BFLOAT16) return 2;
  if (dataType === ONNX_DTYPE.UINT64) return 8;
  return ELEMENT_BYTES[dataType] ?? 0;
}
