import { RESERVED_KEYS } from '../platform/schema';

/** Outcome of parsing untrusted JSON text. */
export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'syntax' | 'unsafe-key'; readonly detail: string };

class UnsafeKey extends Error {}

/**
 * Parses untrusted JSON, refusing any object key `__proto__`, `constructor` or `prototype`
 * anywhere in the tree, so nothing parsed can later reach an object's prototype when copied or
 * validated. Never throws (syntax errors and stack exhaustion on absurd nesting are reported).
 * Parsing itself never runs code: JSON.parse builds plain data. O(text length).
 * @example parseUntrustedJson('{"__proto__": {}}') // { ok: false, reason: 'unsafe-key', ... }
 */
export function parseUntrustedJson(text: string): SafeJsonResult {
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => {
      if (RESERVED_KEYS.has(key)) throw new UnsafeKey(key);
      return v;
    });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof UnsafeKey) return { ok: false, reason: 'unsafe-key', detail: `key "${e.message}"` };
    return { ok: false, reason: 'syntax', detail: e instanceof Error ? e.message.slice(0, 200) : 'unreadable' };
  }
}
