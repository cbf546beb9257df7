import type { StateCreator } from 'zustand';
import type { CalibrationReport } from '../../core/profile/calibrate';
import { attachProfile } from '../../workers/onnxApi';
import { importOnnxInWorker } from '../../workers/onnxClient';
import { withMeasured } from '../costTables';
import type { ScenarioSlice } from './scenario';

/** What the last ONNX import said beyond the network itself. */
export interface ImportNotes {
  readonly file: string;
  readonly warnings: readonly string[];
  /** "batch = 1 (default)" style descriptions of the symbolic dims and the values used. */
  readonly dims: readonly string[];
}

/** ONNX import and measured profiles. */
export interface ImportsSlice {
  /** Import in progress: file name and 0..1. */
  importing: { readonly file: string; readonly progress: number } | null;
  importNotes: ImportNotes | null;
  /** Calibration report per processor id with an attached profile. */
  calibrations: Readonly<Record<string, CalibrationReport>>;
  importOnnxFile: (file: File) => Promise<void>;
  attachProfileFile: (processorId: string, file: File) => Promise<void>;
  detachProfile: (processorId: string) => Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createImportsSlice: StateCreator<ScenarioSlice & ImportsSlice, [], [], ImportsSlice> = (set, get) => ({
  importing: null,
  importNotes: null,
  calibrations: {},
  importOnnxFile: async (file) => {
    set({ importing: { file: file.name, progress: 0 } });
    try {
      const bytes = await file.arrayBuffer();
      const stem = file.name.replace(/\.onnx$/i, '');
      const r = await importOnnxInWorker(bytes, { id: `onnx:${stem}`, name: stem }, (progress) =>
        set({ importing: { file: file.name, progress } }),
      );
      set({
        importNotes: {
          file: file.name,
          warnings: r.warnings,
          dims: r.symbolicDims.map((d) => `${d.name} = ${d.value}${d.defaulted ? ' (default)' : ''}`),
        },
        calibrations: {},
      });
      await get().openNetwork(r.network);
    } catch (e) {
      set({ error: `${file.name}: ${message(e)}` });
    } finally {
      set({ importing: null });
    }
  },
  attachProfileFile: async (processorId, file) => {
    try {
      const text = await file.text();
      const s = get();
      const c = attachProfile(s.network, s.platform, processorId, text);
      set({ calibrations: { ...get().calibrations, [processorId]: c.report } });
      await get().setPlatform(withMeasured(get().platform, processorId, c.measuredMs));
    } catch (e) {
      set({ error: `${file.name}: ${message(e)}` });
    }
  },
  detachProfile: async (processorId) => {
    const { [processorId]: _gone, ...rest } = get().calibrations;
    void _gone;
    set({ calibrations: rest });
    await get().setPlatform(withMeasured(get().platform, processorId, null));
  },
});
