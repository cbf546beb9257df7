import { ExplorerError } from '../errors';
import { ONNX_LIMITS } from './limits';
import { parseSparseTensor, parseTensor, type OnnxTensor } from './tensor';
import { expectWire, WIRE_I32, WIRE_LEN, WIRE_VARINT, WireReader } from './wire';

export type { OnnxTensor } from './tensor';

/**
 * The parts of an ONNX ModelProto the explorer needs, read by hand from the
 * protobuf wire format. Field numbers are those of onnx/onnx.proto (IR v3-v10).
 * Weight payloads are never copied: a tensor keeps its dims, type and, when
 * small, its decoded values (shape constants).
 */

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
