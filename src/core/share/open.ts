import { ExplorerError } from '../errors';
import type { DecodeResult, ShareError } from './codec';
import { parsePlanFile, parseShareHash } from './codec';
import type { ResolvedShare, ShareState } from './shareState';
import { resolveShareState } from './shareState';

/** A shared scenario ready to load, or why it cannot be. */
export type OpenResult =
  | { readonly ok: true; readonly state: ShareState; readonly scenario: ResolvedShare }
  | { readonly ok: false; readonly error: ShareError };

/**
 * Decode result -> resolved scenario. An `ExplorerError` from resolving (unknown model,
 * processor, bad cuts...) becomes a typed error; nothing escapes. O(scenario size).
 */
export function resolveDecoded(decoded: DecodeResult): OpenResult {
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, state: decoded.state, scenario: resolveShareState(decoded.state) };
  } catch (e) {
    if (e instanceof ExplorerError) return { ok: false, error: { code: e.code, message: e.message } };
    const error = new ExplorerError('SHARE_INVALID', e instanceof Error ? e.message.slice(0, 200) : undefined);
    return { ok: false, error: { code: error.code, message: error.message } };
  }
}

/**
 * Opens a location hash: null when it carries no shared state (open the default scenario
 * silently); otherwise the scenario, or an error for the alert (then open the default scenario).
 * Never throws.
 * @example const r = openShareHash(location.hash); if (r && !r.ok) showAlert(r.error.message)
 */
export function openShareHash(hash: string): OpenResult | null {
  const decoded = parseShareHash(hash);
  return decoded === null ? null : resolveDecoded(decoded);
}

/** Opens the text of a `.plan.json` file. Never throws. */
export function openPlanFile(text: string): OpenResult {
  return resolveDecoded(parsePlanFile(text));
}
