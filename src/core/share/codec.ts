import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { ErrorCode } from '../errors';
import { ExplorerError } from '../errors';
import { describeIssues, fieldIssues } from '../platform/schema';
import { base64urlDecode, base64urlEncode } from './base64url';
import { parseUntrustedJson } from './safeJson';
import type { ShareState } from './shareState';
import { SHARE_VERSION, shareStateSchema } from './shareState';

/*
 * Share links and plan files.
 *
 * Hash format: `#s=<payload>`, payload = base64url (no padding) of raw DEFLATE (RFC 1951, fflate
 * level 9) of the UTF-8 JSON of a `ShareState`. Other `&`-separated `key=value` parts of the hash
 * are ignored, so the app may add its own later. A different encoding would use another key.
 *
 * Plan file (`*.plan.json`): the same `ShareState` as pretty JSON with a first key
 * `kind: 'dnn-partition-explorer/plan'`.
 *
 * Decoding untrusted input never throws and never runs code. Guards, in order: payload length,
 * base64url alphabet, inflated size (streamed in small chunks so a tiny "bomb" stops at the limit
 * instead of allocating gigabytes), JSON syntax, reserved keys (no prototype pollution), version
 * (a newer one gets its own message), then the strict schema.
 */

/** Longest payload accepted after `#s=`, characters. Links above SHARE_URL_WARN_CHARS still work. */
export const MAX_SHARE_PAYLOAD_CHARS = 262_144;
/** Largest JSON a payload may inflate to, bytes. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** Largest plan file accepted, characters (about bytes). */
export const MAX_PLAN_FILE_CHARS = 32 * 1024 * 1024;
/** Above this URL length the app says so and offers the plan file (chat apps and some servers cut longer URLs). */
export const SHARE_URL_WARN_CHARS = 8192;
/** The `kind` marker of a plan file. */
export const PLAN_FILE_KIND = 'dnn-partition-explorer/plan';

/** Why a link or file could not be read: a catalogue code and a message for the alert. */
export interface ShareError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type DecodeResult =
  { readonly ok: true; readonly state: ShareState } | { readonly ok: false; readonly error: ShareError };

const fail = (code: ErrorCode, detail?: string): { ok: false; error: ShareError } => ({
  ok: false,
  error: { code, message: new ExplorerError(code, detail).message },
});

/** Input is fed to the inflater in chunks of this many bytes; DEFLATE expands at most ~1032x, so each step stays near 1 MB. */
const INFLATE_CHUNK = 1024;

class TooLarge extends Error {}

/** Inflates raw DEFLATE, stopping as soon as the output would exceed `max` bytes. Throws TooLarge or fflate's error. */
function inflateBounded(data: Uint8Array, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) throw new TooLarge();
    parts.push(chunk.slice());
  });
  for (let i = 0; i < data.length; i += INFLATE_CHUNK) {
    const end = Math.min(data.length, i + INFLATE_CHUNK);
    inflater.push(data.subarray(i, end), end === data.length);
  }
  if (data.length === 0) inflater.push(data, true);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Encodes a share state as the URL payload (the part after `#s=`). Deterministic. O(JSON size).
 * @example encodeShareState(state) // 'bZBBDoIwEEX...'
 */
export function encodeShareState(state: ShareState): string {
  return base64urlEncode(deflateSync(strToU8(JSON.stringify(state)), { level: 9 }));
}

/** Validates a parsed JSON value as a share state: version first, then the strict schema. */
function validateShareValue(value: unknown): DecodeResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('SHARE_INVALID', 'the plan is not a JSON object');
  }
  const v = (value as { v?: unknown }).v;
  if (typeof v === 'number' && Number.isFinite(v) && v > SHARE_VERSION) {
    return fail('SHARE_NEWER_VERSION', `it has format version ${v}; this app reads up to ${SHARE_VERSION}`);
  }
  if (v !== SHARE_VERSION) return fail('SHARE_INVALID', 'its format version "v" is missing or not a known version');
  const r = shareStateSchema.safeParse(value);
  if (!r.success) return fail('SHARE_INVALID', describeIssues(fieldIssues(value, r.error)));
  return { ok: true, state: r.data };
}

/**
 * Decodes a URL payload into a validated share state. Never throws; every failure is a typed
 * error (SHARE_EMPTY, SHARE_TOO_LONG, SHARE_CORRUPT, SHARE_TOO_LARGE, SHARE_NOT_JSON,
 * SHARE_UNSAFE_KEY, SHARE_NEWER_VERSION, SHARE_INVALID). Time and memory are bounded by
 * MAX_SHARE_PAYLOAD_CHARS and MAX_INFLATED_BYTES: O(payload + inflated size).
 * @example decodeShareState(encodeShareState(s)) // { ok: true, state: s }
 */
export function decodeShareState(payload: string): DecodeResult {
  try {
    if (typeof payload !== 'string' || payload.length === 0) return fail('SHARE_EMPTY');
    if (payload.length > MAX_SHARE_PAYLOAD_CHARS) {
      return fail('SHARE_TOO_LONG', `${payload.length} characters, at most ${MAX_SHARE_PAYLOAD_CHARS}`);
    }
    const bytes = base64urlDecode(payload);
    if (!bytes) return fail('SHARE_CORRUPT', 'it contains characters that are not base64url');
    let json: Uint8Array;
    try {
      json = inflateBounded(bytes, MAX_INFLATED_BYTES);
    } catch (e) {
      if (e instanceof TooLarge) return fail('SHARE_TOO_LARGE', `more than ${MAX_INFLATED_BYTES} bytes`);
      return fail('SHARE_CORRUPT');
    }
    const parsed = parseUntrustedJson(strFromU8(json));
    if (!parsed.ok) {
      return parsed.reason === 'unsafe-key' ? fail('SHARE_UNSAFE_KEY', parsed.detail) : fail('SHARE_NOT_JSON');
    }
    return validateShareValue(parsed.value);
  } catch (e) {
    // Defence in depth: nothing above should throw, but a decoder must never let an exception escape.
    return fail('SHARE_CORRUPT', e instanceof Error ? e.message.slice(0, 200) : undefined);
  }
}

/**
 * The payload of `#s=` in a location hash, or null when the hash carries no shared state (no
 * `s=` part: not an error, the app opens its default scenario). `'#s='` gives '' (SHARE_EMPTY on
 * decoding). O(hash length).
 * @example sharePayloadOf('#s=abc&x=1') === 'abc'
 */
export function sharePayloadOf(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part === 's') return '';
    if (part.startsWith('s=')) return part.slice(2);
  }
  return null;
}

/**
 * Decodes a location hash: null when it carries no shared state, otherwise the decode result.
 * Percent-encoded payloads (some chat apps escape URLs) are unescaped first. Never throws.
 * O(hash length + inflated size).
 * @example parseShareHash(location.hash)
 */
export function parseShareHash(hash: string): DecodeResult | null {
  if (typeof hash !== 'string') return null;
  if (hash.length > MAX_SHARE_PAYLOAD_CHARS * 2) {
    return fail('SHARE_TOO_LONG', `${hash.length} characters, at most ${MAX_SHARE_PAYLOAD_CHARS}`);
  }
  let payload = sharePayloadOf(hash);
  if (payload === null) return null;
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return fail('SHARE_CORRUPT', 'bad percent-escape');
    }
  }
  return decodeShareState(payload);
}

/**
 * The share URL of a state: `baseUrl` without its hash, then `#s=<payload>`. O(JSON size).
 * @example shareUrl('http://localhost:5173/', state) // 'http://localhost:5173/#s=bZBB...'
 */
export function shareUrl(baseUrl: string, state: ShareState): string {
  const hashAt = baseUrl.indexOf('#');
  const base = hashAt >= 0 ? baseUrl.slice(0, hashAt) : baseUrl;
  return `${base}#s=${encodeShareState(state)}`;
}

/** True when a share URL is long enough that the app should offer the plan file instead. O(1). */
export function isShareUrlTooLong(url: string): boolean {
  return url.length > SHARE_URL_WARN_CHARS;
}

/**
 * The text of a `.plan.json` file: the share state as 2-space JSON with the `kind` marker first.
 * O(JSON size).
 */
export function planFileText(state: ShareState): string {
  return JSON.stringify({ kind: PLAN_FILE_KIND, ...state }, null, 2) + '\n';
}

/**
 * Reads a `.plan.json` file with the same guards as links (size, JSON, reserved keys, version,
 * schema) plus the `kind` marker (PLAN_FILE_KIND). Never throws. O(text length).
 * @example parsePlanFile(planFileText(state)) // { ok: true, state }
 */
export function parsePlanFile(text: string): DecodeResult {
  try {
    if (typeof text !== 'string') return fail('PLAN_FILE_KIND', 'the file is not text');
    if (text.length > MAX_PLAN_FILE_CHARS) {
      return fail('PLAN_FILE_TOO_LARGE', `${text.length} characters, at most ${MAX_PLAN_FILE_CHARS}`);
    }
    if (text.trim() === '') return fail('PLAN_FILE_KIND', 'the file is empty');
    const parsed = parseUntrustedJson(text);
    if (!parsed.ok) {
      return parsed.reason === 'unsafe-key' ? fail('SHARE_UNSAFE_KEY', parsed.detail) : fail('SHARE_NOT_JSON');
    }
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return fail('PLAN_FILE_KIND', 'the file is not a JSON object');
    }
    const { kind, ...rest } = value as Record<string, unknown>;
    if (kind !== PLAN_FILE_KIND) return fail('PLAN_FILE_KIND', `"kind" must be "${PLAN_FILE_KIND}"`);
    return validateShareValue(rest);
  } catch (e) {
    return fail('SHARE_INVALID', e instanceof Error ? e.message.slice(0, 200) : undefined);
  }
}
