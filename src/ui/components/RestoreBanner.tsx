import { browserSessionHost } from '../../state/browserSession';
import { dismissPrevious, restorePrevious } from '../../state/session';
import { useStore } from '../../state/store';

/** Offers back a saved session that the opened link would otherwise have replaced. */
export function RestoreBanner() {
  const offer = useStore((s) => s.restoreOffer);
  if (!offer) return null;
  const when = new Date(offer.savedAt).toLocaleString();
  return (
    <div className="restore" role="region" aria-label="Saved session" data-testid="restore-offer">
      You have a saved session from {when}: <strong>{offer.label}</strong>. This page opened something else, so it was
      kept aside.
      <button type="button" onClick={() => void restorePrevious(browserSessionHost())} data-testid="restore-session">
        Restore it
      </button>
      <button type="button" className="link" onClick={() => dismissPrevious(browserSessionHost())}>
        Discard
      </button>
    </div>
  );
}
