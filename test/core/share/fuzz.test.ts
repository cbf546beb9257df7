import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/core/errors';
import { base64urlDecode, base64urlEncode } from '../../../src/core/share/base64url';
import type { DecodeResult } from '../../../src/core/share/codec';
import {
  decodeShareState,
  encodeShareState,
  parsePlanFile,
  parseShareHash,
  planFileText,
} from '../../../src/core/share/codec';
import { resolveDecoded } from '../../../src/core/share/open';
import { shareStateSchema } from '../../../src/core/share/shareState';
import { payloadOfText, VALID_STATE } from '../../fixtures/hostileHashes';
import { arbShareState } from '../../fixtures/shareArbitraries';

/**
 * Decoders face arbitrary input: whatever arrives, they return ok with a schema-valid state or a
 * typed error with a catalogue code, and resolving an ok state never throws either.
 */
function expectWellBehaved(run: () => DecodeResult | null): void {
  let r: DecodeResult | null = null;
  expect(() => {
    r = run();
  }).not.toThrow();
  if (r === null) return;
  const result = r as DecodeResult;
  if (result.ok) {
    expect(shareStateSchema.safeParse(result.state).success).toBe(true);
    let opened: ReturnType<typeof resolveDecoded> | undefined;
    expect(() => {
      opened = resolveDecoded(result);
    }).not.toThrow();
    if (opened && !opened.ok) expect(Object.keys(ERROR_CODES)).toContain(opened.error.code);
  } else {
    expect(Object.keys(ERROR_CODES)).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
  }
}

const validPayload = encodeShareState(VALID_STATE);
const validBytes = base64urlDecode(validPayload)!;
const validJson = JSON.stringify(VALID_STATE);

/** Byte-level mutations of a compressed payload: bit flips, truncation, splices, insertions. */
const arbMutatedBytes = (bytes: Uint8Array) =>
  fc.oneof(
    fc
      .array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 4 })
      .map((flips) => {
        const out = bytes.slice();
        for (const f of flips) out[f.at % out.length]! ^= 1 << f.bit;
        return out;
      }),
    fc.nat(bytes.length).map((n) => bytes.slice(0, n)),
    fc.tuple(fc.nat(bytes.length), fc.uint8Array({ maxLength: 40 })).map(([at, junk]) => {
      const out = new Uint8Array(bytes.length + junk.length);
      out.set(bytes.subarray(0, at));
      out.set(junk, at);
      out.set(bytes.subarray(at), at + junk.length);
      return out;
    }),
    fc.tuple(fc.nat(bytes.length), fc.nat(bytes.length)).map(([a, b]) => {
      const out = bytes.slice();
      out.copyWithin(Math.min(a, b), Math.max(a, b));
      return out;
    }),
  );

/** Replaces the value at a random path of a JSON tree with a random JSON value. */
function replaceAt(tree: unknown, choice: number, value: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((c, i) => walk(c, [...path, i]));
    else if (node !== null && typeof node === 'object')
      for (const [k, c] of Object.entries(node)) walk(c, [...path, k]);
  };
  walk(tree, []);
  const path = paths[choice % paths.length]!;
  if (path.length === 0) return value;
  const copy = structuredClone(tree) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

describe('decoder fuzzing', () => {
  it('random strings as hashes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expectWellBehaved(() => parseShareHash(s));
        expectWellBehaved(() => parseShareHash(`#s=${s}`));
        expectWellBehaved(() => decodeShareState(s));
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes as payloads, raw and validly deflated', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expectWellBehaved(() => decodeShareState(base64urlEncode(bytes)));
        expectWellBehaved(() => decodeShareState(base64urlEncode(deflateSync(bytes))));
      }),
      { numRuns: 500 },
    );
  });

  it('mutations of a valid payload (bit flips, truncation, splices)', () => {
    let okCount = 0;
    fc.assert(
      fc.property(arbMutatedBytes(validBytes), (bytes) => {
        expectWellBehaved(() => {
          const r = decodeShareState(base64urlEncode(bytes));
          if (r.ok) okCount++;
          return r;
        });
      }),
      { numRuns: 1000 },
    );
    // Most mutations break the payload; the property is that none of them escapes as an exception.
    expect(okCount).toBeLessThan(1000);
  });

  it('mutations of valid payloads of generated states', () => {
    fc.assert(
      fc.property(
        arbShareState.chain((s) => arbMutatedBytes(base64urlDecode(encodeShareState(s))!)),
        (bytes) => expectWellBehaved(() => decodeShareState(base64urlEncode(bytes))),
      ),
      { numRuns: 300 },
    );
  });

  it('character mutations of a valid payload string', () => {
    fc.assert(
      fc.property(fc.nat(validPayload.length), fc.string({ maxLength: 3 }), fc.nat(3), (at, insert, del) => {
        const s = validPayload.slice(0, at) + insert + validPayload.slice(at + del);
        expectWellBehaved(() => parseShareHash(`#s=${s}`));
      }),
      { numRuns: 500 },
    );
  });

  it('mutations of the JSON inside a valid payload', () => {
    const bytes = new TextEncoder().encode(validJson);
    fc.assert(
      fc.property(arbMutatedBytes(bytes), (mutated) => {
        expectWellBehaved(() => decodeShareState(base64urlEncode(deflateSync(mutated))));
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON values through the schema, whole and grafted into a valid state', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (value, choice) => {
        expectWellBehaved(() => decodeShareState(payloadOfText(JSON.stringify(value))));
        const grafted = replaceAt(VALID_STATE, choice, value);
        expectWellBehaved(() => decodeShareState(payloadOfText(JSON.stringify(grafted))));
        expectWellBehaved(() =>
          parsePlanFile(JSON.stringify({ kind: 'dnn-partition-explorer/plan', ...(grafted as object) })),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON grafted into generated states, including inline networks and edits', () => {
    fc.assert(
      fc.property(arbShareState, fc.jsonValue({ maxDepth: 3 }), fc.nat(), (s, value, choice) => {
        expectWellBehaved(() => decodeShareState(payloadOfText(JSON.stringify(replaceAt(s, choice, value)))));
      }),
      { numRuns: 300 },
    );
  });

  it('mutations of a valid plan file', () => {
    const text = planFileText(VALID_STATE);
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ maxLength: 4 }), fc.nat(4), (at, insert, del) => {
        expectWellBehaved(() => parsePlanFile(text.slice(0, at) + insert + text.slice(at + del)));
      }),
      { numRuns: 500 },
    );
  });

  it('the valid payload itself inflates to the state JSON (the mutations start from a real payload)', () => {
    expect(new TextDecoder().decode(inflateSync(validBytes))).toBe(validJson);
  });
});
