import { decodeShareState, sharePayloadOf } from '../core/share/codec';
import { platformById } from '../core/platform/presets';
import { zooNetwork } from '../core/zoo';
import { openLinkedScenario } from './scenarioLink';
import { currentPayload, openHash } from './share';
import { useStore, type AppState } from './store';

/** Where the running session is autosaved (a share payload and a time). */
export const SESSION_KEY = 'dnn-partition-explorer/session/v1';
/** A saved session put aside because the app opened something else; offered back until dismissed. */
export const PREVIOUS_KEY = 'dnn-partition-explorer/previous/v1';
/** The URL and the autosave follow changes after this quiet time, ms. */
export const SYNC_DEBOUNCE_MS = 250;

interface Saved {
  readonly payload: string;
  readonly savedAt: number;
}

/** What the session needs from the page (injected, so tests run it in Node). */
export interface SessionHost {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: { replaceState(data: unknown, unused: string, url: string): void };
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  onHide(flush: () => void): void;
}

function readSaved(host: SessionHost, key: string): Saved | null {
  try {
    const raw = host.storage?.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Saved>;
    return typeof v.payload === 'string' && typeof v.savedAt === 'number'
      ? { payload: v.payload, savedAt: v.savedAt }
      : null;
  } catch {
    return null; // unreadable storage is treated as empty, never as an error
  }
}

function writeSaved(host: SessionHost, key: string, saved: Saved): void {
  try {
    host.storage?.setItem(key, JSON.stringify(saved));
  } catch {
    // quota or privacy mode: the URL still holds the plan
  }
}

/** "ResNet-50 on HiKey 970, 3 stages" for a payload, or null when it no longer decodes. */
export function describePayload(payload: string): string | null {
  const d = decodeShareState(payload);
  if (!d.ok) return null;
  const m = d.state.model;
  let model: string;
  try {
    model = 'zoo' in m ? zooNetwork(m.zoo).name : m.inline.name;
  } catch {
    model = 'zoo' in m ? m.zoo : 'an imported network';
  }
  const p = d.state.platform;
  let platform: string;
  try {
    platform = 'preset' in p ? platformById(p.preset).name + (p.edits ? ' (edited)' : '') : p.custom.name;
  } catch {
    platform = 'preset' in p ? p.preset : 'a custom platform';
  }
  const stages = d.state.plan.procs.length;
  return `${model} on ${platform}, ${stages} stage${stages === 1 ? '' : 's'}`;
}

const changed = (a: AppState, b: AppState) =>
  a.plan !== b.plan ||
  a.platform !== b.platform ||
  a.network !== b.network ||
  a.objective !== b.objective ||
  a.minFps !== b.minFps ||
  a.research !== b.research;

/**
 * Opens what the URL holds (or else the autosaved session), then keeps the
 * URL hash and the autosave in step with the store. A saved session that
 * differs from what was opened is put aside and offered back, never
 * overwritten. Returns a function that stops syncing.
 */
export async function startSession(host: SessionHost): Promise<() => void> {
  useStore.setState({ booting: true });
  const saved = readSaved(host, SESSION_KEY);
  const linked = sharePayloadOf(host.location.hash);
  let shown: string | null = null;
  if (linked !== null) {
    const outcome = await openHash(host.location.hash);
    if (outcome) {
      useStore.setState({
        error: `This link could not be opened: ${outcome.message} The default scenario is shown instead.`,
      });
    } else shown = linked;
  } else if (saved) {
    const outcome = await openHash(`#s=${saved.payload}`);
    if (!outcome) shown = saved.payload;
  }
  shown = await openLinkedScenario(host.location.hash, shown);
  if (saved && saved.payload !== shown) writeSaved(host, PREVIOUS_KEY, saved);
  const previous = readSaved(host, PREVIOUS_KEY);
  const label = previous && describePayload(previous.payload);
  if (previous && label) useStore.getState().setRestoreOffer({ ...previous, label });
  useStore.setState({ booting: false });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    let payload: string;
    try {
      payload = currentPayload();
    } catch {
      return; // a state the schema refuses (e.g. an edit outside its bounds) keeps the last good URL
    }
    host.history.replaceState(null, '', `${host.location.pathname}${host.location.search}#s=${payload}`);
    writeSaved(host, SESSION_KEY, { payload, savedAt: Date.now() });
  };
  flush();
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (!changed(s, prev)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SYNC_DEBOUNCE_MS);
  });
  host.onHide(() => {
    if (timer) {
      clearTimeout(timer);
      flush();
    }
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

/** Opens the session that was put aside, and stops offering it. */
export async function restorePrevious(host: Pick<SessionHost, 'storage'>): Promise<void> {
  const offer = useStore.getState().restoreOffer;
  if (!offer) return;
  useStore.getState().setRestoreOffer(null);
  const outcome = await openHash(`#s=${offer.payload}`);
  if (outcome) useStore.setState({ error: `Your saved session could not be restored: ${outcome.message}` });
  else host.storage?.removeItem(PREVIOUS_KEY);
}

/** Stops offering the session that was put aside (it is deleted). */
export function dismissPrevious(host: Pick<SessionHost, 'storage'>): void {
  useStore.getState().setRestoreOffer(null);
  try {
    host.storage?.removeItem(PREVIOUS_KEY);
  } catch {
    // nothing to lose
  }
}
