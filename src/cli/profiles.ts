import { readFileSync } from 'node:fs';
import type { CostTableOptions } from '../core/cost/tables';
import { ExplorerError } from '../core/errors';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { calibrate, type Calibration } from '../core/profile/calibrate';
import { parseProfile } from '../core/profile/parse';
import { all, type Args } from './args';

/** A profile attached from the command line, with the file it came from. */
export interface CliCalibration extends Calibration {
  readonly file: string;
}

/**
 * Every `--profile FILE@PROCESSOR` (repeatable) parsed and matched. Throws
 * BAD_ARGUMENT for a missing `@`, an unreadable file or a processor given twice.
 */
export function calibrationsFrom(args: Args, net: Network, platform: Platform): CliCalibration[] {
  const seen = new Set<string>();
  return all(args, 'profile').map((item) => {
    const at = item.lastIndexOf('@');
    if (at <= 0 || at === item.length - 1) {
      throw new ExplorerError('BAD_ARGUMENT', `--profile "${item}" must be FILE@PROCESSOR, e.g. ort.json@big`);
    }
    const file = item.slice(0, at);
    const processor = item.slice(at + 1);
    if (seen.has(processor)) throw new ExplorerError('BAD_ARGUMENT', `two profiles for processor "${processor}"`);
    seen.add(processor);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ExplorerError('BAD_ARGUMENT', `cannot read profile "${file}"`);
    }
    return { ...calibrate(net, platform, processor, parseProfile(text)), file };
  });
}

/** The cost-table option that makes plans use the measured times. */
export function tableOptionsOf(calibrations: readonly Calibration[]): CostTableOptions {
  return calibrations.length === 0 ? {} : { measured: new Map(calibrations.map((c) => [c.processorId, c.measuredMs])) };
}

/** One summary line per calibration, and its JSON form. */
export function calibrationSummary(c: CliCalibration): string {
  const r = c.report;
  return (
    `profile ${c.file} on ${r.processor} (${r.format}): ${r.matchedLayers} layers matched, ${r.unmatchedLayers} modelled, ` +
    `${r.unmatchedRecords.length} profile entries unmatched; model vs measured: MAPE ${r.mapePct.toFixed(1)}%, ` +
    `total ${r.modelledTotalMs.toFixed(3)} / ${r.measuredTotalMs.toFixed(3)} ms (ratio ${r.totalRatio.toFixed(2)})`
  );
}

export function calibrationJson(c: CliCalibration) {
  const r = c.report;
  return {
    file: c.file,
    processor: r.processor,
    format: r.format,
    matchedLayers: r.matchedLayers,
    unmatchedLayers: r.unmatchedLayers,
    unmatchedRecords: r.unmatchedRecords.map((x) => x.name),
    mapePct: r.mapePct,
    measuredTotalMs: r.measuredTotalMs,
    modelledTotalMs: r.modelledTotalMs,
    totalRatio: r.totalRatio,
  };
}
