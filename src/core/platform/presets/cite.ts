import type { FigureSource } from '../types';

/** Cites one figure: `path` relative to the platform (`processors.big.units`), its status and its source. */
export const cite = (path: string, status: FigureSource['status'], source: string): FigureSource => ({
  path,
  status,
  source,
});
