import { layerTimeMs } from '../cost/layerCost';
import { ExplorerError } from '../errors';
import type { Network } from '../model/types';
import type { Platform, Processor } from '../platform/types';
import { matchProfile, type ProfileMatch } from './match';
import type { Profile, ProfileRecord } from './types';

/** Measured against modelled time of one matched layer, on all units of the processor. */
export interface CalibrationRow {
  readonly index: number;
  readonly name: string;
  readonly op: string;
  readonly measuredMs: number;
  readonly modelledMs: number;
  /** (modelled - measured) / measured, percent; NaN when measured is 0. */
  readonly errorPct: number;
}

/** What attaching a profile to a processor did, and how far the analytic model was off. */
export interface CalibrationReport {
  readonly processor: string;
  readonly format: Profile['format'];
  readonly matchedLayers: number;
  readonly unmatchedLayers: number;
  readonly unmatchedRecords: readonly ProfileRecord[];
  readonly rows: readonly CalibrationRow[];
  /** Mean absolute percentage error of the model per matched record (a fused kernel counts once). */
  readonly mapePct: number;
  readonly measuredTotalMs: number;
  readonly modelledTotalMs: number;
  /** modelledTotalMs / measuredTotalMs over matched layers (1 = the model is right on average). */
  readonly totalRatio: number;
}

/** A profile attached to one processor: the `measured` row for `buildCostTables` and its report. */
export interface Calibration {
  readonly processorId: string;
  /** Ms per layer position on the processor's full unit count; NaN = not measured. */
  readonly measuredMs: Float64Array;
  readonly match: ProfileMatch;
  readonly report: CalibrationReport;
}

/**
 * Compares a profile match with the analytic model of a processor on all its
 * units (the configuration a profile is measured on). O(layers).
 */
export function calibrationReport(
  net: Network,
  proc: Processor,
  format: Profile['format'],
  match: ProfileMatch,
): CalibrationReport {
  const rows: CalibrationRow[] = [];
  const modelled = new Float64Array(net.layers.length);
  let measuredTotalMs = 0;
  let modelledTotalMs = 0;
  net.layers.forEach((l, i) => {
    const measured = match.measuredMs[i]!;
    if (Number.isNaN(measured)) return;
    modelled[i] = layerTimeMs(l, proc, proc.units, net.dtype);
    const errorPct = measured > 0 ? ((modelled[i]! - measured) / measured) * 100 : NaN;
    measuredTotalMs += measured;
    modelledTotalMs += modelled[i]!;
    rows.push({ index: i, name: l.name, op: l.op, measuredMs: measured, modelledMs: modelled[i]!, errorPct });
  });
  // Why per group: a fused kernel's time is split over its layers by the model's own work
  // ratio, so per-layer errors inside a group would partly measure that split, not the model.
  let apeSum = 0;
  let apeCount = 0;
  for (const g of match.groups) {
    const measured = g.layers.reduce((a, l) => a + match.measuredMs[l]!, 0);
    const model = g.layers.reduce((a, l) => a + modelled[l]!, 0);
    if (measured > 0) {
      apeSum += Math.abs(model - measured) / measured;
      apeCount++;
    }
  }
  return {
    processor: proc.id,
    format,
    matchedLayers: match.matchedLayers,
    unmatchedLayers: match.unmatchedLayers,
    unmatchedRecords: match.unmatchedRecords,
    rows,
    mapePct: apeCount > 0 ? (apeSum / apeCount) * 100 : NaN,
    measuredTotalMs,
    modelledTotalMs,
    totalRatio: measuredTotalMs > 0 ? modelledTotalMs / measuredTotalMs : NaN,
  };
}

/**
 * Attaches a parsed profile to processor `processorId` of a platform: matches
 * it to the network's layers and reports the model's error. Pass
 * `{ measured: new Map([[c.processorId, c.measuredMs]]) }` to `buildCostTables`
 * so plans use the measured times. Throws UNKNOWN_PROCESSOR. O(layers + records).
 * @example const c = calibrate(net, platformById('hikey970'), 'big', parseProfile(text));
 */
export function calibrate(net: Network, platform: Platform, processorId: string, profile: Profile): Calibration {
  const proc = platform.processors.find((p) => p.id === processorId);
  if (!proc) {
    const known = platform.processors.map((p) => p.id).join(', ');
    throw new ExplorerError('UNKNOWN_PROCESSOR', `"${processorId}" is not on ${platform.id} (it has ${known})`);
  }
  const match = matchProfile(net, profile);
  return {
    processorId,
    measuredMs: match.measuredMs,
    match,
    report: calibrationReport(net, proc, profile.format, match),
  };
}
