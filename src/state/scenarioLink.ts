import { decodeShareState } from '../core/share/codec';
import { currentPayload } from './share';
import { useStore } from './store';

/** A short link that opens a research scenario: `#scenario=pipe-it`. */
const SHORT_LINK = /^#scenario=([A-Za-z0-9_.-]{1,64})$/;

/** The short link of a scenario (relative: append to the app's address). */
export const scenarioShortLink = (id: string): string => `#scenario=${id}`;

/**
 * Opens the research scenario a link names, after the link itself was opened:
 * a short `#scenario=<id>` link runs the scenario and loads its plan; a share
 * payload whose view names a scenario keeps its own plan (it may carry the
 * user's edits) and only brings the comparison panel back. Returns the payload
 * now shown when it changed (a short link), else `shown`.
 */
export async function openLinkedScenario(hash: string, shown: string | null): Promise<string | null> {
  const short = SHORT_LINK.exec(hash);
  if (short) {
    await useStore.getState().openScenario(short[1]!);
    return useStore.getState().research.state === 'open' ? currentPayload() : shown;
  }
  if (shown === null) return shown;
  const decoded = decodeShareState(shown);
  const id = decoded.ok ? decoded.state.view?.scenario : undefined;
  if (id) await useStore.getState().openScenario(id, { load: false });
  return shown;
}
