import { ExplorerError } from '../errors';
import { ONNX_LIMITS } from './limits';
import { badWire, expectWire, WIRE_I32, WIRE_LEN, WIRE_VARINT, WireReader } from './wire';

/**
 * TensorProto without payloads: dims, type and, for small numeric constants,
 * decoded values. Weights are skipped by offset (raw_data) or never read
 * (external data).
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

/** Parses a TensorProto; values only when numeric and small. O(fields), payloads skipped. */
export function parseTensor(r: WireReader): OnnxTensor {
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
export function parseSparseTensor(r: WireReader): OnnxTensor | undefined {
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
