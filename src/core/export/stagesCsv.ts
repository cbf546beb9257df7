import type { Network } from '../model/types';
import type { Evaluation } from '../plan/evaluate';

/*
 * CSV of a plan's stages (RFC 4180): comma-separated, CRLF line ends, a header row, fields
 * holding a comma, quote, CR or LF wrapped in quotes with inner quotes doubled.
 *
 * Layer names may come from user files, and spreadsheets run a cell that starts with = + - @
 * (or a tab / CR) as a formula. Such text cells get a leading apostrophe, the OWASP advice for
 * CSV injection, so the name shows as text. Numbers are written in full precision.
 */

/** Columns, in order. `from`/`to` are topological positions, `to` exclusive ([from, to)). */
export const STAGE_CSV_COLUMNS = [
  'stage',
  'processor',
  'units',
  'from',
  'to',
  'first_layer',
  'last_layer',
  'compute_ms',
  'transfer_ms',
  'transfer_bytes',
  'memory_bytes',
  'energy_mj',
] as const;

/** Makes text safe for a spreadsheet cell: a leading apostrophe before = + - @ tab or CR. O(1). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: text is neutralised, then quoted when needed. O(length). */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The stages of an evaluated plan as CSV text (header + one row per stage, CRLF line ends).
 * `energy_mj` is the stage's active energy per frame. O(stages).
 * @example stagesCsv(network, evaluatePlan(tables, plan)).split('\r\n')[0] // 'stage,processor,units,...'
 */
export function stagesCsv(network: Network, evaluation: Evaluation): string {
  const name = (i: number): string => network.layers[i]?.name ?? '';
  const rows = evaluation.stages.map((s, i) => [
    i + 1,
    s.processor,
    s.units,
    s.from,
    s.to,
    name(s.from),
    name(s.to - 1),
    s.computeMs,
    s.transferMs,
    s.transferBytes,
    s.memoryBytes,
    s.activeEnergyMj,
  ]);
  return [STAGE_CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
