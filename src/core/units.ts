/**
 * Branded units. A `Ms` cannot be passed where `Bytes` is expected, so a
 * milliseconds/bytes mix-up is a type error rather than a wrong chart.
 * Hot loops work on plain `Float64Array`s; brands guard the API edges.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Milliseconds. */
export type Ms = Brand<number, 'ms'>;
/** Bytes. */
export type Bytes = Brand<number, 'bytes'>;
/** Multiply-accumulate operations. */
export type Macs = Brand<number, 'macs'>;
/** Millijoules. */
export type Mj = Brand<number, 'mJ'>;
/** Watts. */
export type Watts = Brand<number, 'W'>;

export const ms = (v: number): Ms => v as Ms;
export const bytes = (v: number): Bytes => v as Bytes;
export const macs = (v: number): Macs => v as Macs;
export const mj = (v: number): Mj => v as Mj;
export const watts = (v: number): Watts => v as Watts;

/** Element types a tensor or a processor can use. */
export type DType = 'float32' | 'float16' | 'int8';

/** Bytes per element of a data type. O(1). @example dtypeBytes('float16') === 2 */
export function dtypeBytes(dtype: DType): number {
  switch (dtype) {
    case 'float32':
      return 4;
    case 'float16':
      return 2;
    case 'int8':
      return 1;
  }
}
