import type { SessionHost } from './session';

/** localStorage, or null where the browser forbids it (privacy modes, sandboxed frames). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The page's session host: its URL, history and storage. */
export function browserSessionHost(): SessionHost {
  return {
    location: window.location,
    history: window.history,
    storage: storage(),
    onHide: (flush) => window.addEventListener('pagehide', flush),
  };
}
