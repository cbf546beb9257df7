import type { StateCreator } from 'zustand';

/** A saved session that differs from what the app opened, offered back instead of being overwritten. */
export interface RestoreOffer {
  /** Share payload of the saved session. */
  readonly payload: string;
  /** When it was saved, ms since the epoch. */
  readonly savedAt: number;
  /** What it holds, for the offer's text ("ResNet-50 on HiKey 970, 3 stages"). */
  readonly label: string;
}

export interface SessionSlice {
  /** True until the link or saved session the app opened with is loaded (the app is then not "ready"). */
  booting: boolean;
  restoreOffer: RestoreOffer | null;
  setRestoreOffer: (offer: RestoreOffer | null) => void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  booting: false,
  restoreOffer: null,
  setRestoreOffer: (restoreOffer) => set({ restoreOffer }),
});
