import type { ShareError } from '../core/share/codec';
import { encodeShareState, planFileText, SHARE_URL_WARN_CHARS, shareUrl } from '../core/share/codec';
import { openPlanFile, openShareHash, type OpenResult } from '../core/share/open';
import { makeShareState, type ShareState } from '../core/share/shareState';
import { ZOO } from '../core/zoo';
import { selectShownScenario } from './slices/research';
import { useStore, type AppState } from './store';

/** The shareable state of the app: network (zoo id or inline), platform with edits, plan, objective. O(stages), or O(network) inline. */
export function shareStateOf(s: AppState): ShareState {
  const zoo = ZOO.some((z) => z.id === s.modelId && s.network.id === z.id);
  return makeShareState({
    model: zoo ? { zoo: s.modelId } : { network: s.network },
    platform: s.platform,
    plan: s.plan,
    objective: s.objective,
    ...(s.objective !== 'fps' ? { minFps: s.minFps } : {}),
    ...(selectShownScenario(s) ? { view: { scenario: s.research.id! } } : {}),
  });
}

/** The link to the current scenario, and whether it is too long to paste safely. */
export function currentShareLink(base: string): { url: string; length: number; tooLong: boolean } {
  const url = shareUrl(base, shareStateOf(useStore.getState()));
  return { url, length: url.length, tooLong: url.length > SHARE_URL_WARN_CHARS };
}

/** The `.plan.json` text of the current scenario. */
export function currentPlanFile(): string {
  return planFileText(shareStateOf(useStore.getState()));
}

/** What an opening attempt says to the user (for the alert), or null when it opened. */
export type OpenOutcome = ShareError | null;

/** Loads a decoded and resolved share into the store (one undo step). */
async function load(result: OpenResult): Promise<OpenOutcome> {
  if (!result.ok) return result.error;
  const { scenario } = result;
  const model = 'zoo' in result.state.model ? result.state.model.zoo : scenario.network.id;
  await useStore.getState().loadScenario({
    modelId: model,
    network: scenario.network,
    platform: scenario.platform,
    plan: scenario.plan,
    objective: scenario.objective,
    ...(scenario.minFps !== undefined ? { minFps: scenario.minFps } : {}),
  });
  return null;
}

/** Opens a location hash; null result: nothing shared in it. Never throws. */
export function openHash(hash: string): Promise<OpenOutcome> | null {
  const r = openShareHash(hash);
  return r === null ? null : load(r);
}

/** Opens the text of a plan file. Never throws. */
export function openPlanText(text: string): Promise<OpenOutcome> {
  return load(openPlanFile(text));
}

/** The payload part of the current link (what the URL and the autosave hold). */
export function currentPayload(): string {
  return encodeShareState(shareStateOf(useStore.getState()));
}
