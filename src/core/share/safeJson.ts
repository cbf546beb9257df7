import { RESERVED_KEYS } from '../platform/schema';

/** Outcome of parsing untrusted JSON text. */
export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'syntax' | 'unsafe-key'; readonly detail: string };

/**
 * Parses untrusted JSON, refusing any object key `__proto__`, `constructor` or `prototype`
 * anywhere in the tree, so nothing parsed can later reach an object's prototype when copied or
 * validated. JSON.parse itself only builds plain data (it defines `__proto__` as an own property,
 * never calls a setter), and runs no code. Never throws.
 *
 * Why a walk after parsing instead of a reviver: V8's reviver path is ~10x slower than plain
 * JSON.parse, and the walk uses an explicit stack, so absurd nesting cannot overflow the call stack.
 * O(text length).
 * @example parseUntrustedJson('{"__proto__": {}}') // { ok: false, reason: 'unsafe-key', ... }
 */
export function parseUntrustedJson(text: string): SafeJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'syntax', detail: e instanceof Error ? e.message.slice(0, 200) : 'unreadable' };
  }
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) if (child !== null && typeof child === 'object') stack.push(child);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (RESERVED_KEYS.has(key)) return { ok: false, reason: 'unsafe-key', detail: `key "${key}"` };
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return { ok: true, value };
}
