import { ExplorerError } from '../errors';

/** Protobuf wire types (varint, 64-bit, length-delimited, 32-bit; groups 3/4 are obsolete). */
export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

const TWO_32 = 4294967296;

/**
 * A cursor over protobuf bytes in `[pos, end)`. It never copies: nested
 * messages are read by a child reader over the same buffer, and payloads
 * (weights) are skipped by offset, so importing a 550 MB model allocates
 * nothing proportional to its weights.
 *
 * Every read checks bounds and throws ExplorerError ONNX_TRUNCATED or
 * ONNX_MALFORMED, never a RangeError.
 */
export class WireReader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  /** True while bytes remain. O(1). */
  more(): boolean {
    return this.pos < this.end;
  }

  /** Low and high 32 bits of the last varint read. */
  private lo = 0;
  private hi = 0;

  /**
   * Reads a varint of up to 10 bytes into `lo` / `hi`.
   * Why two halves: bitwise ops are 32-bit, and BigInt would allocate per field.
   * O(1).
   */
  private raw(): void {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ExplorerError('ONNX_TRUNCATED', `varint at byte ${this.pos}`);
      const b = buf[this.pos++]!;
      if (shift < 28) lo |= (b & 0x7f) << shift;
      else if (shift === 28) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >>> 4;
      } else hi |= (b & 0x7f) << (shift - 32);
      if ((b & 0x80) === 0) {
        this.lo = lo;
        this.hi = hi;
        return;
      }
      shift += 7;
    }
    throw new ExplorerError('ONNX_MALFORMED', `varint longer than 10 bytes at byte ${this.pos}`);
  }

  /** An unsigned varint as a JS number (exact below 2^53). O(1). */
  varint(): number {
    this.raw();
    return (this.hi >>> 0) * TWO_32 + (this.lo >>> 0);
  }

  /** A varint read as a two's-complement int64 (negative dims, -1 in Reshape shapes). O(1). */
  int64(): number {
    this.raw();
    return (this.hi | 0) * TWO_32 + (this.lo >>> 0);
  }

  /** Reads a field key; returns [field number, wire type]. O(1). */
  tag(): [number, number] {
    const key = this.varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new ExplorerError('ONNX_MALFORMED', `field number 0 at byte ${this.pos}`);
    return [field, wire];
  }

  /** Length of a length-delimited field, checked against the bytes left. O(1). */
  length(): number {
    const len = this.varint();
    if (len > this.end - this.pos) {
      throw new ExplorerError(
        'ONNX_TRUNCATED',
        `field of ${len} bytes at byte ${this.pos}, ${this.end - this.pos} left`,
      );
    }
    return len;
  }

  /** A child reader over the next length-delimited field (no copy). O(1). */
  child(): WireReader {
    const len = this.length();
    const r = new WireReader(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return r;
  }

  /** Offsets [start, end) of the next length-delimited field, skipped. O(1). */
  span(): [number, number] {
    const len = this.length();
    const start = this.pos;
    this.pos += len;
    return [start, start + len];
  }

  /** A UTF-8 string field. O(length). */
  string(): string {
    const [s, e] = this.span();
    return decodeUtf8(this.buf, s, e);
  }

  /** A 32-bit little-endian float. O(1). */
  float32(): number {
    this.need(4);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 4).getFloat32(0, true);
    this.pos += 4;
    return v;
  }

  /** Skips one field of the given wire type. O(1) (varints: O(10)). */
  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_I64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.span();
        return;
      case WIRE_I32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw new ExplorerError('ONNX_MALFORMED', `wire type ${wire} at byte ${this.pos}`);
    }
  }

  /**
   * Repeated int64 field: packed (one length-delimited run) or one varint per
   * key. Appends to `out`, at most `limit` values in total. O(values).
   */
  int64s(wire: number, out: number[], limit: number): void {
    if (wire === WIRE_VARINT) {
      out.push(this.int64());
    } else if (wire === WIRE_LEN) {
      const r = this.child();
      while (r.more()) out.push(r.int64());
    } else {
      throw new ExplorerError('ONNX_MALFORMED', `repeated int64 with wire type ${wire}`);
    }
    if (out.length > limit) throw new ExplorerError('ONNX_LIMIT', `more than ${limit} values in one list`);
  }

  /** Repeated float field, packed or not. O(values). */
  floats(wire: number, out: number[], limit: number): void {
    if (wire === WIRE_I32) {
      out.push(this.float32());
    } else if (wire === WIRE_LEN) {
      const r = this.child();
      while (r.more()) out.push(r.float32());
    } else {
      throw new ExplorerError('ONNX_MALFORMED', `repeated float with wire type ${wire}`);
    }
    if (out.length > limit) throw new ExplorerError('ONNX_LIMIT', `more than ${limit} values in one list`);
  }

  private need(n: number): void {
    if (this.end - this.pos < n) throw new ExplorerError('ONNX_TRUNCATED', `${n} bytes needed at byte ${this.pos}`);
  }
}

const ASCII_CHUNK = 1024;

/**
 * UTF-8 bytes [start, end) to a string; invalid sequences become U+FFFD.
 * Hand-written because core has no DOM or Node lib (no TextDecoder type).
 * O(length).
 */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  // Fast path: names in ONNX files are nearly always short ASCII.
  if (end - start <= ASCII_CHUNK) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
  }
  let out = '';
  let chunk: number[] = [];
  let i = start;
  while (i < end) {
    const b = buf[i]!;
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0) len = 2;
    else if (b >= 0xe0 && b < 0xf0) len = 3;
    else if (b >= 0xf0 && b < 0xf5) len = 4;
    if (len > 1) {
      if (i + len > end) {
        len = 1;
      } else {
        cp = b & (0xff >> (len + 1));
        for (let j = 1; j < len; j++) {
          const c = buf[i + j]!;
          if ((c & 0xc0) !== 0x80) {
            cp = 0xfffd;
            len = j;
            break;
          }
          cp = (cp << 6) | (c & 0x3f);
        }
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
      }
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else chunk.push(cp);
    i += len;
    // Flush in chunks: String.fromCharCode takes arguments on the stack.
    if (chunk.length > 4096) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** ONNX_MALFORMED for a field with the wrong wire type. */
export const badWire = (what: string, wire: number): ExplorerError =>
  new ExplorerError('ONNX_MALFORMED', `${what} has wire type ${wire}`);

/** Throws ONNX_MALFORMED unless a field has the wire type its schema gives it. O(1). */
export function expectWire(wire: number, want: number, what: string): void {
  if (wire !== want) throw badWire(what, wire);
}
